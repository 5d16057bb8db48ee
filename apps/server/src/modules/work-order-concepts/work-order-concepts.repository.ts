import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on the work-order concept tables. Every query is scoped by organization. */

export type AnnexImportRow = Awaited<ReturnType<typeof insertImport>>
export type ConceptLineRow = Awaited<ReturnType<typeof listLines>>[number]

/** Rows per INSERT: 18 columns × 1,000 stays far below the 65,535 parameters of one statement. */
const LINE_BATCH = 1_000
const PLANNED_BATCH = 20_000

export type ImportValues = {
  work_order_id: string
  version: number
  status: 'pending_confirmation'
  file_id: string
  file_name: string
  base_import_id: string | null
  concept_count: number
  planned_day_count: number
  amount_mxn: string
  amount_usd: string
  reading: unknown
  diff: unknown
  /** why a version made in the app was made (a concept added from the catalog) */
  reason?: string | null
  created_by: string | null
}

export async function insertImport(db: Executor, orgId: string, v: ImportValues) {
  return db
    .insertInto('work_order_annex_imports')
    .values({ ...v, org_id: orgId, reading: JSON.stringify(v.reading), diff: JSON.stringify(v.diff) })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findImport(db: Executor, orgId: string, workOrderId: string, id: string) {
  return db
    .selectFrom('work_order_annex_imports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The version in a status (`active` and `pending_confirmation` have at most one per work order). */
export async function findImportByStatus(
  db: Executor,
  orgId: string,
  workOrderId: string,
  status: 'active' | 'pending_confirmation',
) {
  return db
    .selectFrom('work_order_annex_imports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('status', '=', status)
    .executeTakeFirst()
}

/** Versions of a work order, newest first, without the stored diff (it can be large). */
export async function listImports(
  db: Executor,
  orgId: string,
  workOrderId: string,
  page: { limit: number; offset: number },
) {
  const base = db
    .selectFrom('work_order_annex_imports')
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'work_order_id',
        'version',
        'status',
        'file_id',
        'file_name',
        'base_import_id',
        'concept_count',
        'planned_day_count',
        'amount_mxn',
        'amount_usd',
        sql<DiffCounts>`jsonb_build_object(
          'added', jsonb_array_length(diff->'added'),
          'removed', jsonb_array_length(diff->'removed'),
          'changed', jsonb_array_length(diff->'changed'),
          'unchanged', (diff->>'unchangedCount')::int,
          'baseVersion', diff->'baseVersion'
        )`.as('diff_counts'),
        'created_by',
        'created_at',
        'confirmed_by',
        'confirmed_at',
        'discarded_by',
        'discarded_at',
        'superseded_at',
        'reason',
      ])
      .orderBy('version', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
export type DiffCounts = {
  added: number
  removed: number
  changed: number
  unchanged: number
  baseVersion: number | null
}

export async function nextVersion(db: Executor, orgId: string, workOrderId: string): Promise<number> {
  const r = await db
    .selectFrom('work_order_annex_imports')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .executeTakeFirst()
  return Number(r?.v ?? 0) + 1
}

export async function setImportStatus(
  db: Executor,
  orgId: string,
  id: string,
  patch: {
    status: 'active' | 'superseded' | 'discarded'
    confirmed_by?: string | null
    confirmed_at?: Date
    discarded_by?: string | null
    discarded_at?: Date
    superseded_at?: Date
  },
) {
  return db
    .updateTable('work_order_annex_imports')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

// --- lines ---

export type LineValues = {
  position: number
  row_number: number
  concept_id: string | null
  annex: string
  code: string
  description: string
  unit_id: string | null
  unit_key: string
  authorized_volume: string
  unit_price_mxn: string
  unit_price_usd: string
  price_source_mxn: 'catalog' | 'file'
  price_source_usd: 'catalog' | 'file'
  ok: boolean | null
  plannedByDay: Record<string, string>
}

/** Inserts the lines of a version and their planned volumes, in batches. */
export async function insertLines(
  db: Executor,
  orgId: string,
  importId: string,
  workOrderId: string,
  lines: readonly LineValues[],
): Promise<void> {
  for (let i = 0; i < lines.length; i += LINE_BATCH) {
    const batch = lines.slice(i, i + LINE_BATCH)
    const ids = await db
      .insertInto('work_order_concepts')
      .values(
        batch.map(({ plannedByDay: _planned, ...l }) => ({
          ...l,
          org_id: orgId,
          import_id: importId,
          work_order_id: workOrderId,
        })),
      )
      .returning('id')
      .execute()
    const planned: { org_id: string; work_order_concept_id: string; day: string; volume: string }[] = []
    batch.forEach((l, k) => {
      const id = ids[k]?.id
      if (!id) throw new Error('insertLines: missing id')
      for (const [day, volume] of Object.entries(l.plannedByDay))
        planned.push({ org_id: orgId, work_order_concept_id: id, day, volume })
    })
    // three array parameters per batch instead of four parameters per row: much less to bind and parse
    for (let j = 0; j < planned.length; j += PLANNED_BATCH) {
      const part = planned.slice(j, j + PLANNED_BATCH)
      await sql`
        INSERT INTO work_order_planned_volumes (org_id, work_order_concept_id, day, volume)
        SELECT ${orgId}::uuid, u.line, u.day, u.volume
        FROM unnest(${part.map((p) => p.work_order_concept_id)}::uuid[], ${part.map((p) => p.day)}::date[], ${part.map((p) => p.volume)}::numeric[])
          AS u(line, day, volume)
      `.execute(db)
    }
  }
}

/** Lines of a version by position (optionally those whose code, description or annex contains `q`). */
export async function listLines(db: Executor, orgId: string, importId: string, q?: string) {
  let query = db
    .selectFrom('work_order_concepts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('import_id', '=', importId)
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([eb('code', 'ilike', like), eb('description', 'ilike', like), eb('annex', 'ilike', like)]),
    )
  }
  return query.orderBy('position').orderBy('id').execute()
}

/** Planned volumes of the lines of a version: line id → day → volume. */
export async function listPlanned(
  db: Executor,
  orgId: string,
  importId: string,
): Promise<Map<string, Record<string, string>>> {
  const rows = await db
    .selectFrom('work_order_planned_volumes as p')
    .innerJoin('work_order_concepts as c', 'c.id', 'p.work_order_concept_id')
    .select(['p.work_order_concept_id', 'p.day', 'p.volume'])
    .where('p.org_id', '=', orgId)
    .where('c.import_id', '=', importId)
    .orderBy('p.day')
    .execute()
  const out = new Map<string, Record<string, string>>()
  for (const r of rows) {
    let m = out.get(r.work_order_concept_id)
    if (!m) out.set(r.work_order_concept_id, (m = {}))
    m[r.day] = r.volume
  }
  return out
}

export async function deleteLines(db: Executor, orgId: string, importId: string): Promise<void> {
  await db
    .deleteFrom('work_order_concepts')
    .where('org_id', '=', orgId)
    .where('import_id', '=', importId)
    .execute()
}

/** The active version of each of `workOrderIds` with its totals (for the family view). */
export async function findActiveImports(db: Executor, orgId: string, workOrderIds: readonly string[]) {
  if (workOrderIds.length === 0) return []
  return db
    .selectFrom('work_order_annex_imports')
    .select(['id', 'work_order_id', 'version', 'concept_count', 'amount_mxn', 'amount_usd'])
    .where('org_id', '=', orgId)
    .where('work_order_id', 'in', [...workOrderIds])
    .where('status', '=', 'active')
    .execute()
}

/** Lines of several versions (no planned volumes), grouped by version id. */
export async function listLinesOfImports(db: Executor, orgId: string, importIds: readonly string[]) {
  if (importIds.length === 0) return new Map<string, ConceptLineRow[]>()
  const rows = await db
    .selectFrom('work_order_concepts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('import_id', 'in', [...importIds])
    .orderBy('position')
    .execute()
  const out = new Map<string, ConceptLineRow[]>()
  for (const r of rows) {
    const list = out.get(r.import_id)
    if (list) list.push(r)
    else out.set(r.import_id, [r])
  }
  return out
}

/**
 * Planned volumes of the catalog-concept lines of some versions within [from, to], summed per version, concept
 * and day (a concept twice in one version adds), without trailing zeros.
 */
export async function listPlannedInRange(
  db: Executor,
  orgId: string,
  importIds: readonly string[],
  from: string,
  to: string,
) {
  if (importIds.length === 0) return []
  return db
    .selectFrom('work_order_planned_volumes as p')
    .innerJoin('work_order_concepts as c', 'c.id', 'p.work_order_concept_id')
    .select([
      'c.import_id',
      'c.concept_id',
      'p.day',
      sql<string>`trim_scale(sum(p.volume))::text`.as('volume'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.import_id', 'in', [...importIds])
    .where('c.concept_id', 'is not', null)
    .where('p.day', '>=', from)
    .where('p.day', '<=', to)
    .groupBy(['c.import_id', 'c.concept_id', 'p.day'])
    .execute()
}
