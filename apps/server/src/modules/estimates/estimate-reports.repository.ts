/** The SQL of the estimate reports (docs/estimates.md#reports): what the organization's estimates hold. */
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'

/** Statuses whose cells are billed for good (approved and after). */
export const BILLED_STATUSES = ['approved', 'invoiced', 'paid'] as const

/** Per family, concept and month of production: the volume of cells in billed estimates and in the other live ones. */
export async function estimatedCellsByMonth(
  ex: Executor,
  orgId: string,
  familyId: string | undefined,
): Promise<{ family_id: string; concept_id: string; month: string; billed: string; in_estimates: string }[]> {
  const billed = sql.join(BILLED_STATUSES.map((s) => sql.lit(s)))
  const r = await sql<{
    family_id: string
    concept_id: string
    month: string
    billed: string
    in_estimates: string
  }>`
    SELECT c.family_id, c.concept_id, to_char(c.day, 'YYYY-MM') AS month,
           trim_scale(coalesce(sum(c.volume) FILTER (WHERE e.status IN (${billed})), 0))::text AS billed,
           trim_scale(coalesce(sum(c.volume) FILTER (WHERE e.status NOT IN (${billed})), 0))::text AS in_estimates
      FROM estimate_cells c
      JOIN estimates e ON e.id = c.estimate_id
     WHERE e.org_id = ${orgId} AND e.status <> 'cancelled'
       ${familyId ? sql`AND c.family_id = ${familyId}` : sql``}
     GROUP BY c.family_id, c.concept_id, to_char(c.day, 'YYYY-MM')
  `.execute(ex)
  return r.rows
}

/** Per family and concept: the net quantity of its live estimates (deductive lines subtracted), and of the billed ones. */
export async function estimatedQuantities(
  ex: Executor,
  orgId: string,
  familyId: string | undefined,
): Promise<{ family_id: string; concept_id: string; estimated: string; billed: string }[]> {
  const billed = sql.join(BILLED_STATUSES.map((s) => sql.lit(s)))
  const r = await sql<{ family_id: string; concept_id: string; estimated: string; billed: string }>`
    SELECT e.family_id, q.concept_id,
           trim_scale(sum(q.quantity))::text AS estimated,
           trim_scale(coalesce(sum(q.quantity) FILTER (WHERE e.status IN (${billed})), 0))::text AS billed
      FROM estimates e
      JOIN (
        SELECT estimate_id, concept_id, volume AS quantity FROM estimate_cells WHERE org_id = ${orgId}
        UNION ALL
        SELECT estimate_id, concept_id, -quantity FROM estimate_adjustments
         WHERE org_id = ${orgId} AND kind = 'deductive'
      ) q ON q.estimate_id = e.id
     WHERE e.org_id = ${orgId} AND e.status <> 'cancelled'
       ${familyId ? sql`AND e.family_id = ${familyId}` : sql``}
     GROUP BY e.family_id, q.concept_id
  `.execute(ex)
  return r.rows
}
