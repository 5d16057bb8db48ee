// Creates a new embedded database cluster (PGlite's initdb) in its own process, then exits: see
// embedded-init.mjs. Arguments: the cluster's directory and the postgresql.conf lines as JSON.
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'

const [dir, conf] = process.argv.slice(2)
// the same extensions as create-db.ts
const db = await PGlite.create(dir, { postgresqlconf: JSON.parse(conf), extensions: { unaccent, pg_trgm } })
await db.close()
