import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Db } from '../executor'
import { checkValues } from './check-values'
import { JSON_COLUMNS, JSON_TYPE_IMPORTS } from './column-overrides'

/**
 * Kysely table types generated from the migrated database (docs/platform.md#table-types): `npm run db:types`
 * writes them to platform/db/generated/tables.gen.ts, and tables-gen.test.ts fails when that file is stale.
 */
export const GENERATED_FILE = fileURLToPath(new URL('../generated/tables.gen.ts', import.meta.url))

export type ColumnInfo = {
  table: string
  column: string
  /** pg_type.typname: int4, text, _date (an array of date) ... */
  type: string
  nullable: boolean
  hasDefault: boolean
  /** pg_attribute.attidentity: '' none, 'a' always, 'd' by default */
  identity: string
}
export type CheckInfo = { table: string; definition: string }
export type Schema = { columns: ColumnInfo[]; checks: CheckInfo[] }

/** Every column and CHECK constraint of the tables in `public` (the migrator's own tables left out). */
export async function introspect(db: Db): Promise<Schema> {
  const columns = await sql<ColumnInfo>`
    SELECT c.relname AS "table", a.attname AS "column", t.typname AS "type", NOT a.attnotnull AS nullable,
      a.atthasdef AS "hasDefault", a.attidentity::text AS identity
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0
      AND NOT a.attisdropped AND c.relname NOT LIKE 'kysely\_%'
    ORDER BY c.relname, a.attnum`.execute(db)
  const checks = await sql<CheckInfo>`
    SELECT c.relname AS "table", pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    WHERE k.contype = 'c' AND c.relnamespace = 'public'::regnamespace AND cardinality(k.conkey) = 1
    ORDER BY c.relname, k.conname`.execute(db)
  return { columns: columns.rows, checks: checks.rows }
}

/**
 * TypeScript for one column type name; JSON shapes come from column-overrides.ts. date is 'YYYY-MM-DD'
 * (create-db.ts sets the parser), time 'HH:MM:SS' as pg returns it, and date[] is read back cast to text[]
 * (the driver would turn each element into a Date).
 */
function baseType(col: ColumnInfo): string {
  const json = () => {
    const shape = JSON_COLUMNS[`${col.table}.${col.column}`]
    if (shape === undefined)
      throw new Error(
        `${col.table}.${col.column} is ${col.type}: give it a shape in codegen/column-overrides.ts`,
      )
    return `Json<${shape}>`
  }
  switch (col.type) {
    case 'uuid':
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'citext':
    case 'inet':
    case 'date':
    case 'time':
      return 'string'
    case 'int2':
    case 'int4':
    case 'float4':
    case 'float8':
      return 'number'
    case 'int8':
      return 'Int8'
    case 'numeric':
      return 'Numeric'
    case 'bool':
      return 'boolean'
    case 'timestamptz':
    case 'timestamp':
      return 'Timestamp'
    case 'jsonb':
    case 'json':
      return json()
    case '_text':
    case '_varchar':
    case '_uuid':
    case '_date':
      return 'string[]'
    case '_int4':
      return 'number[]'
    default:
      throw new Error(
        `${col.table}.${col.column}: no TypeScript type for ${col.type} in codegen/table-types.ts`,
      )
  }
}

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())
const literal = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`

/** The generated file's text (before Prettier). */
export function renderTables(schema: Schema): string {
  const unions = new Map<string, { values: string[]; array: boolean }>()
  for (const check of schema.checks) {
    const parsed = checkValues(check.definition)
    if (parsed) unions.set(`${check.table}.${parsed.column}`, parsed)
  }
  const tables = new Map<string, ColumnInfo[]>()
  for (const col of schema.columns) tables.set(col.table, [...(tables.get(col.table) ?? []), col])
  const out: string[] = [
    '// Generated from the migrated database — do not edit. Run `npm run db:types` (docs/platform.md#table-types).',
    "import type { ColumnType } from 'kysely'",
    ...JSON_TYPE_IMPORTS,
    '',
    '/** timestamptz: a Date out, a Date or an ISO string in. */',
    'export type Timestamp = ColumnType<Date, Date | string, Date | string>',
    '/** numeric: a string in and out, never a JS number (money and volumes are exact). */',
    'export type Numeric = ColumnType<string, string, string>',
    '/** bigint: the driver answers a string. */',
    'export type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>',
    '/** jsonb: the shape out, JSON text in (JSON.stringify). */',
    'export type Json<T> = ColumnType<T, string, string>',
    '/** A column with a default: optional on insert. */',
    'export type Generated<T> =',
    '  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>',
    '/** An identity column the database always fills: never written. */',
    'export type GeneratedAlways<T> = ColumnType<T extends ColumnType<infer S, unknown, unknown> ? S : T, never, never>',
  ]
  for (const [table, columns] of tables) {
    out.push('', `export interface ${pascal(table)}Table {`)
    for (const col of columns) {
      let type = baseType(col)
      const union = unions.get(`${table}.${col.column}`)
      if (union && (union.array ? type === 'string[]' : type === 'string')) {
        const values = union.values.map(literal).join(' | ')
        type = union.array ? `(${values})[]` : values
      }
      if (col.nullable) type = `${type} | null`
      if (col.identity === 'a') type = `GeneratedAlways<${type}>`
      else if (col.hasDefault || col.identity === 'd') type = `Generated<${type}>`
      out.push(`  ${col.column}: ${type}`)
    }
    out.push('}')
  }
  out.push('', 'export interface DB {')
  for (const table of tables.keys()) out.push(`  ${table}: ${pascal(table)}Table`)
  out.push('}', '')
  return out.join('\n')
}

/** A fresh in-memory database, every migration run, introspected and rendered as the formatted file. */
export async function generateTableTypes(): Promise<string> {
  const { createDb } = await import('../create-db')
  const { migrateToLatest } = await import('../migrate')
  const database = await createDb({})
  try {
    await migrateToLatest(database.db)
    const text = renderTables(await introspect(database.db))
    const prettier = await import('prettier')
    const options = await prettier.resolveConfig(GENERATED_FILE)
    return await prettier.format(text, { ...options, filepath: GENERATED_FILE })
  } finally {
    await database.close()
  }
}
