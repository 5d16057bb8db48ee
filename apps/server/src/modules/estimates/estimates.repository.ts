/** Every SQL statement on the estimates module's tables (docs/estimates.md). */
import { sql } from 'kysely'
import type { TEstimateAdjustmentRequest, TEstimateStatus, TEstimateType, TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

export type EstimateRow = {
  id: string
  org_id: string
  family_id: string
  number: number
  type: TEstimateType
  status: TEstimateStatus
  period_start: string
  period_end: string
  selection: unknown
  exchange_rate: string | null
  totals: unknown
  return_reason: string | null
  returned_at: Date | null
  returned_by: string | null
  returned_by_name: string | null
  submitted_at: Date | null
  submitted_by: string | null
  submitted_by_name: string | null
  approved_at: Date | null
  approved_by: string | null
  approved_by_name: string | null
  invoice_reference: string | null
  invoiced_at: Date | null
  invoiced_by: string | null
  invoiced_by_name: string | null
  paid_date: string | null
  paid_amount: string | null
  paid_at: Date | null
  paid_by: string | null
  paid_by_name: string | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

function selectEstimates(ex: Executor) {
  return ex
    .selectFrom('estimates as e')
    .leftJoin('users as ur', 'ur.id', 'e.returned_by')
    .leftJoin('users as us', 'us.id', 'e.submitted_by')
    .leftJoin('users as ua', 'ua.id', 'e.approved_by')
    .leftJoin('users as ui', 'ui.id', 'e.invoiced_by')
    .leftJoin('users as up', 'up.id', 'e.paid_by')
    .select([
      'e.id',
      'e.org_id',
      'e.family_id',
      'e.number',
      'e.type',
      'e.status',
      'e.period_start',
      'e.period_end',
      'e.selection',
      sql<string | null>`trim_scale(e.exchange_rate)::text`.as('exchange_rate'),
      'e.totals',
      'e.return_reason',
      'e.returned_at',
      'e.returned_by',
      'ur.name as returned_by_name',
      'e.submitted_at',
      'e.submitted_by',
      'us.name as submitted_by_name',
      'e.approved_at',
      'e.approved_by',
      'ua.name as approved_by_name',
      'e.invoice_reference',
      'e.invoiced_at',
      'e.invoiced_by',
      'ui.name as invoiced_by_name',
      'e.paid_date',
      sql<string | null>`trim_scale(e.paid_amount)::text`.as('paid_amount'),
      'e.paid_at',
      'e.paid_by',
      'up.name as paid_by_name',
      'e.created_by',
      'e.created_at',
      'e.updated_at',
    ])
}

/** One estimate of the organization; `forUpdate` locks its row until the transaction ends. */
export async function getEstimate(
  ex: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<EstimateRow | undefined> {
  let q = selectEstimates(ex).where('e.org_id', '=', orgId).where('e.id', '=', id)
  if (opts.forUpdate) q = q.forUpdate('e')
  return q.executeTakeFirst()
}

export async function listEstimates(
  ex: Executor,
  orgId: string,
  f: { familyId?: string | undefined; status?: TEstimateStatus | undefined; limit: number; offset: number },
): Promise<{ rows: EstimateRow[]; total: number }> {
  let q = selectEstimates(ex).where('e.org_id', '=', orgId)
  let c = ex
    .selectFrom('estimates as e')
    .select(sql<string>`count(*)`.as('n'))
    .where('e.org_id', '=', orgId)
  if (f.familyId) {
    q = q.where('e.family_id', '=', f.familyId)
    c = c.where('e.family_id', '=', f.familyId)
  }
  if (f.status) {
    q = q.where('e.status', '=', f.status)
    c = c.where('e.status', '=', f.status)
  }
  const [rows, count] = await Promise.all([
    q.orderBy('e.period_start', 'desc').orderBy('e.number', 'desc').limit(f.limit).offset(f.offset).execute(),
    c.executeTakeFirstOrThrow(),
  ])
  return { rows: rows, total: Number(count.n) }
}

export async function insertEstimate(
  ex: Executor,
  v: {
    orgId: string
    familyId: string
    number: number
    type: TEstimateType
    periodStart: string
    periodEnd: string
    userId: string | null
  },
): Promise<string> {
  const r = await ex
    .insertInto('estimates')
    .values({
      org_id: v.orgId,
      family_id: v.familyId,
      number: v.number,
      type: v.type,
      period_start: v.periodStart,
      period_end: v.periodEnd,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export type EstimatePatch = Partial<{
  status: TEstimateStatus
  selection: string | null
  exchange_rate: string | null
  totals: string | null
  return_reason: string | null
  returned_by: string | null
  returned_at: Date
  submitted_by: string | null
  submitted_at: Date | null
  approved_by: string | null
  approved_at: Date
  invoice_reference: string
  invoiced_by: string | null
  invoiced_at: Date
  paid_date: string
  paid_amount: string
  paid_by: string | null
  paid_at: Date
}>

export async function updateEstimate(ex: Executor, id: string, patch: EstimatePatch, now: Date) {
  await ex
    .updateTable('estimates')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute()
}

// ---- cells ----

export type CellRow = {
  estimate_id: string
  site_id: string
  concept_id: string
  day: string
  time_type: TTimeType
  volume: string
  is_excess: boolean
  evidence_status: string
}

export async function listCells(ex: Executor, estimateId: string): Promise<CellRow[]> {
  return ex
    .selectFrom('estimate_cells')
    .select([
      'estimate_id',
      'site_id',
      'concept_id',
      'day',
      'time_type',
      sql<string>`trim_scale(volume)::text`.as('volume'),
      'is_excess',
      'evidence_status',
    ])
    .where('estimate_id', '=', estimateId)
    .orderBy('day')
    .orderBy(sql`time_type COLLATE "C" DESC`)
    .orderBy('concept_id')
    .orderBy('site_id')
    .execute()
}

export async function deleteCells(ex: Executor, estimateId: string): Promise<void> {
  await ex.deleteFrom('estimate_cells').where('estimate_id', '=', estimateId).execute()
}

export async function insertCells(
  ex: Executor,
  orgId: string,
  familyId: string,
  estimateId: string,
  cells: readonly {
    siteId: string
    conceptId: string
    date: string
    timeType: TTimeType
    volume: string
    isExcess: boolean
    evidenceStatus: string
  }[],
): Promise<void> {
  for (let i = 0; i < cells.length; i += 1000) {
    await ex
      .insertInto('estimate_cells')
      .values(
        cells.slice(i, i + 1000).map((c) => ({
          org_id: orgId,
          estimate_id: estimateId,
          family_id: familyId,
          site_id: c.siteId,
          concept_id: c.conceptId,
          day: c.date,
          time_type: c.timeType,
          volume: c.volume,
          is_excess: c.isExcess,
          evidence_status: c.evidenceStatus,
        })),
      )
      .execute()
  }
}

/** The cells of the family's other estimates in [from, to] (every live one: a cancelled one holds none). */
export async function cellsTakenByOthers(
  ex: Executor,
  familyId: string,
  estimateId: string | null,
  from: string,
  to: string,
): Promise<(CellRow & { number: number; status: TEstimateStatus })[]> {
  let q = ex
    .selectFrom('estimate_cells as c')
    .innerJoin('estimates as e', 'e.id', 'c.estimate_id')
    .select([
      'c.estimate_id',
      'c.site_id',
      'c.concept_id',
      'c.day',
      'c.time_type',
      sql<string>`trim_scale(c.volume)::text`.as('volume'),
      'c.is_excess',
      'c.evidence_status',
      'e.number',
      'e.status',
    ])
    .where('c.family_id', '=', familyId)
    .where('c.day', '>=', from)
    .where('c.day', '<=', to)
  if (estimateId) q = q.where('c.estimate_id', '<>', estimateId)
  return q.execute()
}

/**
 * Per live estimate of the family and concept: the quantity its cells bill less its deductive lines, and the
 * excess of its cells (billed under a recorded reason).
 */
export async function familyQuantities(
  ex: Executor,
  familyId: string,
): Promise<{ estimate_id: string; number: number; concept_id: string; quantity: string; excess: string }[]> {
  const rows = await sql<{
    estimate_id: string
    number: number
    concept_id: string
    quantity: string
    excess: string
  }>`
    SELECT e.id AS estimate_id, e.number, q.concept_id,
           trim_scale(sum(q.quantity))::text AS quantity, trim_scale(sum(q.excess))::text AS excess
      FROM estimates e
      JOIN (
        SELECT estimate_id, concept_id, volume AS quantity,
               CASE WHEN is_excess THEN volume ELSE 0 END AS excess
          FROM estimate_cells WHERE family_id = ${familyId}
        UNION ALL
        SELECT a.estimate_id, a.concept_id, -a.quantity, 0
          FROM estimate_adjustments a JOIN estimates e2 ON e2.id = a.estimate_id
         WHERE e2.family_id = ${familyId} AND a.kind = 'deductive'
      ) q ON q.estimate_id = e.id
     WHERE e.family_id = ${familyId} AND e.status <> 'cancelled'
     GROUP BY e.id, e.number, q.concept_id
  `.execute(ex)
  return rows.rows
}

/** The stored totals of the family's submitted and approved estimates numbered before `number`. */
export async function frozenTotalsBefore(ex: Executor, familyId: string, number: number): Promise<unknown[]> {
  const rows = await ex
    .selectFrom('estimates')
    .select('totals')
    .where('family_id', '=', familyId)
    .where('number', '<', number)
    .where('status', 'in', ['submitted', 'approved', 'invoiced', 'paid'])
    .execute()
  return rows.map((r) => r.totals)
}

/** Per concept: the family's production cells billed (approved) and in live estimates, in [from, to]. */
export async function estimatedCellsOfFamily(
  ex: Executor,
  familyId: string,
  from: string,
  to: string,
): Promise<
  { site_id: string; concept_id: string; day: string; time_type: TTimeType; status: TEstimateStatus }[]
> {
  return ex
    .selectFrom('estimate_cells as c')
    .innerJoin('estimates as e', 'e.id', 'c.estimate_id')
    .select(['c.site_id', 'c.concept_id', 'c.day', 'c.time_type', 'e.status'])
    .where('c.family_id', '=', familyId)
    .where('c.day', '>=', from)
    .where('c.day', '<=', to)
    .execute()
}

// ---- adjustments ----

export type AdjustmentRow = {
  id: string
  kind: TEstimateAdjustmentRequest['kind']
  concept_id: string | null
  quantity: string | null
  amount_mxn: string
  amount_usd: string
  reason: string
  price_difference_mxn: string | null
  price_difference_usd: string | null
}

export async function listAdjustments(ex: Executor, estimateId: string): Promise<AdjustmentRow[]> {
  return ex
    .selectFrom('estimate_adjustments')
    .select([
      'id',
      'kind',
      'concept_id',
      sql<string | null>`trim_scale(quantity)::text`.as('quantity'),
      sql<string>`trim_scale(amount_mxn)::text`.as('amount_mxn'),
      sql<string>`trim_scale(amount_usd)::text`.as('amount_usd'),
      'reason',
      sql<string | null>`trim_scale(price_difference_mxn)::text`.as('price_difference_mxn'),
      sql<string | null>`trim_scale(price_difference_usd)::text`.as('price_difference_usd'),
    ])
    .where('estimate_id', '=', estimateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function insertAdjustment(
  ex: Executor,
  v: {
    orgId: string
    estimateId: string
    kind: TEstimateAdjustmentRequest['kind']
    conceptId: string | null
    quantity: string | null
    amountMxn: string
    amountUsd: string
    reason: string
    priceDifferenceMxn?: string | null
    priceDifferenceUsd?: string | null
    userId: string | null
  },
): Promise<string> {
  const r = await ex
    .insertInto('estimate_adjustments')
    .values({
      org_id: v.orgId,
      estimate_id: v.estimateId,
      kind: v.kind,
      concept_id: v.conceptId,
      quantity: v.quantity,
      amount_mxn: v.amountMxn,
      amount_usd: v.amountUsd,
      reason: v.reason,
      price_difference_mxn: v.priceDifferenceMxn ?? null,
      price_difference_usd: v.priceDifferenceUsd ?? null,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function deleteAdjustment(
  ex: Executor,
  estimateId: string,
  id: string,
): Promise<AdjustmentRow | null> {
  const r = await ex
    .deleteFrom('estimate_adjustments')
    .where('estimate_id', '=', estimateId)
    .where('id', '=', id)
    .returning([
      'id',
      'kind',
      'concept_id',
      'quantity',
      'amount_mxn',
      'amount_usd',
      'reason',
      'price_difference_mxn',
      'price_difference_usd',
    ])
    .executeTakeFirst()
  return r ?? null
}

// ---- settings ----

export type SettingsRow = {
  iva_percent: string
  advance_mxn: string
  advance_usd: string
  amortization_percent: string
  retentions: unknown
  max_period_months: number
}

export async function getSettings(
  ex: Executor,
  orgId: string,
  familyId: string,
): Promise<SettingsRow | undefined> {
  return ex
    .selectFrom('estimate_settings')
    .select([
      sql<string>`trim_scale(iva_percent)::text`.as('iva_percent'),
      sql<string>`trim_scale(advance_mxn)::text`.as('advance_mxn'),
      sql<string>`trim_scale(advance_usd)::text`.as('advance_usd'),
      sql<string>`trim_scale(amortization_percent)::text`.as('amortization_percent'),
      'retentions',
      'max_period_months',
    ])
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .executeTakeFirst()
}

export async function upsertSettings(
  ex: Executor,
  orgId: string,
  familyId: string,
  s: SettingsRow,
  userId: string | null,
  now: Date,
): Promise<void> {
  const values = {
    iva_percent: s.iva_percent,
    advance_mxn: s.advance_mxn,
    advance_usd: s.advance_usd,
    amortization_percent: s.amortization_percent,
    retentions: JSON.stringify(s.retentions),
    max_period_months: s.max_period_months,
    updated_by: userId,
    updated_at: now,
  }
  await ex
    .insertInto('estimate_settings')
    .values({ org_id: orgId, family_id: familyId, ...values })
    .onConflict((oc) => oc.column('family_id').doUpdateSet(values))
    .execute()
}

// ---- invoicing ----

/** The estimate of the organization that already carries this invoice reference (ignoring case), if any. */
export async function estimateWithInvoiceReference(
  ex: Executor,
  orgId: string,
  reference: string,
): Promise<{ id: string; number: number; family_id: string } | undefined> {
  return ex
    .selectFrom('estimates')
    .select(['id', 'number', 'family_id'])
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(invoice_reference)`, '=', reference.toLowerCase())
    .executeTakeFirst()
}

/** The family's estimates other than `exceptId` that are live and not yet approved (number and status). */
export async function unapprovedEstimatesOfFamily(
  ex: Executor,
  familyId: string,
  exceptId: string,
): Promise<{ number: number; status: TEstimateStatus }[]> {
  return ex
    .selectFrom('estimates')
    .select(['number', 'status'])
    .where('family_id', '=', familyId)
    .where('id', '<>', exceptId)
    .where('status', 'in', ['draft', 'in_review', 'submitted'])
    .orderBy('number')
    .execute()
}

/** The stored totals of the family's approved, invoiced and paid estimates other than `exceptId`. */
export async function billedTotalsOfFamily(ex: Executor, familyId: string, exceptId: string) {
  const rows = await ex
    .selectFrom('estimates')
    .select(['totals'])
    .where('family_id', '=', familyId)
    .where('id', '<>', exceptId)
    .where('status', 'in', ['approved', 'invoiced', 'paid'])
    .execute()
  return rows.map((r) => r.totals)
}

/**
 * Production's billed-cell port (docs/estimates.md#billed-production-is-frozen): the family's cells at a site,
 * of a time type, in [from, to] that an approved, invoiced or paid estimate bills, with that estimate's number.
 */
export async function billedCells(
  ex: Executor,
  orgId: string,
  q: { familyId: string; siteId: string; timeType: TTimeType; from: string; to: string },
): Promise<{ conceptId: string; date: string; estimateNumber: number; estimateId: string }[]> {
  const rows = await ex
    .selectFrom('estimate_cells as c')
    .innerJoin('estimates as e', 'e.id', 'c.estimate_id')
    .select(['c.concept_id', 'c.day', 'e.number', 'e.id'])
    .where('c.org_id', '=', orgId)
    .where('c.family_id', '=', q.familyId)
    .where('c.site_id', '=', q.siteId)
    .where('c.time_type', '=', q.timeType)
    .where('c.day', '>=', q.from)
    .where('c.day', '<=', q.to)
    .where('e.status', 'in', ['approved', 'invoiced', 'paid'])
    .execute()
  return rows.map((r) => ({
    conceptId: r.concept_id,
    date: r.day,
    estimateNumber: r.number,
    estimateId: r.id,
  }))
}

/** The concept's quantity the family's billed estimates (approved, invoiced, paid) bill, net of deductive lines. */
export async function billedQuantityOfConcept(
  ex: Executor,
  familyId: string,
  conceptId: string,
): Promise<string> {
  const r = await sql<{ q: string | null }>`
    SELECT trim_scale(coalesce(sum(q.quantity), 0))::text AS q FROM (
      SELECT c.volume AS quantity FROM estimate_cells c JOIN estimates e ON e.id = c.estimate_id
       WHERE c.family_id = ${familyId} AND c.concept_id = ${conceptId}
         AND e.status IN ('approved', 'invoiced', 'paid')
      UNION ALL
      SELECT -a.quantity FROM estimate_adjustments a JOIN estimates e ON e.id = a.estimate_id
       WHERE e.family_id = ${familyId} AND a.concept_id = ${conceptId} AND a.kind = 'deductive'
         AND e.status IN ('approved', 'invoiced', 'paid')
    ) q
  `.execute(ex)
  return r.rows[0]?.q ?? '0'
}
