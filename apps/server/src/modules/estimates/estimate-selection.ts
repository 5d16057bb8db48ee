/**
 * Which production cells an estimate bills (docs/estimates.md#selection): by filters (date range within the
 * period, site, time type, evidence, authorized excess) or an explicit list of cells. A cell is in at most one
 * estimate that is not cancelled: filters skip the cells other estimates hold, an explicit list naming one is
 * refused (409). Cells whose concept needs evidence bill only with signed evidence unless `evidence: 'any'`;
 * excess cells only with `includeAuthorizedExcess` and a recorded reason.
 */
import type { TEstimateSelectionRequest, TEvidenceStatus } from '@faena/contracts'
import type { ZEstimateSelectionRequest } from '@faena/contracts'
import type { z } from 'zod'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import type { Message } from '../../platform/i18n/messages'
import { getConceptsByIds } from '../concepts'
import {
  closedMonthsOf,
  evidenceAnnexesOf,
  evidenceCellKey,
  evidenceStatusOf,
  familyBillingConcepts,
  familyProductionCells,
  type ProductionCell,
} from '../production'
import { BILLED_STATUSES } from './estimates.context'
import type * as repo from './estimates.repository'
import { cellsTakenByOthers } from './estimates.repository'
import { estimatesMessages as M } from './estimates.messages'

type Selection = z.output<typeof ZEstimateSelectionRequest>
export type ChosenCell = ProductionCell & { evidenceStatus: TEvidenceStatus | 'not_required' }
export type Skipped = { taken: number; evidence: number; excess: number; outsideFamily: number; type: number }

const keyOf = (c: { siteId: string; conceptId: string; date: string; timeType: string }) =>
  `${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`

/**
 * Bill only closed months (docs/estimates.md#closed-months): every cell's month must be closed by production's
 * monthly close for the family (its monthly report `closed`); otherwise 409 `open_month` naming the months and
 * the cells. Checked when the selection is saved and again on submission (a month reopened since).
 */
export async function refuseOpenMonths(
  ex: Executor,
  row: { org_id: string; family_id: string },
  cells: readonly { siteId: string; conceptId: string; date: string; timeType: string }[],
) {
  const months = [...new Set(cells.map((c) => c.date.slice(0, 7)))].sort()
  if (months.length === 0) return
  const closed = await closedMonthsOf(ex, row.org_id, [row.family_id], months)
  const open = months.filter((m) => !closed.has(`${row.family_id}|${m}`))
  if (open.length === 0) return
  const openCells = cells.filter((c) => open.includes(c.date.slice(0, 7)))
  throw new AppError('CONFLICT', M.openMonths({ months: open.join(', '), count: openCells.length }), {
    reason: 'open_month',
    months: open,
    cells: openCells.slice(0, 100).map((c) => ({
      siteId: c.siteId,
      conceptId: c.conceptId,
      date: c.date,
      timeType: c.timeType,
    })),
  })
}

/** What the estimate's type lets it bill (docs/estimates.md#types); null when the cell is allowed. */
function typeRefusal(type: string, c: ProductionCell, kinds: Map<string, string>): Message | null {
  if (type === 'excess' && !(c.isExcess && c.excessReason)) return M.excessOnlyAuthorized()
  if (type === 'ordinary' && c.isExcess) return M.ordinaryNoExcess()
  if (type === 'extraordinary' && kinds.get(c.conceptId) !== 'extraordinary') return M.extraordinaryOnlyPue()
  return null
}

export async function chooseCells(
  ex: Executor,
  row: repo.EstimateRow,
  input: Selection,
): Promise<{ cells: ChosenCell[]; selection: TEstimateSelectionRequest; skipped: Skipped }> {
  if (row.type === 'price_adjustment')
    throw new AppError('INVALID_STATE', M.priceAdjustmentNoProduction(), {
      reason: 'type_rule',
      type: row.type,
    })
  const byList = 'cells' in input
  const from = byList ? row.period_start : input.dateFrom
  const to = byList ? row.period_end : input.dateTo
  if (!byList) {
    if (input.dateFrom < row.period_start || input.dateFrom > row.period_end)
      throw new AppError('VALIDATION', M.dateFromOutside(), [
        fieldError('dateFrom', M.between({ from: row.period_start, to: row.period_end })),
      ])
    if (input.dateTo < input.dateFrom || input.dateTo > row.period_end)
      throw new AppError('VALIDATION', M.dateToOutside(), [
        fieldError('dateTo', M.between({ from: input.dateFrom, to: row.period_end })),
      ])
  }
  const produced = await familyProductionCells(ex, row.org_id, row.family_id, {
    from,
    to,
    siteId: byList ? undefined : input.siteId,
    timeType: byList ? undefined : input.timeType,
  })
  const concepts = await familyBillingConcepts(ex, row.org_id, row.family_id)
  const taken = new Map(
    (await cellsTakenByOthers(ex, row.family_id, row.id, from, to)).map((c) => [
      keyOf({ siteId: c.site_id, conceptId: c.concept_id, date: c.day, timeType: c.time_type }),
      c,
    ]),
  )
  const annexes = new Set(await evidenceAnnexesOf(ex, row.org_id))
  const needsEvidence = (c: ProductionCell) => {
    const annex = concepts.get(c.conceptId)?.annexKey
    return annex !== null && annex !== undefined && annexes.has(annex)
  }
  const evidence = await evidenceStatusOf(
    ex,
    row.org_id,
    produced.filter(needsEvidence).map((c) => ({ familyId: row.family_id, ...c })),
  )
  const statusOf = (c: ProductionCell): ChosenCell['evidenceStatus'] =>
    needsEvidence(c)
      ? (evidence.get(evidenceCellKey({ familyId: row.family_id, ...c })) ?? 'pending')
      : 'not_required'
  const onlySigned = input.evidence !== 'any'
  const skipped: Skipped = { taken: 0, evidence: 0, excess: 0, outsideFamily: 0, type: 0 }
  const kinds =
    row.type === 'extraordinary'
      ? new Map(
          (await getConceptsByIds(ex, row.org_id, [...new Set(produced.map((c) => c.conceptId))])).map(
            (k) => [k.id, k.kind],
          ),
        )
      : new Map<string, string>()
  // an excess estimate takes authorized excess whatever the filter says
  const withExcess =
    row.type === 'excess' || (row.type !== 'ordinary' && !byList && input.includeAuthorizedExcess)

  if (!byList) {
    const cells: ChosenCell[] = []
    for (const c of produced) {
      const status = statusOf(c)
      if (taken.has(keyOf(c))) skipped.taken++
      else if (!concepts.has(c.conceptId)) skipped.outsideFamily++
      else if (c.isExcess && !(withExcess && c.excessReason)) skipped.excess++
      else if (typeRefusal(row.type, c, kinds)) skipped.type++
      else if (onlySigned && status !== 'signed' && status !== 'not_required') skipped.evidence++
      else cells.push({ ...c, evidenceStatus: status })
    }
    await refuseOpenMonths(ex, row, cells)
    return { cells, selection: input, skipped }
  }

  const byKey = new Map(produced.map((c) => [keyOf(c), c]))
  const cells: ChosenCell[] = []
  const problems: ReturnType<typeof fieldError>[] = []
  const conflicts: { path: string; estimate: number; billed: boolean }[] = []
  const seen = new Set<string>()
  input.cells.forEach((k, i) => {
    const path = `cells.${i}`
    const key = keyOf(k)
    const c = byKey.get(key)
    const other = taken.get(key)
    if (seen.has(key)) problems.push(fieldError(path, M.cellRepeated()))
    else if (k.date < row.period_start || k.date > row.period_end)
      problems.push(fieldError(`${path}.date`, M.cellOutsidePeriod()))
    else if (!c) problems.push(fieldError(path, M.cellNotProduced()))
    else if (other)
      conflicts.push({ path, estimate: other.number, billed: BILLED_STATUSES.includes(other.status) })
    else if (!concepts.has(c.conceptId)) problems.push(fieldError(`${path}.conceptId`, M.cellOutsideFamily()))
    else if (c.isExcess && !c.excessReason) problems.push(fieldError(path, M.excessWithoutReason()))
    else if (typeRefusal(row.type, c, kinds))
      problems.push(fieldError(path, typeRefusal(row.type, c, kinds)!))
    else if (onlySigned && !['signed', 'not_required'].includes(statusOf(c)))
      problems.push(fieldError(path, M.evidenceNotSigned({ status: statusOf(c) })))
    else cells.push({ ...c, evidenceStatus: statusOf(c) })
    seen.add(key)
  })
  if (problems.length > 0) throw new AppError('VALIDATION', M.cellsRefused(), problems)
  await refuseOpenMonths(ex, row, cells)
  if (conflicts.length > 0)
    throw new AppError(
      'CONFLICT',
      conflicts.some((c) => c.billed) ? M.cellsBilled() : M.cellsInOtherEstimate(),
      { reason: conflicts.some((c) => c.billed) ? 'billed' : 'in_other_estimate', cells: conflicts },
    )
  return { cells, selection: input, skipped }
}
