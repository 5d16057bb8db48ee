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
import { AppError } from '../../platform/errors'
import {
  evidenceAnnexesOf,
  evidenceCellKey,
  evidenceStatusOf,
  familyBillingConcepts,
  familyProductionCells,
  type ProductionCell,
} from '../production'
import type * as repo from './estimates.repository'
import { cellsTakenByOthers } from './estimates.repository'

type Selection = z.output<typeof ZEstimateSelectionRequest>
export type ChosenCell = ProductionCell & { evidenceStatus: TEvidenceStatus | 'not_required' }
export type Skipped = { taken: number; evidence: number; excess: number; outsideFamily: number }

const keyOf = (c: { siteId: string; conceptId: string; date: string; timeType: string }) =>
  `${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`

export async function chooseCells(
  ex: Executor,
  row: repo.EstimateRow,
  input: Selection,
): Promise<{ cells: ChosenCell[]; selection: TEstimateSelectionRequest; skipped: Skipped }> {
  const byList = 'cells' in input
  const from = byList ? row.period_start : input.dateFrom
  const to = byList ? row.period_end : input.dateTo
  if (!byList) {
    if (input.dateFrom < row.period_start || input.dateFrom > row.period_end)
      throw new AppError('VALIDATION', 'La fecha inicial está fuera del periodo de la estimación', [
        { path: 'dateFrom', message: `Entre ${row.period_start} y ${row.period_end}` },
      ])
    if (input.dateTo < input.dateFrom || input.dateTo > row.period_end)
      throw new AppError('VALIDATION', 'La fecha final está fuera del periodo o antes de la inicial', [
        { path: 'dateTo', message: `Entre ${input.dateFrom} y ${row.period_end}` },
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
  const skipped: Skipped = { taken: 0, evidence: 0, excess: 0, outsideFamily: 0 }

  if (!byList) {
    const cells: ChosenCell[] = []
    for (const c of produced) {
      const status = statusOf(c)
      if (taken.has(keyOf(c))) skipped.taken++
      else if (!concepts.has(c.conceptId)) skipped.outsideFamily++
      else if (c.isExcess && !(input.includeAuthorizedExcess && c.excessReason)) skipped.excess++
      else if (onlySigned && status !== 'signed' && status !== 'not_required') skipped.evidence++
      else cells.push({ ...c, evidenceStatus: status })
    }
    return { cells, selection: input, skipped }
  }

  const byKey = new Map(produced.map((c) => [keyOf(c), c]))
  const cells: ChosenCell[] = []
  const problems: { path: string; message: string }[] = []
  const conflicts: { path: string; estimate: number; billed: boolean }[] = []
  const seen = new Set<string>()
  input.cells.forEach((k, i) => {
    const path = `cells.${i}`
    const key = keyOf(k)
    const c = byKey.get(key)
    const other = taken.get(key)
    if (seen.has(key)) problems.push({ path, message: 'Celda repetida' })
    else if (k.date < row.period_start || k.date > row.period_end)
      problems.push({ path: `${path}.date`, message: 'Fuera del periodo de la estimación' })
    else if (!c) problems.push({ path, message: 'Sin producción en esa celda' })
    else if (other) conflicts.push({ path, estimate: other.number, billed: other.status === 'approved' })
    else if (!concepts.has(c.conceptId))
      problems.push({
        path: `${path}.conceptId`,
        message: 'Concepto fuera del Anexo C vigente de la familia',
      })
    else if (c.isExcess && !c.excessReason)
      problems.push({ path, message: 'Excedente sin motivo registrado: no se estima' })
    else if (onlySigned && !['signed', 'not_required'].includes(statusOf(c)))
      problems.push({ path, message: `Evidencia (GPU) no firmada: ${statusOf(c)}` })
    else cells.push({ ...c, evidenceStatus: statusOf(c) })
    seen.add(key)
  })
  if (problems.length > 0) throw new AppError('VALIDATION', 'Hay celdas que no pueden estimarse', problems)
  if (conflicts.length > 0)
    throw new AppError(
      'CONFLICT',
      conflicts.some((c) => c.billed)
        ? 'Hay celdas ya cobradas en una estimación aprobada; no pueden cobrarse otra vez'
        : 'Hay celdas que ya están en otra estimación',
      { reason: conflicts.some((c) => c.billed) ? 'billed' : 'in_other_estimate', cells: conflicts },
    )
  return { cells, selection: input, skipped }
}
