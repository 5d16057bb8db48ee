/**
 * Production evidence, GPU (docs/production.md#evidence-gpu): the evidence grid of a family and month, one cell's
 * record, its status, its files and links, and the organization's evidence annexes. Writing needs
 * `production.capture`, the annexes `production.configure`; every change is audited (`production.evidence_*`).
 */
import type {
  TEvidenceAnnexes,
  TEvidenceAnnexesRequest,
  TEvidenceCell,
  TEvidenceCellKey,
  TEvidenceGrid,
  TEvidenceGridQuery,
  TEvidenceGridRow,
  TEvidenceStatusRequest,
  TTimeType,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { normalizeAnnex } from '../concepts'
import {
  cellView,
  conceptInfo,
  evidenceAnnexes,
  loadCell,
  statusOf,
  writeCell,
  auditData,
} from './evidence-cells'
import { createEvidenceItemUseCases, type EvidenceFilesPort } from './evidence-items.service'
import {
  evidenceCounts,
  isPending,
  needsEvidence,
  normalizeAnnexList,
  statusChangeProblems,
} from './evidence-rules'
import * as erepo from './evidence.repository'
import { compareConcepts } from './production-grid-rules'
import type { ProductionContext } from './production.context'
import { firstDay, lastDay, monthDays } from './production-rules'

export type { EvidenceFilesPort }

const MODULE = 'production'
const ENTITY = 'production_evidence'

export function createEvidenceUseCases(ctx: ProductionContext, files: EvidenceFilesPort) {
  const { db, clock } = ctx

  async function getGrid(actor: Actor, q: TEvidenceGridQuery): Promise<TEvidenceGrid> {
    requireAccess(actor, 'production.read')
    const { orgId } = actor
    const { initial, members } = await ctx.loadFamily(db, orgId, q.workOrderId)
    const from = firstDay(q.month)
    const to = lastDay(q.month)
    const [production, records, annexes] = await Promise.all([
      erepo.listProduction(db, orgId, initial.familyId, from, to, q.siteId),
      erepo.listEvidence(db, orgId, initial.familyId, from, to, q.siteId),
      evidenceAnnexes(db, orgId),
    ])
    const info = await conceptInfo(db, orgId, members, [
      ...production.map((p) => p.concept_id),
      ...records.map((r) => r.concept_id),
    ])
    const rowKey = (siteId: string, conceptId: string, timeType: string) =>
      `${siteId}|${conceptId}|${timeType}`
    const rows = new Map<string, TEvidenceGridRow>()
    const cells = new Map<string, TEvidenceGridRow['cells'][number]>()
    const cellOf = (siteId: string, conceptId: string, timeType: string, day: string) => {
      const c = info.get(conceptId)
      if (!c || !needsEvidence(c.annex, annexes)) return undefined
      const rk = rowKey(siteId, conceptId, timeType)
      if (!rows.has(rk))
        rows.set(rk, {
          conceptId,
          annex: c.annex ?? '',
          code: c.code,
          description: c.description,
          unit: c.unit,
          siteId,
          timeType: timeType as TTimeType,
          cells: [],
        })
      const ck = `${rk}|${day}`
      let cell = cells.get(ck)
      if (!cell) {
        cell = {
          date: day,
          volume: '0',
          status: 'pending',
          note: null,
          fileCount: 0,
          linkCount: 0,
          pending: false,
        }
        cells.set(ck, cell)
        rows.get(rk)?.cells.push(cell)
      }
      return cell
    }
    for (const p of production) {
      const cell = cellOf(p.site_id, p.concept_id, p.time_type, p.day)
      if (cell) cell.volume = p.volume
    }
    for (const r of records) {
      const cell = cellOf(r.site_id, r.concept_id, r.time_type, r.day)
      if (!cell) continue
      cell.status = statusOf(r)
      cell.note = r.note
      cell.fileCount = r.file_count
      cell.linkCount = r.link_count
    }
    for (const cell of cells.values()) cell.pending = isPending(cell.volume, cell.status)
    const sorted = [...rows.values()].sort(
      (a, b) =>
        compareConcepts(
          { ...a, authorizedVolume: '0', unitPriceMxn: '0', unitPriceUsd: '0', sourceWorkOrderId: '' },
          { ...b, authorizedVolume: '0', unitPriceMxn: '0', unitPriceUsd: '0', sourceWorkOrderId: '' },
        ) ||
        a.siteId.localeCompare(b.siteId) ||
        (a.timeType === b.timeType ? 0 : a.timeType === 'TE' ? -1 : 1),
    )
    for (const r of sorted) r.cells.sort((a, b) => a.date.localeCompare(b.date))
    return {
      workOrderId: initial.id,
      number: initial.number,
      month: q.month,
      siteId: q.siteId ?? null,
      days: monthDays(q.month),
      annexes,
      ...evidenceCounts([...cells.values()]),
      rows: sorted,
    }
  }

  async function getCell(actor: Actor, key: TEvidenceCellKey): Promise<TEvidenceCell> {
    requireAccess(actor, 'production.read')
    return cellView(db, actor.orgId, await loadCell(ctx, db, actor.orgId, key))
  }

  async function setStatus(actor: Actor, input: TEvidenceStatusRequest): Promise<TEvidenceCell> {
    return writeCell(ctx, actor, input, async (trx, cell, record) => {
      const note = input.note?.trim() || null
      const itemCount = (await erepo.listItems(trx, actor.orgId, record.id)).length
      const problems = statusChangeProblems({ status: input.status, note, itemCount })
      if (problems.length)
        throw new AppError('VALIDATION', problems[0]?.message ?? 'Estado no válido', problems)
      if (record.status === input.status && record.note === note) return
      await erepo.setStatus(trx, actor.orgId, record.id, {
        status: input.status,
        note,
        userId: ctx.userId(actor),
        at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'production.evidence_status_changed',
        module: MODULE,
        entityType: ENTITY,
        entityId: record.id,
        changes: [
          { field: 'status', old: record.status, new: input.status },
          ...(record.note === note ? [] : [{ field: 'note', old: record.note, new: note }]),
        ],
        data: auditData(cell),
      })
    })
  }

  async function getAnnexes(actor: Actor): Promise<TEvidenceAnnexes> {
    requireAccess(actor, 'production.read')
    const stored = await erepo.getAnnexes(db, actor.orgId)
    return { annexes: await evidenceAnnexes(db, actor.orgId), isDefault: stored === null }
  }

  async function saveAnnexes(actor: Actor, input: TEvidenceAnnexesRequest): Promise<TEvidenceAnnexes> {
    requireAccess(actor, 'production.configure')
    const next = normalizeAnnexList(input.annexes, normalizeAnnex)
    await db.transaction().execute(async (trx) => {
      const before = await evidenceAnnexes(trx, actor.orgId)
      await erepo.setAnnexes(trx, actor.orgId, next, ctx.userId(actor))
      await writeAudit(trx, actor, {
        action: 'production.evidence_annexes_saved',
        module: MODULE,
        entityType: 'production_evidence_annexes',
        entityId: actor.orgId,
        changes: [{ field: 'annexes', old: before, new: next }],
      })
    })
    return { annexes: next, isDefault: false }
  }

  return {
    getGrid,
    getCell,
    setStatus,
    getAnnexes,
    saveAnnexes,
    ...createEvidenceItemUseCases(ctx, files),
  }
}
export type EvidenceUseCases = ReturnType<typeof createEvidenceUseCases>
