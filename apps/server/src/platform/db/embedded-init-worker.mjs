// Creates a new embedded database cluster (PGlite's initdb) in a worker thread, then exits. See
// embedded-init.ts: the WebAssembly memory initdb grows to (~700 MB) goes away with the worker.
import { workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'

// the same extensions as create-db.ts
const db = await PGlite.create(workerData.dir, {
  postgresqlconf: workerData.postgresqlconf,
  extensions: { unaccent, pg_trgm },
})
await db.close()
