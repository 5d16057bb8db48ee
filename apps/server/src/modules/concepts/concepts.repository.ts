import { sql, type Insertable, type Selectable, type SelectQueryBuilder } from 'kysely'
import type { TConceptKind, TConceptSort, TPueStatus } from '@faena/contracts'
import type { DB } from '../../db-schema'
import type { Executor } from '../../platform/db/executor'
import { listTotal, pageTotal, withoutTotal } from '../../platform/db/page-total'
import type { ContractConceptsTable } from './concepts.tables'

/** Every SQL statement on the concept catalog. Every query is scoped by organization. */

export type ConceptRow = Selectable<ContractConceptsTable>
export type NewConceptRow = Insertable<ContractConceptsTable>

/** The columns an import writes (everything but id, org, kind and the timestamps). */
export type ConceptValues = Omit<
  NewConceptRow,
  'id' | 'org_id' | 'kind' | 'created_at' | 'updated_at' | 'active'
>

/** Rows per statement (one array parameter per column, so the size is about memory, not parameters). */
export const WRITE_BATCH = 2000
/** Keys per lookup query. */
const LOOKUP_BATCH = 2000

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&')

export type ListFilter = {
  kind?: TConceptKind | undefined
  /** folded search term (see concept-identity.ts `foldSearchTerm`) */
  q?: string | undefined
  annex?: string | undefined
  status?: TPueStatus | undefined
  sort: TConceptSort
  dir: 'asc' | 'desc'
  limit: number
  offset: number
}

function filtered(db: Executor, orgId: string, f: Omit<ListFilter, 'sort' | 'dir' | 'limit' | 'offset'>) {
  let q = db.selectFrom('contract_concepts').where('org_id', '=', orgId)
  if (f.kind) q = q.where('kind', '=', f.kind)
  if (f.annex) q = q.where('annex', '=', f.annex)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.q) q = q.where('search_text', 'like', `%${escapeLike(f.q)}%`)
  return q
}

/** Sort columns; every order ends with the natural code order and the id, so pages are stable. */
const ORDER: Record<TConceptSort, string[]> = {
  code: ['code_sort', 'annex_sort'],
  annex: ['annex_sort', 'code_sort'],
  description: ['description_key'],
  unit: ['unit_key'],
  quantity: ['quantity'],
  unitPriceMxn: ['unit_price_mxn'],
  unitPriceUsd: ['unit_price_usd'],
  status: ['status'],
  sanctionDate: ['sanction_date'],
  updatedAt: ['updated_at'],
}
const TEXT_COLUMNS = new Set(['code_sort', 'annex_sort', 'description_key', 'unit_key', 'status'])

type Sorted = Omit<ListFilter, 'limit' | 'offset'>

/** The list's order: the chosen column, then the natural code order, the occurrence and the id. */
function inListOrder<O>(
  query: SelectQueryBuilder<DB, 'contract_concepts', O>,
  f: Sorted,
): SelectQueryBuilder<DB, 'contract_concepts', O> {
  const dir = f.dir === 'desc' ? sql`DESC` : sql`ASC`
  const columns = [
    ...ORDER[f.sort],
    ...['code_sort', 'annex_sort', 'description_key'].filter((c) => !ORDER[f.sort].includes(c)),
  ]
  let rows = query
  columns.forEach((column, i) => {
    const ref = TEXT_COLUMNS.has(column) ? sql`${sql.ref(column)} COLLATE "C"` : sql.ref(column)
    // the chosen column follows `dir`; the tie-breakers stay ascending; empty values go last
    rows = rows.orderBy(i < ORDER[f.sort].length ? sql`${ref} ${dir} NULLS LAST` : sql`${ref} ASC NULLS LAST`)
  })
  return rows.orderBy('occurrence').orderBy('id')
}

/**
 * How many concepts match the filters. Without a search term, from the counts kept by triggers per kind,
 * sub-annex and status (migration 0041_concept_counts): a few rows instead of the whole catalog, and as exact,
 * since they change in the same transaction as the concepts (docs/concepts.md#totals). With one, counted.
 */
function countOf(db: Executor, orgId: string, f: Omit<ListFilter, 'sort' | 'dir' | 'limit' | 'offset'>) {
  if (f.q) return filtered(db, orgId, f).select((eb) => eb.fn.countAll<string>().as('n'))
  let q = db.selectFrom('contract_concept_counts').where('org_id', '=', orgId)
  if (f.kind) q = q.where('kind', '=', f.kind)
  if (f.annex) q = q.where('annex', '=', f.annex)
  if (f.status) q = q.where('status', '=', f.status)
  return q.select(sql<string>`coalesce(sum(concepts), 0)`.as('n'))
}

/** A page of concepts and the total matching the filters. */
export async function listConcepts(db: Executor, orgId: string, f: ListFilter) {
  const base = filtered(db, orgId, f)
  const count = countOf(db, orgId, f)
  const rows = inListOrder(base.selectAll().select(listTotal(count)), f)
  const page = await rows.limit(f.limit).offset(f.offset).execute()
  const total = await pageTotal(page, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(page), total }
}

/** The ids of every concept matching the filters, in the list's order (an export walks them in batches). */
export async function listConceptIds(db: Executor, orgId: string, f: Sorted): Promise<string[]> {
  const rows = await inListOrder(filtered(db, orgId, f).select('id'), f).execute()
  return rows.map((r) => r.id)
}

export async function findConcept(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('contract_concepts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findConceptsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('contract_concepts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
}

/** Concepts per kind, and per sub-annex (of one kind when given), from the counts (docs/concepts.md#totals). */
export async function conceptFacets(db: Executor, orgId: string, kind?: TConceptKind) {
  const kinds = await db
    .selectFrom('contract_concept_counts')
    .select(['kind', sql<string>`sum(concepts)`.as('n')])
    .where('org_id', '=', orgId)
    .groupBy('kind')
    .execute()
  let annexes = db
    .selectFrom('contract_concept_counts')
    .select(['annex', 'annex_sort', sql<string>`sum(concepts)`.as('n')])
    .where('org_id', '=', orgId)
    .where('annex', 'is not', null)
    .groupBy(['annex', 'annex_sort'])
    .orderBy(sql`annex_sort COLLATE "C"`)
  if (kind) annexes = annexes.where('kind', '=', kind)
  return { kinds, annexes: await annexes.execute() }
}

/** What an import compares against: id, identity and content hash of every concept of one kind. */
export async function loadImportIndex(db: Executor, orgId: string, kind: TConceptKind) {
  return db
    .selectFrom('contract_concepts')
    .select(['id', 'identity_key', 'content_hash'])
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .execute()
}

/** Full rows by id, in chunks (for the field-level diff of what changed). */
export async function findConceptsByIdsChunked(db: Executor, orgId: string, ids: readonly string[]) {
  const rows: ConceptRow[] = []
  for (let i = 0; i < ids.length; i += WRITE_BATCH)
    rows.push(...(await findConceptsByIds(db, orgId, ids.slice(i, i + WRITE_BATCH))))
  return rows
}

/** The columns an import writes, with their SQL types (for `unnest` of one array per column). */
const WRITE_COLUMNS: [keyof ConceptValues, string][] = [
  ['identity_key', 'text'],
  ['annex', 'text'],
  ['annex_sort', 'text'],
  ['code', 'text'],
  ['code_key', 'text'],
  ['code_sort', 'text'],
  ['description', 'text'],
  ['description_key', 'text'],
  ['unit', 'text'],
  ['unit_key', 'text'],
  ['unit_id', 'uuid'],
  ['quantity', 'numeric'],
  ['unit_price_mxn', 'numeric'],
  ['unit_price_usd', 'numeric'],
  ['category', 'text'],
  ['subcategory', 'text'],
  ['classification', 'text'],
  ['occurrence', 'int4'],
  ['status', 'text'],
  ['proposal_number', 'text'],
  ['work_order_number', 'text'],
  ['sanction_date', 'date'],
  ['converted_code', 'text'],
  ['converted_code_key', 'text'],
  ['comment', 'text'],
  ['search_text', 'text'],
  ['content_hash', 'text'],
]

/** `unnest($1::text[], $2::numeric[], …)`: one array parameter per column, whatever the number of rows. */
function unnestOf(rows: readonly ConceptValues[], columns: [keyof ConceptValues, string][]) {
  return sql`unnest(${sql.join(
    columns.map(([c, type]) => sql`${rows.map((r) => (r[c] ?? null) as unknown)}::${sql.raw(type)}[]`),
  )})`
}

/**
 * Inserts `rows` of one kind in statements of `WRITE_BATCH` rows:
 * `INSERT INTO contract_concepts (…) SELECT $org, $kind, $now, $now, v.* FROM unnest(…) v`.
 */
export async function insertConcepts(
  db: Executor,
  orgId: string,
  kind: TConceptKind,
  rows: readonly ConceptValues[],
  now: Date,
): Promise<void> {
  const names = sql.join(WRITE_COLUMNS.map(([c]) => sql.ref(c)))
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await sql`
      INSERT INTO contract_concepts (org_id, kind, created_at, updated_at, ${names})
      SELECT ${orgId}::uuid, ${kind}, ${now}, ${now}, v.* FROM ${unnestOf(rows.slice(i, i + WRITE_BATCH), WRITE_COLUMNS)} AS v
    `.execute(db)
  }
}

/**
 * Rewrites changed concepts in statements of `WRITE_BATCH` rows:
 * `UPDATE contract_concepts c SET … FROM unnest(…) v WHERE c.id = v.id AND c.org_id = $org`.
 * The identity does not change (it is how the row was found).
 */
export async function updateConcepts(
  db: Executor,
  orgId: string,
  rows: readonly (ConceptValues & { id: string })[],
  updatedAt: Date,
): Promise<void> {
  const columns = WRITE_COLUMNS.filter(([c]) => c !== 'identity_key')
  const names = sql.join(['id', ...columns.map(([c]) => c)].map((n) => sql.ref(n)))
  const set = sql.join(columns.map(([c]) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const chunk = rows.slice(i, i + WRITE_BATCH)
    const ids = sql`${chunk.map((r) => r.id)}::uuid[]`
    await sql`
      UPDATE contract_concepts AS c
      SET ${set}, updated_at = ${updatedAt}
      FROM unnest(${ids}, ${sql.join(columns.map(([c, type]) => sql`${chunk.map((r) => (r[c] ?? null) as unknown)}::${sql.raw(type)}[]`))}) AS v(${names})
      WHERE c.id = v.id AND c.org_id = ${orgId}
    `.execute(db)
  }
}

/**
 * Active concepts whose code (or converted ordinary code) is one of `codeKeys`, or whose folded
 * description is one of `descriptionKeys`: the candidates of the matcher.
 */
export async function findLookupCandidates(
  db: Executor,
  orgId: string,
  codeKeys: readonly string[],
  descriptionKeys: readonly string[],
): Promise<ConceptRow[]> {
  const byId = new Map<string, ConceptRow>()
  const codes = [...new Set(codeKeys)]
  const descriptions = [...new Set(descriptionKeys)]
  for (let i = 0; i < Math.max(codes.length, descriptions.length); i += LOOKUP_BATCH) {
    const c = codes.slice(i, i + LOOKUP_BATCH)
    const d = descriptions.slice(i, i + LOOKUP_BATCH)
    const rows = await db
      .selectFrom('contract_concepts')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .where((eb) =>
        eb.or([
          ...(c.length ? [eb('code_key', 'in', c), eb('converted_code_key', 'in', c)] : []),
          ...(d.length ? [eb('description_key', 'in', d)] : []),
        ]),
      )
      .execute()
    for (const r of rows) byId.set(r.id, r)
  }
  return [...byId.values()]
}
