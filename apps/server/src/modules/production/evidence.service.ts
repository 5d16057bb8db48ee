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
  TEvidenceStatusRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { normalizeAnnex } from '../concepts'
import { cellView, conceptInfo, evidenceAnnexes, loadCell, writeCell, auditData } from './evidence-cells'
import { createEvidenceItemUseCases, type EvidenceFilesPort } from './evidence-items.service'
import { evidenceCounts, evidenceRows, normalizeAnnexList, statusChangeProblems } from './evidence-rules'
import * as erepo from './evidence.repository'
import type { ProductionContext } from './production.context'
import { firstDay, lastDay, monthDays } from './production-rules'
import { productionMessages as M } from './production.messages'

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
    const { rows, cells } = evidenceRows({ production, records, concepts: info, annexes })
    return {
      workOrderId: initial.id,
      number: initial.number,
      month: q.month,
      siteId: q.siteId ?? null,
      days: monthDays(q.month),
      annexes,
      ...evidenceCounts(cells),
      rows,
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
      const first = problems[0]
      if (first)
        throw new AppError(
          'VALIDATION',
          first.key ? { key: first.key, params: first.params ?? {} } : M.invalidStatus(),
          problems,
        )
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
