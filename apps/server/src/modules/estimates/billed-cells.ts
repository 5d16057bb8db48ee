/**
 * Which production cells approved estimates billed (docs/estimates.md), for the dashboards' unbilled production
 * (docs/insights.md#production-money): exported through index.ts.
 */
import type { TEstimateStatus } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** an approved estimate, and what follows approval where the module has it (invoiced, paid) */
const BILLED: TEstimateStatus[] = ['approved', 'invoiced', 'paid']

/** `familyId|siteId|conceptId|date|timeType` of a production cell, as the estimates hold it. */
export const billedCellKey = (c: {
  familyId: string
  siteId: string
  conceptId: string
  date: string
  timeType: string
}): string => `${c.familyId}|${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`

/** The cells of these families (in [from, to] when given) held by an approved estimate, by `billedCellKey`. */
export async function approvedEstimateCells(
  ex: Executor,
  orgId: string,
  f: { familyIds: readonly string[]; from?: string | undefined; to?: string | undefined },
): Promise<Set<string>> {
  if (f.familyIds.length === 0) return new Set()
  let q = ex
    .selectFrom('estimate_cells as c')
    .innerJoin('estimates as e', 'e.id', 'c.estimate_id')
    .select(['c.family_id', 'c.site_id', 'c.concept_id', 'c.day', 'c.time_type'])
    .where('c.org_id', '=', orgId)
    .where('e.org_id', '=', orgId)
    .where('e.status', 'in', BILLED)
    .where('c.family_id', 'in', [...f.familyIds])
  if (f.from) q = q.where('c.day', '>=', f.from)
  if (f.to) q = q.where('c.day', '<=', f.to)
  const rows = await q.execute()
  return new Set(
    rows.map((r) =>
      billedCellKey({
        familyId: r.family_id,
        siteId: r.site_id,
        conceptId: r.concept_id,
        date: r.day,
        timeType: r.time_type,
      }),
    ),
  )
}
