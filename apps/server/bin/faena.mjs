#!/usr/bin/env node
// The `faena` command (Node 22 from the project's `node` devDependency). Runs the server bundle
// (scripts/bundle-server.mjs) when it is newer than every source file, else the TypeScript sources through
// tsx, so an edited checkout never runs stale code. `faena start` (npm start) bundles first when the bundle
// is missing or stale: on a fresh clone that costs less CPU than transpiling the sources with tsx.
import { pathToFileURL } from 'node:url'
import { startEmbeddedClusterForCommand } from '../src/platform/db/embedded-init.mjs'
import { BUNDLE, bundleIsFresh, bundleServer } from '../scripts/bundle-server.mjs'

// First: a new embedded database starts being created while the rest happens.
startEmbeddedClusterForCommand(process.argv, process.env)

let fresh = bundleIsFresh()
if (!fresh && process.argv[2] === 'start') {
  await bundleServer()
  fresh = true
}
if (fresh) {
  await import(pathToFileURL(BUNDLE).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
