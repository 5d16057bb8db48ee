import type {
  TChainScanResult,
  TChainStatus,
  TFieldDocumentAttachment,
  TFieldDocumentStatus,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit, type AuditChange } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import type { Upload } from '../../platform/http/multipart'
import { allocateNumber } from '../../platform/numbering'
import { renderPdf, type PdfDocDefinition } from '../../platform/pdf/pdf'
import { NUMBER_WIDTH, padNumber } from './document-rules'
import type { DocumentContext, FieldDocumentKind, PageRefs } from './field-document-context'
import { scopeOf } from './field-document-context'
import { pageCount, splitPages } from './pdf-pages'
import type { PdfOrg } from './pdf-parts'
import type { DocumentProject } from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { documentMessages as M, type DocumentTypeMessages } from './rental-documents.messages'

const MODULE = 'rental-documents'

/** A field document's status: a maintenance sheet's or a shipping guide's, or a custody chain's. */
export type DocumentStatus = TFieldDocumentStatus | TChainStatus

/** The columns every stored field document has; `Row['status']` is the type's own status union. */
export type StoredDocument = {
  id: string
  number: number
  project_id: string
  status: DocumentStatus
  status_reason: string | null
  billing_sheet_id: string | null
  created_by: string | null
}

/**
 * What one document type configures; the lifecycle (list, get, create, update, status, delete, pdf,
 * attachments) is the same for the three (docs/rental-documents.md#files).
 * `Row` is the stored row, `Values` what create/update write, `Children` the rows it owns (a chain's
 * attended assignments, a guide's items; `null` for none) and `Defaults` what creation reads before its
 * transaction opens.
 */
export type FieldDocumentType<
  Row extends StoredDocument,
  Values extends object,
  Children,
  Detail,
  Summary,
  Create,
  Update,
  ListQuery,
  Defaults = null,
> = {
  kind: FieldDocumentKind
  entityType: repo.DocumentType
  /** audit actions are `<auditPrefix>.<verb>` */
  auditPrefix: string
  /** the amount input a 400 names when the billing sheet's totals would not fit (docs/rental-billing.md#amount-limits) */
  amountField: string
  /** "Hoja de mantenimiento", for messages */
  /** the messages that name the type (not found, only drafts, status moves, attachments) */
  messages: DocumentTypeMessages
  /** numbering series (platform/numbering) */
  series: string
  /** the date that places the document in a billing period */
  dateOf(row: Row | Values): string
  /** the statuses it can move to, and whether it may move there now */
  canMove(from: Row['status'], to: Row['status']): boolean
  /** audited fields of the snapshot */
  fields: readonly string[]
  snapshot(row: Row, children: Children): Record<string, unknown>
  /** refuses a delete the type forbids beyond "drafts only" (e.g. a guide on a billing sheet) */
  deleteGuard?(row: Row): void
  // storage
  find(trx: Executor, orgId: string, id: string, forUpdate: boolean): Promise<Row | undefined>
  insert(
    trx: Executor,
    v: Values & { org_id: string; number: number; project_id: string; created_by: string | null },
  ): Promise<Row>
  update(
    trx: Executor,
    orgId: string,
    id: string,
    patch: Partial<Values> & { status?: Row['status']; status_reason?: string | null; updated_at: Date },
  ): Promise<Row>
  remove(trx: Executor, orgId: string, id: string): Promise<void>
  readChildren(trx: Executor, orgId: string, id: string): Promise<Children>
  saveChildren(trx: Executor, orgId: string, id: string, children: Children): Promise<void>
  listRows(
    orgId: string,
    query: ListQuery & { projectIdsMatching: string[] },
  ): Promise<{ rows: Row[]; total: number }>
  // views
  summaries(orgId: string, rows: Row[], refs: PageRefs): Promise<Summary[]>
  detail(trx: Executor, actor: Actor, row: Row): Promise<Detail>
  pdf(actor: Actor, detail: Detail, org: PdfOrg): Promise<{ definition: PdfDocDefinition; filename: string }>
  // rules
  createDefaults?(actor: Actor, input: Create): Promise<Defaults>
  prepare(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    change:
      | { input: Create; before: null; children: null; defaults: Defaults | null }
      | { input: Update; before: Row; children: Children; defaults: null },
  ): Promise<{ values: Values; children: Children | null }>
  /** extra audit data of a creation (e.g. the volume as typed) */
  createdData?(input: Create): Record<string, unknown>
}

/** The audit changes of a deleted document: every audited field, from its value to null. */
const deletedChanges = (snapshot: Record<string, unknown>, fields: readonly string[]): AuditChange[] =>
  diffFields(snapshot, {}, fields).map((c) => ({ ...c, new: null }))

/** The audit changes of a status change: the status, and the reason when one is given. */
const statusChanges = (
  from: DocumentStatus,
  to: DocumentStatus,
  oldReason: string | null,
  reason: string | undefined,
): AuditChange[] => [
  { field: 'status', old: from, new: to },
  ...(reason ? [{ field: 'statusReason', old: oldReason, new: reason }] : []),
]

const STATUS_VERB: Partial<Record<DocumentStatus, string>> = {
  closed: 'closed',
  void: 'voided',
  cancelled: 'cancelled',
}

/** The shared lifecycle of a field document type: every rule the three types have in common lives here. */
export function createFieldDocumentLifecycle<
  Row extends StoredDocument,
  Values extends object,
  Children,
  Detail,
  Summary,
  Create extends { projectId: string },
  Update,
  ListQuery extends { q?: string | undefined },
  Defaults = null,
>(
  ctx: DocumentContext,
  type: FieldDocumentType<Row, Values, Children, Detail, Summary, Create, Update, ListQuery, Defaults>,
) {
  const { db, clock } = ctx

  /** One audit row of a document, in the change's transaction. */
  const audit = (
    trx: Executor,
    actor: Actor,
    id: string,
    verb: string,
    event: { changes: AuditChange[]; data: Record<string, unknown> },
  ) =>
    writeAudit(trx, actor, {
      action: `${type.auditPrefix}.${verb}`,
      module: MODULE,
      entityType: type.entityType,
      entityId: id,
      changes: event.changes,
      data: event.data,
    })

  /** The document, or a 404 named after its type. */
  async function load(trx: Executor, actor: Actor, id: string, forUpdate = false): Promise<Row> {
    const row = await type.find(trx, actor.orgId, id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND', type.messages.notFound())
    return row
  }

  function requireDraft(status: Row['status'], verb: 'edit' | 'delete' = 'edit') {
    if (status !== 'draft') {
      const m = verb === 'edit' ? type.messages.editOnlyDraft : type.messages.deleteOnlyDraft
      throw new AppError('INVALID_STATE', m({ status }), { status })
    }
  }

  /** The document as it is now (after the billing hook, which may have linked or released it). */
  const current = async (trx: Executor, actor: Actor, id: string) =>
    type.detail(trx, actor, await load(trx, actor, id))

  async function list(actor: Actor, query: ListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await type.listRows(actor.orgId, {
      ...query,
      projectIdsMatching: await ctx.projectIdsMatching(actor.orgId, query.q),
    })
    const refs = await ctx.pageRefs(actor.orgId, rows)
    return { total, items: await type.summaries(actor.orgId, rows, refs) }
  }

  async function get(actor: Actor, id: string): Promise<Detail> {
    requireAccess(actor, 'rental.read')
    return type.detail(db, actor, await load(db, actor, id))
  }

  async function create(actor: Actor, input: Create): Promise<Detail> {
    requireAccess(actor, 'fieldDocument.manage')
    // defaults read with the database handle, before the transaction opens
    const defaults = type.createDefaults ? await type.createDefaults(actor, input) : null
    return db.transaction().execute(async (trx) => {
      const project = await ctx.loadProject(trx, actor, input.projectId, { forChange: true })
      const { values, children } = await type.prepare(trx, actor, project, {
        input,
        before: null,
        children: null,
        defaults,
      })
      const created = await ctx.guarded(
        trx,
        actor,
        [{ projectId: project.id, date: type.dateOf(values) }],
        type.amountField,
        async () => {
          const number = await allocateNumber(trx, { orgId: actor.orgId, series: type.series })
          const row = await type.insert(trx, {
            ...values,
            org_id: actor.orgId,
            number,
            project_id: project.id,
            created_by: ctx.userId(actor),
          })
          // a creation's children are always given (none: `null` for a type without children)
          if (children !== null) await type.saveChildren(trx, actor.orgId, row.id, children)
          await audit(trx, actor, row.id, 'created', {
            changes: diffFields(null, type.snapshot(row, children as Children), type.fields),
            data: { number, projectId: project.id, ...type.createdData?.(input) },
          })
          return row
        },
      )
      return current(trx, actor, created.id)
    })
  }

  async function update(actor: Actor, id: string, input: Update): Promise<Detail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await load(trx, actor, id, true)
      requireDraft(before.status)
      const project = await ctx.loadProject(trx, actor, before.project_id, { forChange: true })
      const childrenBefore = await type.readChildren(trx, actor.orgId, id)
      const { values, children } = await type.prepare(trx, actor, project, {
        input,
        before,
        children: childrenBefore,
        defaults: null,
      })
      const changes = diffFields(
        type.snapshot(before, childrenBefore),
        type.snapshot({ ...before, ...values }, children ?? childrenBefore),
        type.fields,
      )
      if (changes.length === 0) return type.detail(trx, actor, before)
      await ctx.guarded(
        trx,
        actor,
        [scopeOf(before, type.dateOf(before)), scopeOf(before, type.dateOf(values))],
        type.amountField,
        async () => {
          const after = await type.update(trx, actor.orgId, id, { ...values, updated_at: clock() })
          if (children !== null) await type.saveChildren(trx, actor.orgId, id, children)
          await audit(trx, actor, id, 'updated', { changes, data: { number: after.number } })
        },
      )
      return current(trx, actor, id)
    })
  }

  async function changeStatus(actor: Actor, id: string, to: Row['status'], reason?: string): Promise<Detail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await load(trx, actor, id, true)
      const from = before.status
      if (!type.canMove(from, to))
        throw new AppError('INVALID_STATE', type.messages.cannotMove({ from, to }), {
          from,
          to,
        })
      await ctx.guarded(trx, actor, [scopeOf(before, type.dateOf(before))], type.amountField, async () => {
        const patch = { status: to, status_reason: reason ?? null, updated_at: clock() }
        const after = await type.update(trx, actor.orgId, id, patch as Partial<Values> & typeof patch)
        await audit(trx, actor, id, STATUS_VERB[to] ?? to, {
          changes: statusChanges(from, to, before.status_reason, reason),
          data: { number: after.number, from, to, reason: reason ?? null },
        })
      })
      // read after the billing hook: a voided document is released from its sheet (its billingSheetId)
      return current(trx, actor, id)
    })
  }

  async function remove(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const before = await load(trx, actor, id, true)
      requireDraft(before.status, 'delete')
      type.deleteGuard?.(before)
      const children = await type.readChildren(trx, actor.orgId, id)
      await ctx.guarded(trx, actor, [scopeOf(before, type.dateOf(before))], type.amountField, async () => {
        await repo.deleteAttachmentsOf(trx, actor.orgId, type.entityType, id)
        await type.remove(trx, actor.orgId, id)
        await audit(trx, actor, id, 'deleted', {
          changes: deletedChanges(type.snapshot(before, children), type.fields),
          data: { number: before.number, projectId: before.project_id },
        })
      })
    })
  }

  async function pdfFile(actor: Actor, id: string) {
    const detail = await get(actor, id)
    const { definition, filename } = await type.pdf(actor, detail, await ctx.orgForPdf(actor.orgId))
    return { filename, buffer: await renderPdf(definition) }
  }

  /**
   * Attaches a PDF (signed sheet, lab analysis…) to a document: the document is checked first (404, state),
   * then the upload is read and stored only if its bytes really are a PDF (415 otherwise).
   */
  async function addAttachment(
    actor: Actor,
    id: string,
    readUpload: () => Promise<Upload>,
  ): Promise<TFieldDocumentAttachment> {
    requireAccess(actor, 'fieldDocument.manage')
    requireAccess(actor, 'file.upload')
    const doc = await load(db, actor, id)
    if (!ctx.actionsFor(actor, type.kind, doc.status).includes('attach')) {
      throw new AppError('INVALID_STATE', type.messages.noAttachments({ status: doc.status }), {
        status: doc.status,
      })
    }
    const upload = await readUpload()
    const label = upload.fields['label']?.trim().slice(0, 100) || null
    return db.transaction().execute(async (trx) => {
      const now = await load(trx, actor, id, true)
      if (now.status !== doc.status) throw new AppError('CONFLICT', M.documentChanged())
      const file = await ctx.files.uploadFile(
        actor,
        { name: upload.filename, bytes: upload.bytes, accept: ['pdf'] },
        trx,
      )
      const row = await repo.insertAttachment(trx, {
        org_id: actor.orgId,
        document_type: type.entityType,
        document_id: id,
        file_id: file.id,
        name: file.name,
        label,
        created_by: ctx.userId(actor),
      })
      await audit(trx, actor, id, 'attachment_added', {
        changes: [{ field: 'attachments', old: null, new: file.name }],
        data: { attachmentId: row.id, fileId: file.id, label, number: now.number },
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

  /**
   * One scanned PDF with a page per document, attached in the given order (docs/rental-documents.md#bulk-scan):
   * the ids (multipart field `ids`, comma-separated) are checked first (400 on `ids`), then the page count must equal the number of
   * documents (400 on `file` naming both counts); page i becomes an attachment of document i, all or nothing.
   * A document that already has scan pages refuses the scan (409 naming the numbers) unless the multipart field
   * `replace` is `true`: then its earlier scan pages are removed (audited) and the new page takes their place.
   */
  async function attachPages(actor: Actor, readUpload: () => Promise<Upload>): Promise<TChainScanResult> {
    requireAccess(actor, 'fieldDocument.manage')
    requireAccess(actor, 'file.upload')
    const upload = await readUpload()
    const ids = (upload.fields['ids'] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    if (
      ids.length === 0 ||
      ids.length > 200 ||
      ids.some((x) => !uuid.test(x)) ||
      new Set(ids).size !== ids.length
    )
      throw validationError(M.chooseDocuments(), [fieldError('ids', M.idList())])
    const pages = await pageCount(upload.bytes)
    if (pages === null)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', M.unreadablePdf(), [
        fieldError('file', M.notReadablePdf()),
      ])
    if (pages !== ids.length)
      throw validationError(M.pageCountMismatch({ pages, documents: ids.length }), [
        fieldError('file', M.pagesForDocuments({ pages, documents: ids.length })),
      ])
    const replace = upload.fields['replace'] === 'true'
    const parts = await splitPages(upload.bytes)
    const base = upload.filename.replace(/\.pdf$/i, '').slice(0, 80) || 'escaneo'
    return db.transaction().execute(async (trx) => {
      const docs = []
      for (const id of ids) {
        const doc = await load(trx, actor, id, true)
        if (!ctx.actionsFor(actor, type.kind, doc.status).includes('attach'))
          throw new AppError('INVALID_STATE', type.messages.noAttachments({ status: doc.status }), {
            status: doc.status,
            id,
          })
        docs.push({ doc, scans: await repo.listScanAttachments(trx, actor.orgId, type.entityType, id) })
      }
      const scanned = docs
        .filter((d) => d.scans.length > 0)
        .map((d) => padNumber(d.doc.number, NUMBER_WIDTH[type.kind]))
      if (scanned.length > 0 && !replace)
        throw new AppError('CONFLICT', M.alreadyScanned({ numbers: scanned.join(', ') }), {
          numbers: scanned,
        })
      const saved: TChainScanResult['saved'] = []
      for (const [i, { doc, scans }] of docs.entries()) {
        const id = doc.id
        for (const old of scans) {
          await repo.deleteAttachment(trx, actor.orgId, old.id)
          await audit(trx, actor, id, 'attachment_removed', {
            changes: [{ field: 'attachments', old: old.name, new: null }],
            data: { attachmentId: old.id, fileId: old.file_id, number: doc.number, replacedByScan: true },
          })
        }
        const file = await ctx.files.uploadFile(
          actor,
          { name: `${base}-p${i + 1}.pdf`, bytes: parts[i]!, accept: ['pdf'] },
          trx,
        )
        const label = repo.scanLabel(i + 1, ids.length)
        const row = await repo.insertAttachment(trx, {
          org_id: actor.orgId,
          document_type: type.entityType,
          document_id: id,
          file_id: file.id,
          name: file.name,
          label,
          created_by: ctx.userId(actor),
          source: 'scan',
        })
        await audit(trx, actor, id, 'attachment_added', {
          changes: [{ field: 'attachments', old: null, new: file.name }],
          data: { attachmentId: row.id, fileId: file.id, label, number: doc.number, page: i + 1 },
        })
        saved.push({
          id,
          displayNumber: padNumber(doc.number, NUMBER_WIDTH[type.kind]),
          page: i + 1,
          name: file.name,
          replaced: scans.length,
        })
      }
      return { attached: ids.length, saved }
    })
  }

  async function removeAttachment(actor: Actor, id: string, attachmentId: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const doc = await load(trx, actor, id, true)
      const row = await repo.findAttachment(trx, actor.orgId, type.entityType, id, attachmentId)
      if (!row) throw new AppError('NOT_FOUND', M.attachmentNotFound())
      if (!ctx.actionsFor(actor, type.kind, doc.status).includes('attach')) {
        throw new AppError('INVALID_STATE', type.messages.attachmentsFixed({ status: doc.status }), {
          status: doc.status,
        })
      }
      await repo.deleteAttachment(trx, actor.orgId, attachmentId)
      await audit(trx, actor, id, 'attachment_removed', {
        changes: [{ field: 'attachments', old: row.name, new: null }],
        data: { attachmentId, fileId: row.file_id, number: doc.number },
      })
    })
  }

  return {
    list,
    get,
    create,
    update,
    changeStatus,
    remove,
    pdfFile,
    addAttachment,
    attachPages,
    removeAttachment,
  }
}
export type FieldDocumentLifecycle = ReturnType<typeof createFieldDocumentLifecycle>
