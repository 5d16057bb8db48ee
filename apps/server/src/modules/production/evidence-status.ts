/**
 * The evidence read other modules use (through index.ts; docs/production.md#evidence-gpu), e.g. the estimates
 * module billing "only signed evidence":
 *
 *   const annexes = await evidenceAnnexesOf(trx, orgId)            // which annexes need evidence
 *   const status = await evidenceStatusOf(trx, orgId, cells)       // Map by evidenceCellKey(cell)
 *   status.get(evidenceCellKey(cell)) === 'signed'
 *
 * A cell is a production entry's (family = initial work order id, site, concept, date, time type); a cell
 * without a stored record is `pending`. Whether a cell needs evidence at all is the caller's question: its
 * concept's annex (normalized sub-annex key, `C-2`, `C3EXT`) in `evidenceAnnexesOf`.
 */
import type { TEvidenceStatus, TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { evidenceAnnexes } from './evidence-cells'
import { effectiveStatus } from './evidence-rules'
import * as erepo from './evidence.repository'

export type EvidenceCell = {
  familyId: string
  siteId: string
  conceptId: string
  date: string
  timeType: TTimeType
}

export const evidenceCellKey = (c: EvidenceCell): string =>
  `${c.familyId}|${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`

/** The evidence status of each cell (of `orgId` only), keyed by `evidenceCellKey`; `pending` without a record. */
export async function evidenceStatusOf(
  ex: Executor,
  orgId: string,
  cells: readonly EvidenceCell[],
): Promise<Map<string, TEvidenceStatus>> {
  const rows = await erepo.evidenceOfCells(
    ex,
    orgId,
    cells.map((c) => ({
      familyId: c.familyId,
      siteId: c.siteId,
      conceptId: c.conceptId,
      day: c.date,
      timeType: c.timeType,
    })),
  )
  const stored = new Map(
    rows.map((r) => [
      evidenceCellKey({
        familyId: r.family_id,
        siteId: r.site_id,
        conceptId: r.concept_id,
        date: r.day,
        timeType: r.time_type,
      }),
      r.status,
    ]),
  )
  return new Map(cells.map((c) => [evidenceCellKey(c), effectiveStatus(stored.get(evidenceCellKey(c)))]))
}

/** The organization's evidence annexes (the default C-2, C-3, C2EXT, C3EXT until it chooses). */
export const evidenceAnnexesOf = (ex: Executor, orgId: string): Promise<string[]> =>
  evidenceAnnexes(ex, orgId)
