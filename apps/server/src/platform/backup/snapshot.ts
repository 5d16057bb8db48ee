import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { once } from 'node:events'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { DB } from '../../db-schema'
import type { Db, Executor } from '../db/executor'
import {
  appliedMigrations,
  ident,
  listSequences,
  listTables,
  type SequenceInfo,
  type TableInfo,
} from './catalog'

const FETCH_ROWS = 2000

/**
 * Writes the rows of `select` (a query whose single column `line` is one row's JSON text) to `file`,
 * one per line, through a cursor so a large table never sits in memory. Returns rows and sha256.
 */
export async function writeJsonLines(
  trx: Transaction<DB>,
  select: RawBuilder<unknown>,
  file: string,
): Promise<{ rows: number; sha256: string; size: number }> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true })
  const out = fs.createWriteStream(file)
  const hash = crypto.createHash('sha256')
  let rows = 0
  let size = 0
  const cursor = `faena_backup_${crypto.randomBytes(4).toString('hex')}`
  try {
    await sql`DECLARE ${sql.raw(cursor)} NO SCROLL CURSOR FOR ${select}`.execute(trx)
    for (;;) {
      const batch = await sql<{
        line: string
      }>`FETCH ${sql.raw(String(FETCH_ROWS))} FROM ${sql.raw(cursor)}`.execute(trx)
      if (batch.rows.length === 0) break
      const chunk = Buffer.from(batch.rows.map((r) => r.line + '\n').join(''), 'utf8')
      hash.update(chunk)
      rows += batch.rows.length
      size += chunk.length
      if (!out.write(chunk)) await once(out, 'drain')
    }
    await sql`CLOSE ${sql.raw(cursor)}`.execute(trx)
  } finally {
    out.end()
    await once(out, 'close')
  }
  return { rows, sha256: hash.digest('hex'), size }
}

export type Snapshot = {
  serverVersion: string
  migrations: string[]
  organizations: { id: string; slug: string; name: string; timeZone: string }[]
  tables: (TableInfo & { rows: number; sha256: string; file: string })[]
  sequences: (SequenceInfo & { lastValue: string; isCalled: boolean })[]
  /** every stored file a `files` row points at */
  files: { key: string; sha256: string; size: number }[]
}

/**
 * Runs `fn` in one REPEATABLE READ, READ ONLY transaction: every query inside sees the same instant of
 * the database while the server keeps writing (on PGlite the server's requests wait for it to end).
 * Instants are written in UTC so archives do not depend on the session's time zone.
 */
export async function inSnapshot<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx)
      return fn(trx)
    })
}

/** The whole database, logically: one JSON-lines file per table under `dir/db/` (docs/backups.md). */
export async function snapshotDatabase(db: Db, dir: string): Promise<Snapshot> {
  return inSnapshot(db, async (trx) => {
    const migrations = await appliedMigrations(trx)
    if (migrations.length === 0) throw new Error('the database has never been migrated: nothing to back up')
    const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(trx)
    const tables: Snapshot['tables'] = []
    for (const t of await listTables(trx)) {
      const file = path.join(dir, 'db', `${t.name}.jsonl`)
      const r = await writeJsonLines(
        trx,
        sql`SELECT row_to_json(t)::text AS line FROM ${ident(t.name)} t`,
        file,
      )
      tables.push({ ...t, rows: r.rows, sha256: r.sha256, file })
    }
    const sequences: Snapshot['sequences'] = []
    for (const s of await listSequences(trx)) {
      const v = await sql<{ last_value: string; is_called: boolean }>`
        SELECT last_value::text AS last_value, is_called FROM ${ident(s.name)}`.execute(trx)
      const row = v.rows[0]
      if (row) sequences.push({ ...s, lastValue: row.last_value, isCalled: row.is_called })
    }
    const orgs = await trx
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'time_zone'])
      .orderBy('slug')
      .execute()
    const files = await trx
      .selectFrom('files')
      .select(['storage_key', 'sha256', 'size'])
      .distinctOn('storage_key')
      .orderBy('storage_key')
      .execute()
    return {
      serverVersion: version.rows[0]?.v ?? '?',
      migrations,
      organizations: orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, timeZone: o.time_zone })),
      tables,
      sequences,
      files: files.map((f) => ({ key: f.storage_key, sha256: f.sha256, size: Number(f.size) })),
    }
  })
}

/** Row counts per table, in one snapshot (tests and reports). */
export async function countRows(db: Executor): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of await listTables(db)) {
    const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${ident(t.name)}`.execute(db)
    out[t.name] = Number(r.rows[0]?.n ?? 0)
  }
  return out
}
