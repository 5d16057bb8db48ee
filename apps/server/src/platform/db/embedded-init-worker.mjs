// Creates a new embedded database cluster (PGlite's initdb) in a worker thread, then exits. See
// embedded-init.ts: the WebAssembly memory initdb grows to (~700 MB) goes away with the worker.
import { workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const db = await PGlite.create(workerData.dir, { postgresqlconf: workerData.postgresqlconf })
await db.close()
