import type {
  TChainStatus,
  TFieldDocumentAction,
  TFieldDocumentAttachment,
  TFieldDocumentStatus,
} from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { can, isSystemActor, type Actor } from '../../platform/access'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { documentActions, padNumber } from './document-rules'
import type { PdfOrg } from './pdf-parts'
import type {
  BillingPort,
  DocumentAssignment,
  DocumentProject,
  FieldStaffPort,
  FilesPort,
  RentalProjectsPort,
} from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { documentMessages as M } from './rental-documents.messages'

/**
 * What every field document (maintenance sheet, custody chain, shipping guide) shares: its project, the
 * billing-period guard, the people and attachments it shows, and the small pure helpers of the three
 * types. Built once by rental-documents.service.ts and handed to the lifecycle and to each type.
 */

export type FieldDocumentDeps = {
  db: Db
  clock: () => Date
  files: FilesPort
  /** rental-projects' projects and assignments */
  projects: RentalProjectsPort
  /** the billing sheets' period guard and recompute hook (required: no document changes without it) */
  billing: BillingPort
  /** field-staff's check of the driver and vehicle a document links to */
  fieldStaff: FieldStaffPort
}

export type FieldDocumentKind = 'maintenance' | 'chain' | 'guide'

export const DEFAULT_TEXTS = {
  technical: 'SERVICIO TÉCNICO ESPECIALIZADO',
  logistics: 'LOGÍSTICA',
  transport: 'TRANSPORTE',
  stowage: 'ESTIBA',
} as const

export type UserNames = Map<string, { id: string; name: string }>
export type PageRefs = { projectMap: Map<string, DocumentProject>; names: UserNames }

/** `x ?? null` for optional text fields: blank → null. */
export const orNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null)

/** The stored value unless the input names the field (blank → null). */
export const keepOr = (v: string | null | undefined, before: string | null | undefined): string | null =>
  v !== undefined ? orNull(v) : (before ?? null)

export const assignmentIndex = (list: readonly DocumentAssignment[]) => new Map(list.map((a) => [a.id, a]))

/** The physical equipment of an assignment: its own item (equipment) or the service's linked equipment. */
export const equipmentOf = (a: DocumentAssignment) =>
  a.kind === 'equipment'
    ? { id: a.itemId, code: a.itemCode, name: a.itemName }
    : a.linkedEquipmentId
      ? { id: a.linkedEquipmentId, code: a.linkedEquipmentCode ?? '', name: a.linkedEquipmentName ?? '' }
      : null

export const projectRef = (p: DocumentProject | undefined, projectId: string) => ({
  projectId,
  projectName: p?.name ?? '',
  clientName: p?.clientName ?? '',
})

export const auditRef = (
  r: { created_at: Date; updated_at: Date; created_by: string | null },
  names: UserNames,
) => ({
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
})

/**
 * The columns every summary shows: number as printed, status, project and client, billing sheet, attachments,
 * who created it and when.
 */
export const summaryBase = <S extends string>(
  r: {
    id: string
    number: number
    status: string
    project_id: string
    billing_sheet_id: string | null
    attachment_count?: number
    created_at: Date
    updated_at: Date
    created_by: string | null
  },
  width: number,
  project: DocumentProject | undefined,
  names: UserNames,
) => ({
  id: r.id,
  number: r.number,
  displayNumber: padNumber(r.number, width),
  status: r.status as S,
  ...projectRef(project, r.project_id),
  billingSheetId: r.billing_sheet_id,
  attachmentCount: r.attachment_count ?? 0,
  ...auditRef(r, names),
})

/** The billing scope of a stored document on a date: its project and the billing sheet it is on, if any. */
export const scopeOf = (doc: { project_id: string; billing_sheet_id: string | null }, date: string) => ({
  projectId: doc.project_id,
  date,
  sheetId: doc.billing_sheet_id,
})

export type BillingScope = { projectId: string; date: string; sheetId?: string | null }

export function createDocumentContext({
  db,
  clock,
  files,
  projects,
  billing,
  fieldStaff,
}: FieldDocumentDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  async function loadProject(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: { forChange: boolean },
  ): Promise<DocumentProject> {
    const project = await projects.getProject(trx, actor.orgId, projectId)
    if (!project) throw validationError(M.projectNotFound(), [fieldError('projectId', M.projectMissing())])
    if (opts.forChange && project.closed) {
      throw new AppError('INVALID_STATE', M.projectClosed(), {
        projectId,
      })
    }
    return project
  }

  /** A document's date must fall inside the project's dates. */
  function checkProjectDate(project: DocumentProject, date: string, path: string) {
    if (date < project.startDate || (project.endDate && date > project.endDate)) {
      const start = toDayMonthYear(project.startDate)
      throw validationError(M.dateOutsideProject(), [
        fieldError(
          path,
          project.endDate
            ? M.dateBetween({ start, end: toDayMonthYear(project.endDate) })
            : M.dateNotBefore({ start }),
        ),
      ])
    }
  }

  /**
   * The billing guard for the document's old and new (project, date), then the change, then the hook;
   * `field` = the amount input a 400 names when the sheet's totals would not fit.
   */
  async function guarded<T>(
    trx: Executor,
    actor: Actor,
    scopes: BillingScope[],
    field: string,
    change: () => Promise<T>,
  ): Promise<T> {
    const unique = [
      ...new Map(scopes.map((s) => [`${s.projectId}|${s.date}|${s.sheetId ?? ''}`, s])).values(),
    ]
    for (const s of unique) {
      await billing.assertPeriodOpen(trx, actor, {
        projectId: s.projectId,
        date: s.date,
        ...(s.sheetId ? { sheetId: s.sheetId } : {}),
      })
    }
    const out = await change()
    const touched = [...new Map(unique.map((s) => [`${s.projectId}|${s.date}`, s])).values()]
    for (const s of touched)
      await billing.afterDocumentChanged(trx, actor, { projectId: s.projectId, date: s.date, field })
    return out
  }

  async function orgForPdf(orgId: string): Promise<PdfOrg> {
    const org = await findOrganizationById(db, orgId)
    return { name: org?.name ?? '', locale: org?.locale ?? 'es-EC', currency: org?.currencies[0] ?? 'USD' }
  }

  async function creators(trx: Executor, orgId: string, ids: (string | null)[]): Promise<UserNames> {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))]
    const rows = await findUserNames(trx, orgId, wanted)
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]))
  }

  /** The projects and the creators a page of documents refers to (one query each). */
  async function pageRefs(
    orgId: string,
    rows: readonly { project_id: string; created_by: string | null }[],
  ): Promise<PageRefs> {
    const found = await projects.getProjects(
      db,
      orgId,
      rows.map((r) => r.project_id),
    )
    const names = await creators(
      db,
      orgId,
      rows.map((r) => r.created_by),
    )
    return { projectMap: new Map(found.map((p) => [p.id, p])), names }
  }

  async function projectIdsMatching(orgId: string, q: string | undefined) {
    if (!q) return []
    return projects.findProjectIds(db, orgId, q)
  }

  function actionsFor(
    actor: Actor,
    kind: FieldDocumentKind,
    status: TFieldDocumentStatus | TChainStatus,
  ): TFieldDocumentAction[] {
    if (!can(actor, 'fieldDocument.manage')) return []
    return kind === 'chain'
      ? documentActions('chain', status as TChainStatus)
      : documentActions(kind, status as TFieldDocumentStatus)
  }

  async function attachmentsOf(
    trx: Executor,
    orgId: string,
    type: repo.DocumentType,
    id: string,
  ): Promise<TFieldDocumentAttachment[]> {
    const rows = await repo.listAttachments(trx, orgId, type, id)
    return rows.map((r) => ({
      id: r.id,
      fileId: r.file_id,
      name: r.name,
      label: r.label,
      size: Number(r.size),
      createdAt: r.created_at.toISOString(),
    }))
  }

  return {
    db,
    clock,
    files,
    projects,
    fieldStaff,
    userId,
    loadProject,
    checkProjectDate,
    guarded,
    orgForPdf,
    creators,
    pageRefs,
    projectIdsMatching,
    actionsFor,
    attachmentsOf,
  }
}
export type DocumentContext = ReturnType<typeof createDocumentContext>
