/**
 * The files and links of an evidence record (docs/production.md#evidence-gpu): upload (PNG, JPEG, PDF through the
 * platform's files service: magic-byte typing, size limit), add a link, delete either, read a file's bytes.
 */
import type { TEvidenceCell, TEvidenceFileFields, TEvidenceLinkRequest, TStoredFile } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { auditData, cellView, conceptInfo, writeCell, type LoadedCell } from './evidence-cells'
import * as erepo from './evidence.repository'
import type { ProductionContext } from './production.context'
import { productionMessages as M } from './production.messages'

/** What evidence needs from the platform's files service (magic-byte typing, size limit, content-hash store). */
export type EvidenceFilesPort = {
  uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly ('pdf' | 'png' | 'jpeg')[] },
    trx?: Executor,
  ): Promise<TStoredFile>
  readFile(actor: Actor, id: string): Promise<{ file: TStoredFile; bytes: Buffer }>
}

const EVIDENCE_KINDS = ['png', 'jpeg', 'pdf'] as const
const MODULE = 'production'
const ENTITY = 'production_evidence'

export function createEvidenceItemUseCases(ctx: ProductionContext, files: EvidenceFilesPort) {
  const { db, clock } = ctx

  async function addFile(
    actor: Actor,
    fields: TEvidenceFileFields,
    upload: { filename: string; bytes: Buffer },
  ): Promise<TEvidenceCell> {
    requireAccess(actor, 'file.upload')
    return writeCell(ctx, actor, fields, async (trx, cell, record) => {
      const stored = await files.uploadFile(
        actor,
        { name: upload.filename, bytes: upload.bytes, accept: EVIDENCE_KINDS },
        trx,
      )
      const takenAt = fields.takenAt ?? clock().toISOString()
      const id = await erepo.insertItem(trx, {
        orgId: actor.orgId,
        evidenceId: record.id,
        kind: 'file',
        fileId: stored.id,
        fileName: stored.name,
        mimeType: stored.mimeType,
        size: stored.size,
        takenAt,
        latitude: fields.latitude ?? null,
        longitude: fields.longitude ?? null,
        createdBy: ctx.userId(actor),
      })
      await erepo.touchEvidence(trx, actor.orgId, record.id, clock())
      await writeAudit(trx, actor, {
        action: 'production.evidence_file_added',
        module: MODULE,
        entityType: ENTITY,
        entityId: record.id,
        changes: [
          {
            field: 'file',
            old: null,
            new: { itemId: id, fileId: stored.id, name: stored.name, kind: stored.kind, size: stored.size },
          },
        ],
        data: {
          ...auditData(cell),
          takenAt,
          latitude: fields.latitude ?? null,
          longitude: fields.longitude ?? null,
        },
      })
    })
  }

  async function addLink(actor: Actor, input: TEvidenceLinkRequest): Promise<TEvidenceCell> {
    return writeCell(ctx, actor, input, async (trx, cell, record) => {
      const label = input.label?.trim() || null
      const id = await erepo.insertItem(trx, {
        orgId: actor.orgId,
        evidenceId: record.id,
        kind: 'link',
        url: input.url,
        label,
        createdBy: ctx.userId(actor),
      })
      await erepo.touchEvidence(trx, actor.orgId, record.id, clock())
      await writeAudit(trx, actor, {
        action: 'production.evidence_link_added',
        module: MODULE,
        entityType: ENTITY,
        entityId: record.id,
        changes: [{ field: 'link', old: null, new: { itemId: id, url: input.url, label } }],
        data: auditData(cell),
      })
    })
  }

  /** Deletes a file or link (also of a cell whose production dropped to zero); a signed cell keeps one. */
  async function deleteItem(actor: Actor, itemId: string): Promise<TEvidenceCell> {
    requireAccess(actor, 'production.capture')
    return db.transaction().execute(async (trx) => {
      const item = await erepo.findItem(trx, actor.orgId, itemId)
      if (!item) throw new AppError('NOT_FOUND', M.evidenceItemNotFound())
      const key = {
        familyId: item.family_id,
        siteId: item.site_id,
        conceptId: item.concept_id,
        day: item.day,
        timeType: item.time_type,
      }
      const record = await erepo.findEvidence(trx, actor.orgId, key, { forUpdate: true })
      const items = record ? await erepo.listItems(trx, actor.orgId, record.id) : []
      if (record?.status === 'signed' && items.length <= 1)
        throw new AppError('INVALID_STATE', M.signedKeepsEvidence(), { reason: 'signed_needs_evidence' })
      const cell = await loadCellOfRecord(trx, actor.orgId, key)
      await erepo.deleteItem(trx, actor.orgId, item.id)
      await erepo.touchEvidence(trx, actor.orgId, item.evidence_id, clock())
      await writeAudit(trx, actor, {
        action: 'production.evidence_item_deleted',
        module: MODULE,
        entityType: ENTITY,
        entityId: item.evidence_id,
        changes: [
          {
            field: item.kind,
            old:
              item.kind === 'file'
                ? { itemId: item.id, fileId: item.file_id, name: item.file_name }
                : { itemId: item.id, url: item.url, label: item.label },
            new: null,
          },
        ],
        data: auditData(cell),
      })
      return cellView(trx, actor.orgId, cell)
    })
  }

  /** A stored record's cell, even when its concept has left the evidence annexes since. */
  async function loadCellOfRecord(
    ex: Executor,
    orgId: string,
    key: erepo.EvidenceCellKey,
  ): Promise<LoadedCell> {
    const { initial, members } = await ctx.loadFamily(ex, orgId, key.familyId)
    const info = (await conceptInfo(ex, orgId, members, [key.conceptId])).get(key.conceptId)
    return {
      key,
      initial,
      concept: {
        annex: info?.annex ?? '',
        code: info?.code ?? '',
        description: info?.description ?? '',
        unit: info?.unit ?? '',
      },
      volume: await erepo.cellVolume(ex, orgId, key),
    }
  }

  /** The bytes of an evidence file (organization-scoped through its record). */
  async function readItemFile(actor: Actor, itemId: string): Promise<{ file: TStoredFile; bytes: Buffer }> {
    requireAccess(actor, 'production.read')
    const item = await erepo.findItem(db, actor.orgId, itemId)
    if (!item?.file_id) throw new AppError('NOT_FOUND', M.evidenceFileNotFound())
    return files.readFile(actor, item.file_id)
  }

  return { addFile, addLink, deleteItem, readItemFile }
}
