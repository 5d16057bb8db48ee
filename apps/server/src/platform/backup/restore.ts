import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { sql, type Transaction } from 'kysely'
import { Migrator } from 'kysely/migration'
import * as tar from 'tar'
import type { DB } from '../../db-schema'
import type { Db } from '../db/executor'
import { migrateToLatest } from '../db/migrate'
import { migrations } from '../db/migrations/index'
import type { FileStore } from '../files/file-store'
import { appliedMigrations, ident, listForeignKeys, listTables } from './catalog'
import { MANIFEST_ENTRY, ZBackupManifest, type BackupManifest } from './manifest'

/** A restore that was refused before anything was written; its message says why, for a person. */
export class RestoreRefused extends Error {}

const LOAD_BATCH_ROWS = 1000
const LOAD_BATCH_BYTES = 4 * 1024 * 1024

async function hashFile(file: string): Promise<{ sha256: string; lines: number; size: number }> {
  const hash = crypto.createHash('sha256')
  let lines = 0
  let size = 0
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
  }
  return { sha256: hash.digest('hex'), lines, size }
}

const inside = (dir: string, entry: string) => {
  const full = path.resolve(dir, entry)
  if (!full.startsWith(path.resolve(dir) + path.sep)) throw new RestoreRefused(`bad entry name ${entry}`)
  return full
}

/**
 * Unpacks `file` into `workDir` and checks it completely: a readable tar.gz, a manifest of this format,
 * every table and stored file present with the sha256 (and row count) the manifest gives, and a
 * migration level this version of Faena knows. Anything else is a RestoreRefused naming the problem.
 */
export async function openArchive(file: string, workDir: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} does not exist`)
  try {
    await tar.x({ file, cwd: workDir, strict: true })
  } catch (err) {
    throw new RestoreRefused(
      `${file} is damaged or is not a Faena backup (cannot unpack it: ${(err as Error).message}); nothing was restored`,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(await fs.promises.readFile(path.join(workDir, MANIFEST_ENTRY), 'utf8'))
  } catch {
    throw new RestoreRefused(`${file} has no readable ${MANIFEST_ENTRY}: it is not a Faena backup`)
  }
  const parsed = ZBackupManifest.safeParse(raw)
  if (!parsed.success)
    throw new RestoreRefused(
      `${file}: the manifest is not one this version of Faena reads (${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')})`,
    )
  const m = parsed.data
  const known = Object.keys(migrations)
  const unknown = m.migrations.filter((x) => !known.includes(x))
  if (unknown.length > 0 || !known.includes(m.migration))
    throw new RestoreRefused(
      `${file} comes from a newer Faena (migration ${unknown[0] ?? m.migration} is unknown here): upgrade Faena, then restore`,
    )
  const problems: string[] = []
  for (const t of m.tables) {
    const f = inside(workDir, t.entry)
    if (!fs.existsSync(f)) {
      problems.push(`${t.entry} is missing`)
      continue
    }
    const h = await hashFile(f)
    if (h.sha256 !== t.sha256) problems.push(`${t.entry}: sha256 differs from the manifest`)
    else if (h.lines !== t.rows) problems.push(`${t.entry}: ${h.lines} rows, the manifest says ${t.rows}`)
  }
  for (const x of m.files) {
    const f = inside(workDir, x.entry)
    if (!fs.existsSync(f)) {
      problems.push(`${x.entry} is missing`)
      continue
    }
    const h = await hashFile(f)
    if (h.sha256 !== x.sha256 || !x.key.endsWith(h.sha256))
      problems.push(`${x.entry}: sha256 differs from the manifest`)
  }
  if (problems.length > 0)
    throw new RestoreRefused(
      `${file} is damaged: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}. Nothing was restored`,
    )
  return m
}

/** Whether a database holds any row in any application table (the migrator's own tables aside). */
export async function databaseRowCounts(db: Db): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = []
  for (const t of await listTables(db)) {
    const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS any`.execute(db)
    if (r.rows[0]?.any) out.push({ table: t.name, rows: 1 })
  }
  return out
}

/** Empties a database completely: the application's schema and pg-boss's. */
async function resetSchema(db: Db) {
  await sql`DROP SCHEMA IF EXISTS pgboss CASCADE`.execute(db)
  await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(db)
  await sql`CREATE SCHEMA public`.execute(db)
}

export type RestoreReport = {
  migration: string
  migrationsAfterLoad: string[]
  organizations: BackupManifest['organizations']
  tables: { name: string; rows: number }[]
  rows: number
  files: number
  missingFiles: number
  replaced: boolean
  durationMs: number
}

export type RestoreOptions = {
  db: Db
  store: FileStore
  /** where `openArchive` unpacked the archive */
  workDir: string
  manifest: BackupManifest
  /** replace a database that holds rows (otherwise refused) */
  force: boolean
}

/**
 * Loads an opened archive (docs/backups.md#restore): the target is migrated to the backup's level, every
 * table is loaded in one transaction (foreign keys dropped and re-added, so they are checked once at the
 * end), sequences set, stored files put back, then the pending migrations run.
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now()
  const { db, manifest: m } = opts
  const order = Object.keys(migrations)
  const applied = await appliedMigrations(db)
  const nonEmpty = applied.length > 0 ? await databaseRowCounts(db) : []
  if (nonEmpty.length > 0 && !opts.force)
    throw new RestoreRefused(
      `the target database is not empty (rows in ${nonEmpty
        .slice(0, 4)
        .map((x) => x.table)
        .join(
          ', ',
        )}${nonEmpty.length > 4 ? ', …' : ''}): restore into an empty one, or add --force to replace it`,
    )
  const last = applied[applied.length - 1]
  const past = last !== undefined && order.indexOf(last) > order.indexOf(m.migration)
  let replaced = false
  if (nonEmpty.length > 0 || past || applied.some((x) => !order.includes(x))) {
    await resetSchema(db)
    replaced = nonEmpty.length > 0
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const to = await migrator.migrateTo(m.migration)
  if (to.error)
    throw new Error(
      `could not migrate the target to ${m.migration}: ${to.error instanceof Error ? to.error.message : JSON.stringify(to.error)}`,
    )

  const tables = await listTables(db)
  const byName = new Map(tables.map((t) => [t.name, t]))
  for (const t of m.tables) {
    const here = byName.get(t.name)
    if (!here) throw new RestoreRefused(`table ${t.name} of the backup does not exist at ${m.migration}`)
    const missing = t.columns.filter((c) => !here.columns.includes(c))
    if (missing.length > 0)
      throw new RestoreRefused(
        `table ${t.name}: columns ${missing.join(', ')} do not exist at ${m.migration}`,
      )
  }

  await db.transaction().execute(async (trx) => {
    const fks = await listForeignKeys(trx)
    for (const fk of fks)
      await sql`ALTER TABLE ${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`.execute(trx)
    for (const t of m.tables) await loadTable(trx, t.name, t.columns, path.join(opts.workDir, t.entry))
    for (const fk of fks)
      await sql`ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${sql.raw(fk.definition)}`.execute(
        trx,
      )
    for (const s of m.sequences) {
      if (!/^\d+$/.test(s.lastValue)) throw new RestoreRefused(`sequence ${s.name}: bad value`)
      await sql`SELECT setval(${`public.${s.name}`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(
        trx,
      )
    }
  })

  for (const f of m.files) {
    const bytes = await fs.promises.readFile(path.join(opts.workDir, f.entry))
    const put = await opts.store.put(bytes)
    if (put.key !== f.key) throw new Error(`stored file ${f.key} came back as ${put.key}`)
  }
  const after = await migrateToLatest(db)
  return {
    migration: m.migration,
    migrationsAfterLoad: after,
    organizations: m.organizations,
    tables: m.tables.map((t) => ({ name: t.name, rows: t.rows })),
    rows: m.tables.reduce((n, t) => n + t.rows, 0),
    files: m.files.length,
    missingFiles: m.missingFiles.length,
    replaced,
    durationMs: Date.now() - started,
  }
}

async function loadTable(trx: Transaction<DB>, table: string, columns: string[], file: string) {
  const cols = sql.join(columns.map(ident))
  let batch: string[] = []
  let bytes = 0
  const flush = async () => {
    if (batch.length === 0) return
    const json = `[${batch.join(',')}]`
    batch = []
    bytes = 0
    await sql`INSERT INTO ${ident(table)} (${cols}) OVERRIDING SYSTEM VALUE
      SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, ${json}::json)`.execute(trx)
  }
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line === '') continue
    batch.push(line)
    bytes += line.length
    if (batch.length >= LOAD_BATCH_ROWS || bytes >= LOAD_BATCH_BYTES) await flush()
  }
  await flush()
}
