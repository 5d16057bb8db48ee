/**
 * The production the dashboards read (docs/insights.md#production-money), exported through index.ts: the cells
 * of several families at once, optionally in a date range and at one site.
 */
import { sql } from 'kysely'
import type { TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

export type FamilyProductionCell = {
  familyId: string
  siteId: string
  conceptId: string
  date: string
  timeType: TTimeType
  /** exact, without trailing zeros */
  volume: string
}

export async function productionOfFamilies(
  ex: Executor,
  orgId: string,
  f: {
    familyIds: readonly string[]
    from?: string | undefined
    to?: string | undefined
    siteId?: string | undefined
  },
): Promise<FamilyProductionCell[]> {
  if (f.familyIds.length === 0) return []
  let q = ex
    .selectFrom('production_entries')
    .select([
      'family_id',
      'site_id',
      'concept_id',
      'day',
      'time_type',
      sql<string>`trim_scale(volume)::text`.as('volume'),
    ])
    .where('org_id', '=', orgId)
    .where('family_id', 'in', [...f.familyIds])
  if (f.from) q = q.where('day', '>=', f.from)
  if (f.to) q = q.where('day', '<=', f.to)
  if (f.siteId) q = q.where('site_id', '=', f.siteId)
  const rows = await q.execute()
  return rows.map((r) => ({
    familyId: r.family_id,
    siteId: r.site_id,
    conceptId: r.concept_id,
    date: r.day,
    timeType: r.time_type,
    volume: r.volume,
  }))
}
