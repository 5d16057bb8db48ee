import { sql } from 'kysely'
import type { Executor } from '../db/executor'

/** Tables the migrator owns: recreated by migrating the target, never exported or loaded. */
export const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

/**
 * Tables derived from others by triggers (docs/backups.md#derived-tables): never exported, neither in a
 * backup nor in an organization export, and not counted when a restore checks that its target is empty. A
 * restore rebuilds them: their triggers fire as the source rows load (or the migration that creates them
 * fills them, when the backup is older).
 */
export const DERIVED_TABLES = new Set(['contract_concept_counts'])

export type TableInfo = { name: string; columns: string[]; hasOrgId: boolean }
export type ForeignKey = { table: string; name: string; definition: string }
export type SequenceInfo = { name: string; table: string; column: string }

/** Quotes a plain SQL name (the names come from the catalog or a checked manifest). */
export const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected SQL name ${JSON.stringify(name)}`)
  return sql.raw(`"${name}"`)
}

/**
 * The application's tables in the public schema (pg-boss keeps its own schema and is not part of a
 * backup; derived tables are left out), with their stored columns in order, parents before children (foreign keys), then by name.
 */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const cols = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`.execute(db)
  const byTable = new Map<string, string[]>()
  for (const r of cols.rows) {
    if (MIGRATOR_TABLES.has(r.table) || DERIVED_TABLES.has(r.table)) continue
    const list = byTable.get(r.table) ?? []
    list.push(r.column)
    byTable.set(r.table, list)
  }
  const deps = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`.execute(db)
  const parents = new Map<string, Set<string>>()
  for (const d of deps.rows) {
    const set = parents.get(d.child) ?? new Set()
    set.add(d.parent)
    parents.set(d.child, set)
  }
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (t: string) => {
    if (state.get(t)) return // done, or a cycle (loading drops foreign keys, so any order loads)
    state.set(t, 'visiting')
    for (const p of [...(parents.get(t) ?? [])].sort()) if (byTable.has(p)) visit(p)
    state.set(t, 'done')
    order.push(t)
  }
  for (const t of [...byTable.keys()].sort()) visit(t)
  return order.map((name) => {
    const columns = byTable.get(name) ?? []
    return { name, columns, hasOrgId: columns.includes('org_id') }
  })
}

export async function listForeignKeys(db: Executor): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'
    ORDER BY c.relname, k.conname`.execute(db)
  return r.rows
}

/** Sequences owned by a column (bigserial ids). */
export async function listSequences(db: Executor): Promise<SequenceInfo[]> {
  const r = await sql<SequenceInfo>`
    SELECT s.relname AS name, t.relname AS table, a.attname AS column
    FROM pg_class s
    JOIN pg_namespace n ON n.oid = s.relnamespace
    JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND n.nspname = 'public'
    ORDER BY s.relname`.execute(db)
  return r.rows
}

/** The migrations recorded in the database, in order (none when it was never migrated). */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`
    SELECT to_regclass('public.kysely_migration') IS NOT NULL AS present`.execute(db)
  if (!exists.rows[0]?.present) return []
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)
  return r.rows.map((x) => x.name)
}
