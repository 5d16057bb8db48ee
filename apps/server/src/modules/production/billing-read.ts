/**
 * The reads the estimates module bills from (docs/estimates.md), exported through index.ts: a family's
 * production cells in a date range, its concepts as the grid consolidates them (authorized volume and prices of
 * the latest member that has each), and the organization's exchange rate in force on a date.
 */
import { sql } from 'kysely'
import type { TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { Dec } from '../../platform/money/money'
import { normalizeAnnex } from '../concepts'
import { listActiveWorkOrderConcepts } from '../work-order-concepts'
import { listFamilyMembers } from '../work-orders'
import { consolidate, type FamilyConcept } from './production-grid-rules'
import { rateOn } from './production-grid.repository'

export type ProductionCell = {
  siteId: string
  conceptId: string
  date: string
  timeType: TTimeType
  /** exact, without trailing zeros */
  volume: string
  isExcess: boolean
  excessReason: string | null
}

/** The production of a family (its initial work order's id) in [from, to], optionally one site / time type. */
export async function familyProductionCells(
  ex: Executor,
  orgId: string,
  familyId: string,
  f: { from: string; to: string; siteId?: string | undefined; timeType?: TTimeType | undefined },
): Promise<ProductionCell[]> {
  let q = ex
    .selectFrom('production_entries')
    .select([
      'site_id',
      'concept_id',
      'day',
      'time_type',
      sql<string>`trim_scale(volume)::text`.as('volume'),
      'is_excess',
      'excess_reason',
    ])
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to)
  if (f.siteId) q = q.where('site_id', '=', f.siteId)
  if (f.timeType) q = q.where('time_type', '=', f.timeType)
  const rows = await q
    .orderBy('day')
    .orderBy(sql`time_type COLLATE "C" DESC`)
    .orderBy('site_id')
    .execute()
  return rows.map((r) => ({
    siteId: r.site_id,
    conceptId: r.concept_id,
    date: r.day,
    timeType: r.time_type,
    volume: r.volume,
    isExcess: r.is_excess,
    excessReason: r.excess_reason,
  }))
}

export type BillingConcept = FamilyConcept & { annexKey: string | null }

/** The family's concepts (by catalog concept) from its members' active Anexo C, as the production grid. */
export async function familyBillingConcepts(
  ex: Executor,
  orgId: string,
  familyId: string,
): Promise<Map<string, BillingConcept>> {
  const members = await listFamilyMembers(ex, orgId, familyId)
  const active = await listActiveWorkOrderConcepts(
    ex,
    orgId,
    members.map((m) => m.id),
  )
  const family = consolidate(members.map((m) => ({ workOrderId: m.id, lines: active.get(m.id)?.lines })))
  return new Map([...family].map(([id, c]) => [id, { ...c, annexKey: normalizeAnnex(c.annex) }]))
}

/** The organization's exchange rate (MXN per USD) in force on `date`, or null when the table has none. */
export async function exchangeRateOn(
  ex: Executor,
  orgId: string,
  date: string,
): Promise<{ validFrom: string; rate: string } | null> {
  const r = await rateOn(ex, orgId, date)
  return r ? { validFrom: r.valid_from, rate: new Dec(r.rate).toFixed() } : null
}
