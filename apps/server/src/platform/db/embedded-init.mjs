// The first start of the embedded database creates its cluster (PGlite's initdb in WebAssembly): seconds of
// CPU and ~700 MB of WebAssembly memory. `faena serve` runs it in a child process, started by bin/faena.mjs
// before the server's code loads, so both proceed at once and none of that memory stays with the server;
// createDb then waits for it and opens the existing cluster (a warm start). Plain JavaScript, because the
// bin imports it before anything is transpiled or bundled. Measured in bench/README.md (start-up).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Settings every embedded cluster runs with (create-db.ts passes the same). */
export const EMBEDDED_POSTGRESQL_CONF = [
  // The default 128 MB of shared buffers fill on big imports and stay resident in the WASM heap;
  // 16 MB measured the same speed and ~140 MB less peak memory (bench/README.md, concepts import).
  'shared_buffers = 16MB',
]

// Shared through globalThis: the bin's copy of this module and the bundled server's copy are two modules.
const REGISTRY = Symbol.for('faena.embeddedClusterCreation')
/** @type {Map<string, Promise<void>>} */
const pending = (globalThis[REGISTRY] ??= new Map())

/** @param {string} dir */
export const isEmbeddedClusterCreated = (dir) => fs.existsSync(path.join(dir, 'PG_VERSION'))

/**
 * Starts creating the cluster in `dir` in a child process (once per directory).
 * @param {string} dir
 * @returns {Promise<void>}
 */
export function createEmbeddedClusterInChild(dir) {
  const key = path.resolve(dir)
  let promise = pending.get(key)
  if (!promise) {
    fs.mkdirSync(key, { recursive: true })
    promise = new Promise((resolve, reject) => {
      const script = new URL('./embedded-init-child.mjs', import.meta.url)
      const child = spawn(
        process.execPath,
        [script.pathname, key, JSON.stringify(EMBEDDED_POSTGRESQL_CONF)],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      )
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`creating the embedded database failed (exit ${code})`)),
      )
    })
    // The caller may only look at it later; a failure is reported then, not as an unhandled rejection.
    promise.catch(() => undefined)
    pending.set(key, promise)
  }
  return promise
}

/**
 * Waits for a cluster creation started for `dir`, if any.
 * @param {string} dir
 */
export async function embeddedClusterReady(dir) {
  await pending.get(path.resolve(dir))
}

/**
 * What bin/faena.mjs calls first: for `serve` (or `start`) on the embedded database with no cluster yet, start creating it.
 * @param {string[]} argv  process.argv
 * @param {NodeJS.ProcessEnv} env
 */
export function startEmbeddedClusterForCommand(argv, env) {
  if (!['serve', 'start'].includes(argv[2] ?? 'serve') || env.DATABASE_URL) return
  const dir = path.join(path.resolve(env.FAENA_DATA_DIR || './data'), 'pglite')
  if (!isEmbeddedClusterCreated(dir)) void createEmbeddedClusterInChild(dir)
}
