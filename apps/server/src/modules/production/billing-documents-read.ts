/**
 * What the estimates module's documents and reports read from production (docs/estimates.md#documents,
 * #reports), exported through index.ts: the evidence files of billed cells (the PDF's references to the GPU),
 * and the organization's production summed per family, concept and month (the unbilled-aging and
 * estimated-vs-produced reports).
 */
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'
import { evidenceCellKey, type EvidenceCell } from './evidence-status'

/** The files and links of each cell's evidence record, keyed by `evidenceCellKey` (cells without any are absent). */
export async function evidenceFilesOf(
  ex: Executor,
  orgId: string,
  cells: readonly EvidenceCell[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (cells.length === 0) return out
  const keys = cells.map((c) => ({
    familyId: c.familyId,
    siteId: c.siteId,
    conceptId: c.conceptId,
    day: c.date,
    timeType: c.timeType,
  }))
  const rows = await sql<{
    family_id: string
    site_id: string
    concept_id: string
    day: string
    time_type: string
    name: string
  }>`
    SELECT e.family_id, e.site_id, e.concept_id, to_char(e.day, 'YYYY-MM-DD') AS day, e.time_type,
           coalesce(i.file_name, i.label, i.url, i.kind) AS name
      FROM production_evidence e
      JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
        AS k("familyId" uuid, "siteId" uuid, "conceptId" uuid, day date, "timeType" text)
        ON e.family_id = k."familyId" AND e.site_id = k."siteId" AND e.concept_id = k."conceptId"
          AND e.day = k.day AND e.time_type = k."timeType"
      JOIN production_evidence_items i ON i.evidence_id = e.id AND i.org_id = e.org_id
     WHERE e.org_id = ${orgId}
     ORDER BY i.created_at, i.id
  `.execute(ex)
  for (const r of rows.rows) {
    const key = evidenceCellKey({
      familyId: r.family_id,
      siteId: r.site_id,
      conceptId: r.concept_id,
      date: r.day,
      timeType: r.time_type as EvidenceCell['timeType'],
    })
    out.set(key, [...(out.get(key) ?? []), r.name])
  }
  return out
}

export type MonthlyProduction = {
  familyId: string
  conceptId: string
  /** `YYYY-MM` */
  month: string
  /** exact, without trailing zeros */
  volume: string
}

/** The organization's production per family, concept and month, optionally one family and a date range. */
export async function productionByFamilyMonth(
  ex: Executor,
  orgId: string,
  f: { familyId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<MonthlyProduction[]> {
  let q = ex
    .selectFrom('production_entries')
    .select([
      'family_id',
      'concept_id',
      sql<string>`to_char(day, 'YYYY-MM')`.as('month'),
      sql<string>`trim_scale(sum(volume))::text`.as('volume'),
    ])
    .where('org_id', '=', orgId)
  if (f.familyId) q = q.where('family_id', '=', f.familyId)
  if (f.from) q = q.where('day', '>=', f.from)
  if (f.to) q = q.where('day', '<=', f.to)
  const rows = await q
    .groupBy(['family_id', 'concept_id', sql`to_char(day, 'YYYY-MM')`])
    .orderBy('family_id')
    .orderBy(sql`to_char(day, 'YYYY-MM')`)
    .execute()
  return rows.map((r) => ({
    familyId: r.family_id,
    conceptId: r.concept_id,
    month: r.month,
    volume: r.volume,
  }))
}
