/**
 * What every evidence use case needs about a cell (docs/production.md#evidence-gpu): its family, the concept's
 * annex (from the family's Anexo C, else the catalog) and whether that annex needs evidence, its production.
 */
import type { TEvidenceCell, TEvidenceCellKey, TEvidenceItem, TEvidenceStatus } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { Dec } from '../../platform/money/money'
import { getConceptsByIds, normalizeAnnex } from '../concepts'
import { listActiveWorkOrderConcepts } from '../work-order-concepts'
import type { WorkOrderRef } from '../work-orders'
import { annexOfConcept, evidenceAnnexesOrDefault, isPending, needsEvidence } from './evidence-rules'
import * as erepo from './evidence.repository'
import { consolidate } from './production-grid-rules'
import type { ProductionContext } from './production.context'
import { productionMessages as M } from './production.messages'

export type ConceptInfo = { annex: string | null; code: string; description: string; unit: string }

/** The organization's evidence annexes (normalized; the default list until it chooses). */
export async function evidenceAnnexes(ex: Executor, orgId: string): Promise<string[]> {
  return evidenceAnnexesOrDefault(await erepo.getAnnexes(ex, orgId))
}

/** Annex, code and description of concepts: the family's Anexo C first, the catalog for the others. */
export async function conceptInfo(
  ex: Executor,
  orgId: string,
  members: readonly WorkOrderRef[],
  conceptIds: readonly string[],
): Promise<Map<string, ConceptInfo>> {
  const active = await listActiveWorkOrderConcepts(
    ex,
    orgId,
    members.map((m) => m.id),
  )
  const family = consolidate(members.map((m) => ({ workOrderId: m.id, lines: active.get(m.id)?.lines })))
  const out = new Map<string, ConceptInfo>()
  for (const c of family.values()) {
    out.set(c.conceptId, {
      annex: normalizeAnnex(c.annex),
      code: c.code,
      description: c.description,
      unit: c.unit,
    })
  }
  const missing = [...new Set(conceptIds)].filter((id) => !out.has(id))
  for (const c of missing.length ? await getConceptsByIds(ex, orgId, missing) : []) {
    const annex = annexOfConcept(c)
    out.set(c.id, {
      annex: annex ? normalizeAnnex(annex) : null,
      code: c.code,
      description: c.description,
      unit: c.unitKey,
    })
  }
  return out
}

export type LoadedCell = {
  key: erepo.EvidenceCellKey
  initial: WorkOrderRef
  concept: ConceptInfo & { annex: string }
  volume: string
}

/**
 * Loads a cell: the family (404 for another organization's work order, 400 for a reprogramming), a concept on one
 * of the organization's evidence annexes (400 naming `conceptId` otherwise) and its production.
 */
export async function loadCell(
  ctx: ProductionContext,
  ex: Executor,
  orgId: string,
  cell: TEvidenceCellKey,
): Promise<LoadedCell> {
  const { initial, members } = await ctx.loadFamily(ex, orgId, cell.workOrderId)
  const info = (await conceptInfo(ex, orgId, members, [cell.conceptId])).get(cell.conceptId)
  if (!info) throw new AppError('NOT_FOUND', M.conceptNotFound())
  const annexes = await evidenceAnnexes(ex, orgId)
  if (!needsEvidence(info.annex, annexes) || !info.annex)
    throw new AppError('VALIDATION', M.conceptWithoutEvidence({ code: info.code }), [
      fieldError(
        'conceptId',
        annexes.length ? M.evidenceAnnexes({ annexes: annexes.join(', ') }) : M.evidenceAnnexesNone(),
      ),
    ])
  const key = {
    familyId: initial.familyId,
    siteId: cell.siteId,
    conceptId: cell.conceptId,
    day: cell.date,
    timeType: cell.timeType,
  }
  const volume = await erepo.cellVolume(ex, orgId, key)
  return { key, initial, concept: { ...info, annex: info.annex }, volume }
}

/** Refuses writing a cell without production (400 naming `date`). */
export function requireProduction(cell: LoadedCell): void {
  if (new Dec(cell.volume).gt(0)) return
  throw new AppError('VALIDATION', M.cellWithoutProduction(), [
    fieldError('date', M.noProductionNoEvidence()),
  ])
}

export const toItem = (r: erepo.EvidenceItemRow): TEvidenceItem => ({
  id: r.id,
  kind: r.kind as TEvidenceItem['kind'],
  fileName: r.file_name,
  mimeType: r.mime_type,
  size: r.size === null ? null : Number(r.size),
  url: r.url,
  label: r.label,
  takenAt: r.taken_at ? r.taken_at.toISOString() : null,
  latitude: r.latitude,
  longitude: r.longitude,
  createdAt: r.created_at.toISOString(),
})

export const statusOf = (r: { status: string } | undefined): TEvidenceStatus =>
  (r?.status ?? 'pending') as TEvidenceStatus

/** The answer of every cell use case: the record (pending without one), its files and links. */
export async function cellView(ex: Executor, orgId: string, cell: LoadedCell): Promise<TEvidenceCell> {
  const record = await erepo.findEvidence(ex, orgId, cell.key)
  const items = record ? await erepo.listItems(ex, orgId, record.id) : []
  const status = statusOf(record)
  return {
    workOrderId: cell.initial.id,
    siteId: cell.key.siteId,
    conceptId: cell.key.conceptId,
    date: cell.key.day,
    timeType: cell.key.timeType,
    annex: cell.concept.annex,
    code: cell.concept.code,
    description: cell.concept.description,
    volume: cell.volume,
    status,
    note: record?.note ?? null,
    statusAt: record?.status_at ? record.status_at.toISOString() : null,
    pending: isPending(cell.volume, status),
    items: items.map(toItem),
  }
}

export const auditData = (cell: LoadedCell) => ({
  workOrderId: cell.initial.id,
  number: cell.initial.number,
  siteId: cell.key.siteId,
  conceptId: cell.key.conceptId,
  code: cell.concept.code,
  date: cell.key.day,
  timeType: cell.key.timeType,
})

/** Runs a write on one cell with production, its record created and locked, in one transaction. */
export async function writeCell<T>(
  ctx: ProductionContext,
  actor: Actor,
  key: TEvidenceCellKey,
  work: (trx: Executor, cell: LoadedCell, record: erepo.EvidenceRow) => Promise<T>,
): Promise<TEvidenceCell> {
  requireAccess(actor, 'production.capture')
  return ctx.db.transaction().execute(async (trx) => {
    const cell = await loadCell(ctx, trx, actor.orgId, key)
    requireProduction(cell)
    const record = await erepo.ensureEvidence(trx, actor.orgId, cell.key)
    await work(trx, cell, record)
    return cellView(trx, actor.orgId, cell)
  })
}
