import fs from 'node:fs'
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { PGlite } from '@electric-sql/pglite'
import type { DB } from '../../db-schema'
import { EMBEDDED_POSTGRESQL_CONF, embeddedClusterReady } from './embedded-init.mjs'
import { scopePool } from './org-scope'

export type Database = {
  db: Kysely<DB>
  pool: pg.Pool
  kind: 'pglite' | 'postgres'
  /** the embedded engine, when that is what runs */
  pglite?: PGlite
  close: () => Promise<void>
}

// numeric → string (pg already does that), bigint (int8) → string, date → 'YYYY-MM-DD' string.
pg.types.setTypeParser(1082, (v: string) => v)

export type CreateDbOptions = {
  databaseUrl?: string | undefined
  /** directory of the embedded database; omitted means in memory */
  pgliteDir?: string | undefined
  /** a data dir dump (from dumpDataDir) to start from, used by tests */
  loadDataDir?: Blob | File | undefined
}

export async function createDb(options: CreateDbOptions): Promise<Database> {
  if (options.databaseUrl) {
    // every checkout runs in the caller's organization or as the system (org-scope.ts)
    const pool = scopePool(
      new pg.Pool({
        connectionString: options.databaseUrl,
        max: 10,
        connectionTimeoutMillis: 10_000,
      }),
    )
    // An idle connection the server closed (restart, admin command) must not crash the process.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.error('database pool error:', err.message)
    })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, pool, kind: 'postgres', close: () => db.destroy() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres')
  // contrib extensions the migrations create (search: docs/search.md)
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  if (options.pgliteDir) {
    fs.mkdirSync(options.pgliteDir, { recursive: true })
    await embeddedClusterReady(options.pgliteDir)
  }
  const pglite = await PGlite.create(options.pgliteDir ?? 'memory://', {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    postgresqlconf: EMBEDDED_POSTGRESQL_CONF,
    extensions: { unaccent, pg_trgm },
  })
  // One connection: a query outside the open transaction waits; the timeout makes the mistake loud.
  const pool = scopePool(new pg.Pool({ ...createPgConfig(pglite), max: 1, connectionTimeoutMillis: 15_000 }))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    pool,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
  }
}
