import { sql } from 'kysely'
import type { TClientType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import type { CatalogTables } from './catalogs.tables'
import { foldText } from './unit-key'

/**
 * Every SQL statement on the catalog tables. The generic functions serve the nine catalogs, which share
 * `id, org_id, active, comment, created_at, updated_at`; the table name is one of ours, never user input.
 */
export type CatalogTable = keyof CatalogTables
export type StepTemplateTable = 'proposal_step_templates' | 'work_order_step_templates'

export type CatalogRow = {
  id: string
  org_id: string
  active: boolean
  comment: string | null
  created_at: Date
  updated_at: Date
} & Record<string, unknown>

/** Letters folded by search (upper and lower case); the JavaScript side is `foldText`. */
const FOLD_FROM = 'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇç'
const FOLD_TO = [...FOLD_FROM].map(foldText).join('')

/** `column` lower-cased without accents (no unaccent extension: PGlite does not load it by default). */
export const foldSql = (column: string) =>
  sql<string>`translate(lower(${sql.ref(column)}), ${FOLD_FROM}, ${FOLD_TO})`

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&')

/** A dynamically named catalog table, typed as one of them (they share the columns we touch). */
const from = (db: Executor, table: CatalogTable) => db.selectFrom(table as 'clients')

export type ListSpec = {
  q?: string | undefined
  searchColumns: readonly string[]
  /** also match this column (normalized unit keys) against the normalized term */
  normalizedSearch?: { column: string; value: string } | undefined
  filters: Record<string, string>
  includeInactive: boolean
  /** column names, or the tree order of step templates */
  order: { column: string; dir: 'asc' | 'desc' } | { tree: true; dir: 'asc' | 'desc' }
  limit: number
  offset: number
}
/** the list's filters and order without pagination (the export) */
export type ListFilters = Omit<ListSpec, 'limit' | 'offset'>

/** The list's filters and order (without pagination): the query `listRows` and the export share. */
function listQuery(db: Executor, table: CatalogTable, orgId: string, spec: ListFilters) {
  let q = from(db, table).where('org_id', '=', orgId)
  if (!spec.includeInactive) q = q.where('active', '=', true)
  for (const [column, value] of Object.entries(spec.filters)) q = q.where(sql.ref(column), '=', value)
  if (spec.q) {
    const like = `%${escapeLike(foldText(spec.q))}%`
    const n = spec.normalizedSearch
    q = q.where((eb) =>
      eb.or([
        ...spec.searchColumns.map((c) => eb(foldSql(c), 'like', like)),
        ...(n && n.value ? [eb(sql.ref(n.column), 'like', `%${escapeLike(n.value)}%`)] : []),
      ]),
    )
  }
  let rowsQuery = q.selectAll()
  if ('tree' in spec.order) {
    const d = spec.order.dir === 'desc' ? sql`DESC` : sql`ASC`
    const parent = (col: string) =>
      sql`(SELECT p.${sql.ref(col)} FROM ${sql.table(table)} p WHERE p.id = ${sql.ref(`${table}.parent_id`)})`
    rowsQuery = rowsQuery
      .orderBy(sql`client_type`)
      .orderBy(sql`coalesce(${parent('position')}, position) ${d}`)
      .orderBy(sql`coalesce(${parent('id')}, id)`)
      .orderBy(sql`(parent_id IS NOT NULL)`)
      .orderBy(sql`position ${d}`)
  } else {
    const d = spec.order.dir === 'desc' ? sql`DESC` : sql`ASC`
    const col = spec.order.column
    rowsQuery = rowsQuery.orderBy(
      col === 'created_at' || col === 'position'
        ? sql`${sql.ref(col)} ${d}`
        : sql`lower(${sql.ref(col)}) ${d}`,
    )
  }
  rowsQuery = rowsQuery.orderBy('id')
  return { q, rowsQuery }
}

export async function listRows(db: Executor, table: CatalogTable, orgId: string, spec: ListSpec) {
  const { q, rowsQuery } = listQuery(db, table, orgId, spec)
  const [rows, count] = await Promise.all([
    rowsQuery.limit(spec.limit).offset(spec.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows as unknown as CatalogRow[], total: Number(count.n) }
}

/** Ids of every row matching the list's filters, in the list's order (the export's walk). */
export async function listRowIds(db: Executor, table: CatalogTable, orgId: string, spec: ListFilters) {
  const { rowsQuery } = listQuery(db, table, orgId, spec)
  return (await rowsQuery.clearSelect().select('id').execute()).map((r) => r.id)
}

/** Rows by id (one batch of an export, or the parents of a batch's steps), in any order. */
export async function findRowsByIds(
  db: Executor,
  table: CatalogTable,
  orgId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return [] as CatalogRow[]
  const rows = await from(db, table)
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
  return rows as unknown as CatalogRow[]
}

export async function findRow(db: Executor, table: CatalogTable, orgId: string, id: string) {
  const row = await from(db, table)
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row as unknown as CatalogRow | undefined
}

export async function insertRow(db: Executor, table: CatalogTable, values: Record<string, unknown>) {
  const row = await db
    .insertInto(table as 'clients')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow()
  return row as unknown as CatalogRow
}

export async function insertRows(db: Executor, table: CatalogTable, values: Record<string, unknown>[]) {
  if (values.length === 0) return [] as CatalogRow[]
  const rows = await db
    .insertInto(table as 'clients')
    .values(values as never)
    .returningAll()
    .execute()
  return rows as unknown as CatalogRow[]
}

export async function updateRow(
  db: Executor,
  table: CatalogTable,
  orgId: string,
  id: string,
  patch: Record<string, unknown>,
) {
  const row = await db
    .updateTable(table as 'clients')
    .set(patch as never)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return row as unknown as CatalogRow
}

/**
 * An active row of the organization equal to `equal` (null compares as IS NULL) whose `folded` column
 * equals the value ignoring case and accents, other than `excludeId`.
 */
export async function findActiveDuplicate(
  db: Executor,
  table: CatalogTable,
  orgId: string,
  m: {
    equal: Record<string, unknown>
    folded?: { column: string; value: string } | undefined
    excludeId?: string | undefined
  },
) {
  let q = from(db, table).select('id').where('org_id', '=', orgId).where('active', '=', true)
  for (const [column, value] of Object.entries(m.equal)) {
    q = value === null ? q.where(sql.ref(column), 'is', null) : q.where(sql.ref(column), '=', value)
  }
  if (m.folded) q = q.where(foldSql(m.folded.column), '=', foldText(m.folded.value))
  if (m.excludeId) q = q.where('id', '!=', m.excludeId)
  return q.executeTakeFirst()
}

// --- step templates ---

export async function countActiveChildren(
  db: Executor,
  table: StepTemplateTable,
  orgId: string,
  parentId: string,
) {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('parent_id', '=', parentId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Active templates of one client type, parents first and each parent's children after it, by position. */
export async function listActiveStepTemplates(
  db: Executor,
  table: StepTemplateTable,
  orgId: string,
  clientType: TClientType,
) {
  // the two template tables have the same columns; their generated types are two interfaces, and Kysely
  // cannot join a union of tables, so the query is typed on one of them
  const same = table as 'proposal_step_templates'
  const rows = await db
    .selectFrom(`${same} as t`)
    .leftJoin(`${same} as p`, 'p.id', 't.parent_id')
    .select(['t.id', 't.name', 't.position', 't.parent_id'])
    .where('t.org_id', '=', orgId)
    .where('t.client_type', '=', clientType)
    .where('t.active', '=', true)
    .where((eb) => eb.or([eb('t.parent_id', 'is', null), eb('p.active', '=', true)]))
    .orderBy(sql`coalesce(p.position, t.position)`)
    .orderBy(sql`coalesce(p.id, t.id)`)
    .orderBy(sql`(t.parent_id IS NOT NULL)`)
    .orderBy('t.position')
    .orderBy('t.name')
    .execute()
  return rows
}

// --- references for other modules ---

export async function findActiveClient(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'client_type'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function findActiveType(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('types')
    .select(['id', 'name', 'level'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function findActiveProjectManager(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('project_managers')
    .select(['id', 'name', 'email'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function findActiveFront(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('fronts')
    .select(['id', 'name', 'site_kinds'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function findActiveSites(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('sites')
    .select(['id', 'name', 'kind'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .where('active', '=', true)
    .orderBy('name')
    .execute()
}

export async function findActiveUnitByNormalizedKey(db: Executor, orgId: string, normalizedKey: string) {
  return db
    .selectFrom('units')
    .select(['id', 'key', 'description', 'normalized_key'])
    .where('org_id', '=', orgId)
    .where('normalized_key', '=', normalizedKey)
    .where('active', '=', true)
    .executeTakeFirst()
}

/** How many rows the organization has in a table (the demo seed only fills empty catalogs). */
export async function countRows(db: Executor, table: CatalogTable, orgId: string) {
  const r = await from(db, table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The project managers of the organization linked to a user account (active or not: a link is a link). */
export async function projectManagerIdsOfUser(db: Executor, orgId: string, userId: string) {
  const rows = await db
    .selectFrom('project_managers')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.id)
}

/** The user accounts linked to these project managers (docs/proposals.md#responsible-user): id → user id. */
export async function linkedUsersOfProjectManagers(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('project_managers')
    .select(['id', 'user_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .where('user_id', 'is not', null)
    .execute()
  return new Map(rows.map((r) => [r.id, r.user_id!]))
}

/** Another record of the catalog (any state) whose `column` holds `value` (a one-per-organization link). */
export async function findOtherWithValue(
  db: Executor,
  table: CatalogTable,
  orgId: string,
  column: string,
  value: string,
  excludeId: string | undefined,
) {
  let q = from(db, table).select('id').where('org_id', '=', orgId).where(sql.ref(column), '=', value)
  if (excludeId) q = q.where('id', '!=', excludeId)
  return q.executeTakeFirst()
}
