// Bundles the server (its TypeScript, the workspace packages and most npm packages) into dist/main.mjs, so
// that `faena serve` starts without transpiling ~400 files or resolving ~900 modules at every start
// (docs/architecture.md#start-up). bin/faena.mjs runs the bundle when it is newer than every source file;
// `faena start` (npm start) builds it first when it is missing or stale; `npm run bundle -w
// @faena/server` builds it by hand, and test:e2e before the browser tests (which therefore run on it).
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

/**
 * npm packages left out of the bundle, loaded from node_modules: files of their own beside their code
 * (WebAssembly, native addons, fonts, dictionaries, static assets, worker scripts), or loaded only on first
 * use (ExcelJS, the password dictionaries).
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en',
  '@zxcvbn-ts/language-es-es',
  'esbuild',
  'exceljs',
  'pdfmake',
  'pino',
  'thread-stream',
  'tsx',
  // libxml2 as WebAssembly: its .wasm file sits beside its code (e-invoicing's XSD checks)
  'xmllint-wasm',
]

/** Whether any file under `dir` changed after `since` (ms). */
function changedSince(dir, since) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() ? changedSince(full, since) : fs.statSync(full).mtimeMs > since) return true
  }
  return false
}

/** The lockfile: an installed or upgraded package makes the bundle stale too (most packages are in it). */
const LOCKFILE = path.join(serverDir, '../../package-lock.json')

/** The bundle exists and no source file, nor the installed packages, is newer than it. */
export function bundleIsFresh() {
  if (!fs.existsSync(BUNDLE)) return false
  const builtAt = fs.statSync(BUNDLE).mtimeMs
  if (fs.existsSync(LOCKFILE) && fs.statSync(LOCKFILE).mtimeMs > builtAt) return false
  return !SOURCE_DIRS.some((dir) => fs.existsSync(dir) && changedSince(dir, builtAt))
}

export async function bundleServer() {
  const { build } = await import('esbuild')
  const started = performance.now()
  // written next to the bundle, then renamed over it: a bundling cut short never leaves half a file
  const partial = `${BUNDLE}.${process.pid}.partial`
  await build({
    entryPoints: [path.join(serverDir, 'src/main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // subpaths of the packages too (exceljs/lib/…, @electric-sql/pglite/contrib/…)
    external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
    // the CommonJS packages inside an ES module bundle still require Node's own modules
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    legalComments: 'none',
  })
  fs.renameSync(partial, BUNDLE)
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
