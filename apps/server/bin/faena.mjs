#!/usr/bin/env node
// The `faena` command (Node 22 from the project's `node` devDependency). Runs the server bundle
// (scripts/bundle-server.mjs) when it is newer than every source file, else the TypeScript sources through
// tsx, so an edited checkout never runs stale code. `faena start` (npm start) with no fresh bundle runs the
// sources and builds the bundle in a low-priority process beside it, for the next start.
import { spawn } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startEmbeddedClusterForCommand } from '../src/platform/db/embedded-init.mjs'
import { BUNDLE, bundleIsFresh } from '../scripts/bundle-server.mjs'

// First: a new embedded database starts being created while the rest happens.
startEmbeddedClusterForCommand(process.argv, process.env)

if (bundleIsFresh()) {
  await import(pathToFileURL(BUNDLE).href)
} else {
  if (process.argv[2] === 'start') {
    const script = fileURLToPath(new URL('../scripts/bundle-server.mjs', import.meta.url))
    const bundler = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] })
    // the start comes first: the bundler gets the CPU the start leaves
    if (bundler.pid) os.setPriority(bundler.pid, 19)
    bundler.unref()
  }
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
