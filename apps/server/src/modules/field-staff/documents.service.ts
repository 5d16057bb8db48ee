import type {
  TComplianceDocument,
  TComplianceDocumentInput,
  TComplianceDocumentPatch,
  TComplianceFile,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import type { Upload } from '../../platform/http/multipart'
import { MODULE, orNull, type FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import type { OwnerKind } from './field-staff.tables'
import { staffMessages as M } from './field-staff.messages'

const ENTITY: Record<OwnerKind, string> = { staff: 'field_staff', vehicle: 'vehicle' }
const ACTION: Record<OwnerKind, string> = { staff: 'fieldStaff', vehicle: 'vehicle' }

const snapshot = (v: repo.DocumentValues, kindName: string) => ({
  kind: kindName,
  subject: v.subject,
  number: v.number,
  issuedOn: v.issued_on,
  expiresOn: v.expires_on,
  notes: v.notes,
})

/**
 * The compliance documents (credentials, passes, vehicle papers) and scanned files of a person or a vehicle:
 * one typed model for both owners (docs/field-staff.md#documents).
 */
export function createDocumentUseCases(ctx: FieldStaffContext) {
  const { db, clock, userId, today } = ctx

  async function loadOwner(trx: Executor, actor: Actor, owner: OwnerKind, id: string) {
    const row =
      owner === 'staff'
        ? await repo.findStaff(trx, actor.orgId, id, true)
        : await repo.findVehicle(trx, actor.orgId, id, true)
    if (!row) throw new AppError('NOT_FOUND', owner === 'staff' ? M.staffNotFound() : M.vehicleNotFound())
    return row
  }

  async function checkKind(trx: Executor, actor: Actor, owner: OwnerKind, kindId: string) {
    const kind = await repo.findKind(trx, actor.orgId, kindId)
    if (!kind || kind.owner_kind !== owner || !kind.active)
      throw validationError(M.invalidKind(), [
        fieldError('kindId', owner === 'staff' ? M.chooseStaffKind() : M.chooseVehicleKind()),
      ])
    return kind
  }

  function values(input: TComplianceDocumentInput): repo.DocumentValues {
    const issued = orNull(input.issuedOn)
    if (issued && issued > input.expiresOn)
      throw validationError(M.issuedAfterExpiry(), [fieldError('issuedOn', M.afterExpiry())])
    return {
      kind_id: input.kindId,
      subject: orNull(input.subject),
      number: orNull(input.number),
      issued_on: issued,
      expires_on: input.expiresOn,
      notes: orNull(input.notes),
    }
  }

  async function addDocument(
    actor: Actor,
    owner: OwnerKind,
    ownerId: string,
    input: TComplianceDocumentInput,
  ): Promise<TComplianceDocument> {
    requireAccess(actor, 'fieldStaff.manage')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      await loadOwner(trx, actor, owner, ownerId)
      const v = values(input)
      const kind = await checkKind(trx, actor, owner, v.kind_id)
      const row = await repo.insertDocument(trx, actor.orgId, owner, ownerId, userId(actor), v)
      await writeAudit(trx, actor, {
        action: `${ACTION[owner]}.document_added`,
        module: MODULE,
        entityType: ENTITY[owner],
        entityId: ownerId,
        changes: diffFields(null, snapshot(v, kind.name)),
        data: { documentId: row.id },
      })
      const doc = await repo.findDocument(trx, actor.orgId, owner, ownerId, row.id)
      return ctx.toDocument(doc!, day)
    })
  }

  async function updateDocument(
    actor: Actor,
    owner: OwnerKind,
    ownerId: string,
    documentId: string,
    patch: TComplianceDocumentPatch,
  ): Promise<TComplianceDocument> {
    requireAccess(actor, 'fieldStaff.manage')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      await loadOwner(trx, actor, owner, ownerId)
      const b = await repo.findDocument(trx, actor.orgId, owner, ownerId, documentId)
      if (!b) throw new AppError('NOT_FOUND', M.documentNotFound())
      const v = values({
        kindId: patch.kindId ?? b.kind_id,
        subject: patch.subject !== undefined ? patch.subject : b.subject,
        number: patch.number !== undefined ? patch.number : b.number,
        issuedOn: patch.issuedOn !== undefined ? patch.issuedOn : b.issued_on,
        expiresOn: patch.expiresOn ?? b.expires_on,
        notes: patch.notes !== undefined ? patch.notes : b.notes,
      })
      const kind =
        v.kind_id === b.kind_id ? { name: b.kind_name } : await checkKind(trx, actor, owner, v.kind_id)
      const changes = diffFields(snapshot(b, b.kind_name), snapshot(v, kind.name))
      if (changes.length > 0) {
        await repo.updateDocument(trx, actor.orgId, documentId, { ...v, updated_at: clock() })
        await writeAudit(trx, actor, {
          action: `${ACTION[owner]}.document_updated`,
          module: MODULE,
          entityType: ENTITY[owner],
          entityId: ownerId,
          changes,
          data: { documentId },
        })
      }
      const doc = await repo.findDocument(trx, actor.orgId, owner, ownerId, documentId)
      return ctx.toDocument(doc!, day)
    })
  }

  async function removeDocument(actor: Actor, owner: OwnerKind, ownerId: string, documentId: string) {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      await loadOwner(trx, actor, owner, ownerId)
      const b = await repo.findDocument(trx, actor.orgId, owner, ownerId, documentId)
      if (!b) throw new AppError('NOT_FOUND', M.documentNotFound())
      await repo.deleteDocument(trx, actor.orgId, documentId)
      await writeAudit(trx, actor, {
        action: `${ACTION[owner]}.document_removed`,
        module: MODULE,
        entityType: ENTITY[owner],
        entityId: ownerId,
        changes: diffFields(snapshot(b, b.kind_name), {
          kind: null,
          subject: null,
          number: null,
          issuedOn: null,
          expiresOn: null,
          notes: null,
        }),
        data: { documentId },
      })
    })
  }

  /** Attaches a scan (PDF, PNG or JPEG) to a person or vehicle; the bytes decide the type (415 otherwise). */
  async function addFile(
    actor: Actor,
    owner: OwnerKind,
    ownerId: string,
    readUpload: () => Promise<Upload>,
  ): Promise<TComplianceFile> {
    requireAccess(actor, 'fieldStaff.manage')
    requireAccess(actor, 'file.upload')
    await loadOwner(db, actor, owner, ownerId)
    const upload = await readUpload()
    const label = upload.fields['label']?.trim().slice(0, 100) || null
    return db.transaction().execute(async (trx) => {
      await loadOwner(trx, actor, owner, ownerId)
      const file = await ctx.files.uploadFile(
        actor,
        { name: upload.filename, bytes: upload.bytes, accept: ['pdf', 'png', 'jpeg'] },
        trx,
      )
      const row = await repo.insertFile(trx, actor.orgId, owner, ownerId, {
        file_id: file.id,
        name: file.name,
        label,
        created_by: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: `${ACTION[owner]}.file_added`,
        module: MODULE,
        entityType: ENTITY[owner],
        entityId: ownerId,
        changes: [{ field: 'files', old: null, new: file.name }],
        data: { fileRowId: row.id, fileId: file.id, label },
      })
      return {
        id: row.id,
        fileId: row.file_id,
        name: row.name,
        label: row.label,
        size: file.size,
        createdAt: row.created_at.toISOString(),
      }
    })
  }

  async function removeFile(actor: Actor, owner: OwnerKind, ownerId: string, fileRowId: string) {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      await loadOwner(trx, actor, owner, ownerId)
      const row = await repo.findFile(trx, actor.orgId, owner, ownerId, fileRowId)
      if (!row) throw new AppError('NOT_FOUND', M.fileNotFound())
      await repo.deleteFile(trx, actor.orgId, fileRowId)
      await writeAudit(trx, actor, {
        action: `${ACTION[owner]}.file_removed`,
        module: MODULE,
        entityType: ENTITY[owner],
        entityId: ownerId,
        changes: [{ field: 'files', old: row.name, new: null }],
        data: { fileRowId, fileId: row.file_id },
      })
    })
  }

  return { addDocument, updateDocument, removeDocument, addFile, removeFile }
}
