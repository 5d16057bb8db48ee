// Bundles the server's TypeScript (and the workspace packages it imports) into dist/main.mjs, so that
// `faena serve` starts without transpiling ~400 files at every start (docs/architecture.md#start-up).
// The npm packages stay external: Node loads them from node_modules as usual. `faena start` (npm start)
// runs this when the bundle is missing or stale; `npm run bundle -w @faena/server` runs it by hand.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const serverDir = path.resolve(import.meta.dirname, '..')
export const BUNDLE = path.join(serverDir, 'dist/main.mjs')
const SOURCE_DIRS = [
  path.join(serverDir, 'src'),
  path.join(serverDir, '../../packages/contracts/src'),
  path.join(serverDir, '../../packages/domain/src'),
]

/** Whether any file under `dir` changed after `since` (ms). */
function changedSince(dir, since) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() ? changedSince(full, since) : fs.statSync(full).mtimeMs > since) return true
  }
  return false
}

/** The bundle exists and no source file is newer than it. */
export function bundleIsFresh() {
  if (!fs.existsSync(BUNDLE)) return false
  const builtAt = fs.statSync(BUNDLE).mtimeMs
  return !SOURCE_DIRS.some((dir) => fs.existsSync(dir) && changedSince(dir, builtAt))
}

export async function bundleServer() {
  const { build } = await import('esbuild')
  const pkg = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'))
  const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies ?? {})].filter(
    (name) => !name.startsWith('@faena/'),
  )
  const started = performance.now()
  await build({
    entryPoints: [path.join(serverDir, 'src/main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // subpaths of the packages too (exceljs/lib/…, @electric-sql/pglite/contrib/…)
    external: external.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
    legalComments: 'none',
  })
  // A new embedded database is created by this file, in its own process (embedded-init.mjs).
  fs.copyFileSync(
    path.join(serverDir, 'src/platform/db/embedded-init-child.mjs'),
    path.join(path.dirname(BUNDLE), 'embedded-init-child.mjs'),
  )
  console.log(
    `server bundled into ${path.relative(process.cwd(), BUNDLE)} in ${Math.round(performance.now() - started)} ms`,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleServer()
