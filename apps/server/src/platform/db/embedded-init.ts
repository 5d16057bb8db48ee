/**
 * The first start of the embedded database creates its cluster (initdb in WebAssembly): seconds of CPU and
 * ~700 MB of WebAssembly memory that a process can never give back. `faena serve` therefore runs it in a
 * worker thread that exits when done, started before the rest of the server's code is loaded so that both
 * run at the same time (main.ts imports `./platform/db/embedded-init-early` first). createDb then opens
 * the existing cluster (a warm start, ~0.5 s and a fraction of the memory). Measured in bench/README.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** Settings every embedded cluster runs with (create-db.ts passes the same). */
export const EMBEDDED_POSTGRESQL_CONF = [
  // The default 128 MB of shared buffers fill on big imports and stay resident in the WASM heap;
  // 16 MB measured the same speed and ~140 MB less peak memory (bench/README.md, concepts import).
  'shared_buffers = 16MB',
]

const pending = new Map<string, Promise<void>>()

export const isEmbeddedClusterCreated = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'))

/** Starts creating the cluster in `dir` in a worker thread (once per directory). */
export function createEmbeddedClusterInWorker(dir: string): Promise<void> {
  const key = path.resolve(dir)
  let promise = pending.get(key)
  if (!promise) {
    fs.mkdirSync(key, { recursive: true })
    promise = new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./embedded-init-worker.mjs', import.meta.url), {
        workerData: { dir: key, postgresqlconf: EMBEDDED_POSTGRESQL_CONF },
      })
      worker.once('error', reject)
      worker.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`creating the embedded database failed (exit ${code})`)),
      )
    })
    // The caller may only look at it later; a failure is reported then, not as an unhandled rejection.
    promise.catch(() => undefined)
    pending.set(key, promise)
  }
  return promise
}

/** Waits for a cluster creation started for `dir`, if any. */
export async function embeddedClusterReady(dir: string): Promise<void> {
  await pending.get(path.resolve(dir))
}
