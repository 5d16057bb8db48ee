import type {
  TChainStatus,
  TCreateCustodyChainRequest,
  TCreateMaintenanceSheetRequest,
  TCreateShippingGuideRequest,
  TCustodyChainAttended,
  TCustodyChainDetail,
  TCustodyChainListQuery,
  TCustodyChainSummary,
  TFieldDocumentAction,
  TFieldDocumentAttachment,
  TFieldDocumentStatus,
  TFieldError,
  TGuideReason,
  TGuideType,
  TMaintenanceSheetDetail,
  TMaintenanceSheetListQuery,
  TMaintenanceSheetSummary,
  TMaintenanceType,
  TShippingGuideDetail,
  TShippingGuideListQuery,
  TShippingGuideSummary,
  TChainVolumeUnit,
  TUpdateCustodyChainRequest,
  TUpdateMaintenanceSheetRequest,
  TUpdateShippingGuideRequest,
  TWasteType,
} from '@faena/contracts'
import { can, isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit, type AuditChange } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import type { Upload } from '../../platform/http/multipart'
import { allocateNumber } from '../../platform/numbering'
import { renderPdf } from '../../platform/pdf/pdf'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { convertVolume } from '../rental-billing'
import { custodyChainPdf, custodyChainPdfName } from './custody-chain-pdf'
import {
  canMoveChain,
  canMoveDocument,
  documentActions,
  durationHours,
  equipmentAbbreviation,
  inclusiveDays,
  maintenanceTotal,
  money2,
  NUMBER_SERIES,
  NUMBER_WIDTH,
  padNumber,
} from './document-rules'
import { maintenanceSheetPdf, maintenanceSheetPdfName } from './maintenance-sheet-pdf'
import type { PdfOrg } from './pdf-parts'
import type {
  BillingPort,
  DocumentAssignment,
  DocumentProject,
  FilesPort,
  RentalProjectsPort,
} from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { shippingGuidePdf, shippingGuidePdfName } from './shipping-guide-pdf'

export type RentalDocumentsServiceDeps = {
  db: Db
  clock: () => Date
  files: FilesPort
  projects: RentalProjectsPort
  /** the billing sheets' guard and hook, read at call time (app.ts may fill it after creation) */
  hooks?: RentalDocumentsHooks
}
export type RentalDocumentsHooks = { billing?: BillingPort | undefined }
export type RentalDocumentsService = ReturnType<typeof createRentalDocumentsService>

const MODULE = 'rental-documents'
const MAX_DAYS = 366

export const DEFAULT_TEXTS = {
  technical: 'SERVICIO TÉCNICO ESPECIALIZADO',
  logistics: 'LOGÍSTICA',
  transport: 'TRANSPORTE',
  stowage: 'ESTIBA',
} as const

type Kind = 'maintenance' | 'chain' | 'guide'
const ENTITY: Record<Kind, repo.DocumentType> = {
  maintenance: 'maintenance_sheet',
  chain: 'custody_chain',
  guide: 'shipping_guide',
}
const NOUN: Record<Kind, string> = {
  maintenance: 'Hoja de mantenimiento',
  chain: 'Cadena de custodia',
  guide: 'Guía de remisión',
}

/** `x ?? null` for optional text fields: blank → null. */
const opt = (v: string | null | undefined) => (v === undefined ? undefined : v && v.trim() ? v.trim() : null)
const orNull = (v: string | null | undefined) => opt(v) ?? null

export function createRentalDocumentsService({
  db,
  clock,
  files,
  projects,
  hooks = {},
}: RentalDocumentsServiceDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  // --- shared helpers ---

  async function loadProject(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: { forChange: boolean },
  ): Promise<DocumentProject> {
    const project = await projects.getProject(trx, actor.orgId, projectId)
    if (!project)
      throw validationError('Proyecto no encontrado', [
        { path: 'projectId', message: 'El proyecto no existe' },
      ])
    if (opts.forChange && project.closed) {
      throw new AppError('INVALID_STATE', 'El proyecto está cerrado; sus documentos ya no cambian', {
        projectId,
      })
    }
    return project
  }

  /** A document's date must fall inside the project's dates. */
  function checkProjectDate(project: DocumentProject, date: string, path: string) {
    if (date < project.startDate || (project.endDate && date > project.endDate)) {
      throw validationError('Fecha fuera del proyecto', [
        {
          path,
          message: `La fecha debe estar entre el inicio del proyecto (${project.startDate})${project.endDate ? ` y su fin (${project.endDate})` : ''}`,
        },
      ])
    }
  }

  /** The billing guard for the document's old and new (project, date), then the change, then the hook. */
  async function guarded<T>(
    trx: Executor,
    actor: Actor,
    scopes: { projectId: string; date: string; sheetId?: string | null }[],
    change: () => Promise<T>,
  ): Promise<T> {
    const billing = hooks.billing
    const unique = [
      ...new Map(scopes.map((s) => [`${s.projectId}|${s.date}|${s.sheetId ?? ''}`, s])).values(),
    ]
    if (billing) {
      for (const s of unique) {
        await billing.assertPeriodOpen(trx, actor, {
          projectId: s.projectId,
          date: s.date,
          ...(s.sheetId ? { sheetId: s.sheetId } : {}),
        })
      }
    }
    const out = await change()
    if (billing) {
      const touched = [...new Map(unique.map((s) => [`${s.projectId}|${s.date}`, s])).values()]
      for (const s of touched)
        await billing.afterDocumentChanged(trx, actor, { projectId: s.projectId, date: s.date })
    }
    return out
  }

  /** One audit row of a document (`<prefix>.<verb>`, its module and entity type), in the change's transaction. */
  function auditDocument(
    trx: Executor,
    actor: Actor,
    kind: Kind,
    id: string,
    verb: string,
    event: { changes: AuditChange[]; data: Record<string, unknown> },
  ) {
    return writeAudit(trx, actor, {
      action: `${auditPrefix(kind)}.${verb}`,
      module: MODULE,
      entityType: ENTITY[kind],
      entityId: id,
      changes: event.changes,
      data: event.data,
    })
  }

  async function orgForPdf(orgId: string): Promise<PdfOrg> {
    const org = await findOrganizationById(db, orgId)
    return { name: org?.name ?? '', locale: org?.locale ?? 'es-EC', currency: org?.currencies[0] ?? 'USD' }
  }

  async function creators(trx: Executor, orgId: string, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))]
    const rows = await findUserNames(trx, orgId, wanted)
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]))
  }

  /** The projects of a page of documents, in one query. */
  async function projectsById(trx: Executor, orgId: string, ids: string[]) {
    const found = await projects.getProjects(trx, orgId, ids)
    return new Map(found.map((p) => [p.id, p]))
  }

  /** The projects and the creators a page of documents refers to. */
  async function pageRefs(orgId: string, rows: readonly { project_id: string; created_by: string | null }[]) {
    const projectMap = await projectsById(
      db,
      orgId,
      rows.map((r) => r.project_id),
    )
    const names = await creators(
      db,
      orgId,
      rows.map((r) => r.created_by),
    )
    return { projectMap, names }
  }

  async function projectIdsMatching(orgId: string, q: string | undefined) {
    if (!q || !projects.findProjectIds) return []
    return projects.findProjectIds(db, orgId, q)
  }

  function actionsFor(actor: Actor, kind: Kind, status: string): TFieldDocumentAction[] {
    if (!can(actor, 'fieldDocument.manage')) return []
    return kind === 'chain'
      ? documentActions('chain', status as TChainStatus)
      : documentActions(kind === 'guide' ? 'guide' : 'maintenance', status as TFieldDocumentStatus)
  }

  async function attachmentsOf(
    trx: Executor,
    orgId: string,
    kind: Kind,
    id: string,
  ): Promise<TFieldDocumentAttachment[]> {
    const rows = await repo.listAttachments(trx, orgId, ENTITY[kind], id)
    return rows.map((r) => ({
      id: r.id,
      fileId: r.file_id,
      name: r.name,
      label: r.label,
      size: Number(r.size),
      createdAt: r.created_at.toISOString(),
    }))
  }

  const projectRef = (p: DocumentProject | undefined, projectId: string) => ({
    projectId,
    projectName: p?.name ?? '',
    clientName: p?.clientName ?? '',
  })
  const auditRef = (
    r: { created_at: Date; updated_at: Date; created_by: string | null },
    names: Map<string, { id: string; name: string }>,
  ) => ({
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
  })

  function assignmentIndex(list: DocumentAssignment[]) {
    return new Map(list.map((a) => [a.id, a]))
  }
  /** The physical equipment of an assignment: its own item (equipment) or the service's linked equipment. */
  const equipmentOf = (a: DocumentAssignment) =>
    a.kind === 'equipment'
      ? { id: a.itemId, code: a.itemCode, name: a.itemName }
      : a.linkedEquipmentId
        ? { id: a.linkedEquipmentId, code: a.linkedEquipmentCode ?? '', name: a.linkedEquipmentName ?? '' }
        : null

  // =====================================================================================
  // Maintenance sheets
  // =====================================================================================

  const MAINTENANCE_FIELDS = [
    'assignmentId',
    'maintenanceType',
    'startDate',
    'endDate',
    'days',
    'technicianName',
    'requestedBy',
    'rig',
    'location',
    'costPerDay',
    'totalCost',
    'technicalDescription',
    'logisticsCost',
    'logisticsDescription',
    'maintenanceDescription',
    'faultDescription',
    'possibleCauses',
    'replacedParts',
    'observations',
    'performedBy',
    'performedByPosition',
    'approvedBy',
    'approvedByPosition',
  ] as const
  const maintenanceSnapshot = (r: repo.MaintenanceRow) => ({
    assignmentId: r.assignment_id,
    maintenanceType: r.maintenance_type,
    startDate: r.start_date,
    endDate: r.end_date,
    days: r.total_days,
    technicianName: r.technician_name,
    requestedBy: r.requested_by,
    rig: r.rig,
    location: r.location,
    costPerDay: money2(r.cost_per_day),
    totalCost: money2(r.total_cost),
    technicalDescription: r.technical_description,
    logisticsCost: money2(r.logistics_cost),
    logisticsDescription: r.logistics_description,
    maintenanceDescription: r.maintenance_description,
    faultDescription: r.fault_description,
    possibleCauses: r.possible_causes,
    replacedParts: r.replaced_parts,
    observations: r.observations,
    performedBy: r.performed_by,
    performedByPosition: r.performed_by_position,
    approvedBy: r.approved_by,
    approvedByPosition: r.approved_by_position,
    status: r.status,
    statusReason: r.status_reason,
  })

  function maintenanceSummary(
    r: repo.MaintenanceRow & { attachment_count?: number },
    project: DocumentProject | undefined,
    assignment: DocumentAssignment | undefined,
    names: Map<string, { id: string; name: string }>,
  ): TMaintenanceSheetSummary {
    const equipment = assignment ? equipmentOf(assignment) : null
    return {
      id: r.id,
      number: r.number,
      displayNumber: padNumber(r.number, NUMBER_WIDTH.maintenance),
      status: r.status as TFieldDocumentStatus,
      ...projectRef(project, r.project_id),
      assignmentId: r.assignment_id,
      equipmentId: r.equipment_id,
      equipmentCode: equipment?.code ?? null,
      equipmentName: equipment?.name ?? null,
      maintenanceType: r.maintenance_type as TMaintenanceType,
      startDate: r.start_date,
      endDate: r.end_date,
      days: r.total_days,
      technicianName: r.technician_name,
      costPerDay: money2(r.cost_per_day),
      totalCost: money2(r.total_cost),
      logisticsCost: money2(r.logistics_cost),
      billingSheetId: r.billing_sheet_id,
      attachmentCount: r.attachment_count ?? 0,
      ...auditRef(r, names),
    }
  }

  async function maintenanceDetail(
    trx: Executor,
    actor: Actor,
    r: repo.MaintenanceRow,
  ): Promise<TMaintenanceSheetDetail> {
    const [project, assignments, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      r.assignment_id ? projects.listAssignments(trx, actor.orgId, r.project_id) : Promise.resolve([]),
      creators(trx, actor.orgId, [r.created_by]),
      attachmentsOf(trx, actor.orgId, 'maintenance', r.id),
    ])
    const assignment = r.assignment_id ? assignmentIndex(assignments).get(r.assignment_id) : undefined
    return {
      ...maintenanceSummary(
        { ...r, attachment_count: attachments.length },
        project ?? undefined,
        assignment,
        names,
      ),
      requestedBy: r.requested_by,
      rig: r.rig,
      location: r.location,
      technicalDescription: r.technical_description,
      logisticsDescription: r.logistics_description,
      maintenanceDescription: r.maintenance_description,
      faultDescription: r.fault_description,
      possibleCauses: r.possible_causes,
      replacedParts: r.replaced_parts,
      observations: r.observations,
      performedBy: r.performed_by,
      performedByPosition: r.performed_by_position,
      approvedBy: r.approved_by,
      approvedByPosition: r.approved_by_position,
      statusReason: r.status_reason,
      attachments,
      allowedActions: actionsFor(actor, 'maintenance', r.status),
    }
  }

  /** Validates and resolves the values of a maintenance sheet (create, or update merged over the stored row). */
  async function maintenanceValues(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateMaintenanceSheetRequest,
    before: repo.MaintenanceRow | null,
  ): Promise<repo.MaintenanceValues> {
    const errors: TFieldError[] = []
    const startDate = input.startDate ?? before?.start_date
    if (!startDate)
      throw validationError('Falta la fecha de inicio', [{ path: 'startDate', message: 'Requerido' }])
    checkProjectDate(project, startDate, 'startDate')
    const endDate =
      input.endDate !== undefined ? (input.endDate ?? startDate) : (before?.end_date ?? startDate)
    const days = inclusiveDays(startDate, endDate)
    if (days === null)
      errors.push({ path: 'endDate', message: 'La fecha de fin no puede ser anterior a la de inicio' })
    else if (days > MAX_DAYS)
      errors.push({ path: 'endDate', message: `Un mantenimiento dura como máximo ${MAX_DAYS} días` })

    let assignmentId = input.assignmentId !== undefined ? input.assignmentId : (before?.assignment_id ?? null)
    let equipmentId = before?.equipment_id ?? null
    if (input.assignmentId !== undefined) {
      equipmentId = null
      if (assignmentId) {
        const a = assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id)).get(
          assignmentId,
        )
        const equipment = a ? equipmentOf(a) : null
        if (!a || !equipment) {
          errors.push({ path: 'assignmentId', message: 'Elige un equipo asignado a este proyecto' })
          assignmentId = null
        } else equipmentId = equipment.id
      }
    }
    if (errors.length) throw validationError('Revisa los datos de la hoja de mantenimiento', errors)

    const costPerDay = money2(input.costPerDay ?? before?.cost_per_day ?? '0')
    const daysChangedOrCost =
      input.costPerDay !== undefined || input.startDate !== undefined || input.endDate !== undefined
    const totalCost =
      input.totalCost !== undefined && input.totalCost !== null
        ? money2(input.totalCost)
        : input.totalCost === null || !before || daysChangedOrCost
          ? maintenanceTotal(days!, costPerDay)
          : money2(before.total_cost)
    const keep = <K extends keyof repo.MaintenanceValues>(
      k: K,
      v: string | null | undefined,
    ): string | null => (v !== undefined ? orNull(v) : ((before?.[k] as string | null | undefined) ?? null))
    return {
      assignment_id: assignmentId,
      equipment_id: equipmentId,
      maintenance_type: input.maintenanceType ?? before?.maintenance_type ?? 'preventive',
      start_date: startDate,
      end_date: endDate,
      total_days: days!,
      technician_name: keep('technician_name', input.technicianName),
      requested_by: keep('requested_by', input.requestedBy),
      rig: keep('rig', input.rig),
      location: keep('location', input.location),
      cost_per_day: costPerDay,
      total_cost: totalCost,
      technical_description:
        keep('technical_description', input.technicalDescription) ?? DEFAULT_TEXTS.technical,
      logistics_cost: money2(input.logisticsCost ?? before?.logistics_cost ?? '0'),
      logistics_description:
        keep('logistics_description', input.logisticsDescription) ?? DEFAULT_TEXTS.logistics,
      maintenance_description: keep('maintenance_description', input.maintenanceDescription),
      fault_description: keep('fault_description', input.faultDescription),
      possible_causes: keep('possible_causes', input.possibleCauses),
      replaced_parts: keep('replaced_parts', input.replacedParts),
      observations: keep('observations', input.observations),
      performed_by: keep('performed_by', input.performedBy),
      performed_by_position: keep('performed_by_position', input.performedByPosition),
      approved_by: keep('approved_by', input.approvedBy),
      approved_by_position: keep('approved_by_position', input.approvedByPosition),
    }
  }

  async function listMaintenanceSheets(actor: Actor, query: TMaintenanceSheetListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listMaintenance(db, actor.orgId, {
      ...query,
      projectIdsMatching: await projectIdsMatching(actor.orgId, query.q),
    })
    const { projectMap, names } = await pageRefs(actor.orgId, rows)
    const assignmentIds = rows.map((r) => r.assignment_id).filter((x): x is string => Boolean(x))
    const assignments = assignmentIndex(await projects.getAssignments(db, actor.orgId, assignmentIds))
    return {
      total,
      items: rows.map((r) =>
        maintenanceSummary(
          r,
          projectMap.get(r.project_id),
          r.assignment_id ? assignments.get(r.assignment_id) : undefined,
          names,
        ),
      ),
    }
  }

  async function loadMaintenance(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    return found('maintenance', await repo.findMaintenance(trx, actor.orgId, id, { forUpdate }))
  }

  async function getMaintenanceSheet(actor: Actor, id: string) {
    requireAccess(actor, 'rental.read')
    return maintenanceDetail(db, actor, await loadMaintenance(db, actor, id))
  }

  async function createMaintenanceSheet(
    actor: Actor,
    input: TCreateMaintenanceSheetRequest,
  ): Promise<TMaintenanceSheetDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const project = await loadProject(trx, actor, input.projectId, { forChange: true })
      const values = await maintenanceValues(trx, actor, project, input, null)
      return guarded(trx, actor, [{ projectId: project.id, date: values.start_date }], async () => {
        const number = await allocateNumber(trx, { orgId: actor.orgId, series: NUMBER_SERIES.maintenance })
        const row = await repo.insertMaintenance(trx, {
          ...values,
          org_id: actor.orgId,
          number,
          project_id: project.id,
          created_by: userId(actor),
        })
        await auditDocument(trx, actor, 'maintenance', row.id, 'created', {
          changes: diffFields(null, maintenanceSnapshot(row), MAINTENANCE_FIELDS),
          data: { number, projectId: project.id },
        })
        return maintenanceDetail(trx, actor, row)
      })
    })
  }

  async function updateMaintenanceSheet(
    actor: Actor,
    id: string,
    input: TUpdateMaintenanceSheetRequest,
  ): Promise<TMaintenanceSheetDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadMaintenance(trx, actor, id, true)
      requireDraft('maintenance', before.status)
      const project = await loadProject(trx, actor, before.project_id, { forChange: true })
      const values = await maintenanceValues(trx, actor, project, input, before)
      const changes = diffFields(
        maintenanceSnapshot(before),
        { ...maintenanceSnapshot(before), ...maintenanceSnapshot({ ...before, ...values }) },
        MAINTENANCE_FIELDS,
      )
      if (changes.length === 0) return maintenanceDetail(trx, actor, before)
      return guarded(
        trx,
        actor,
        [scopeOf(before, before.start_date), scopeOf(before, values.start_date)],
        async () => {
          const after = await repo.updateMaintenance(trx, actor.orgId, id, { ...values, updated_at: clock() })
          await auditDocument(trx, actor, 'maintenance', id, 'updated', {
            changes,
            data: { number: after.number },
          })
          return maintenanceDetail(trx, actor, after)
        },
      )
    })
  }

  async function changeMaintenanceStatus(
    actor: Actor,
    id: string,
    to: 'closed' | 'void',
    reason?: string,
  ): Promise<TMaintenanceSheetDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadMaintenance(trx, actor, id, true)
      const from = before.status as TFieldDocumentStatus
      if (!canMoveDocument(from, to)) throw invalidTransition('maintenance', from, to)
      return guarded(trx, actor, [scopeOf(before, before.start_date)], async () => {
        const after = await repo.updateMaintenance(trx, actor.orgId, id, {
          status: to,
          status_reason: reason ?? null,
          updated_at: clock(),
        })
        await auditDocument(trx, actor, 'maintenance', id, to === 'closed' ? 'closed' : 'voided', {
          changes: diffFields(maintenanceSnapshot(before), maintenanceSnapshot(after), [
            'status',
            'statusReason',
          ]),
          data: { number: after.number, from, to, reason: reason ?? null },
        })
        return maintenanceDetail(trx, actor, after)
      })
    })
  }

  async function deleteMaintenanceSheet(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const before = await loadMaintenance(trx, actor, id, true)
      requireDraft('maintenance', before.status, 'eliminar')
      await guarded(trx, actor, [scopeOf(before, before.start_date)], async () => {
        await repo.deleteAttachmentsOf(trx, actor.orgId, ENTITY.maintenance, id)
        await repo.deleteMaintenance(trx, actor.orgId, id)
        await auditDocument(trx, actor, 'maintenance', id, 'deleted', {
          changes: deletedChanges(maintenanceSnapshot(before), MAINTENANCE_FIELDS),
          data: { number: before.number, projectId: before.project_id },
        })
      })
    })
  }

  async function maintenanceSheetPdfFile(actor: Actor, id: string) {
    const sheet = await getMaintenanceSheet(actor, id)
    const buffer = await renderPdf(maintenanceSheetPdf({ org: await orgForPdf(actor.orgId), sheet }))
    return { filename: maintenanceSheetPdfName(sheet), buffer }
  }

  // =====================================================================================
  // Custody chains
  // =====================================================================================

  const CHAIN_FIELDS = [
    'activityDate',
    'location',
    'startTime',
    'endTime',
    'durationHours',
    'contactName',
    'contactDni',
    'contactPosition',
    'driverName',
    'driverDni',
    'vehiclePlate',
    'volumeUnit',
    'gallons',
    'barrels',
    'cubicMeters',
    'wasteTypes',
    'logisticsCost',
    'billingText',
    'notes',
    'assignmentIds',
  ] as const
  const chainSnapshot = (r: repo.ChainRow, assignmentIds: string[]) => ({
    activityDate: r.activity_date,
    location: r.location,
    startTime: r.start_time,
    endTime: r.end_time,
    durationHours: r.duration_hours === null ? null : money2(r.duration_hours),
    contactName: r.contact_name,
    contactDni: r.contact_dni,
    contactPosition: r.contact_position,
    driverName: r.driver_name,
    driverDni: r.driver_dni,
    vehiclePlate: r.vehicle_plate,
    volumeUnit: r.volume_unit,
    gallons: money2(r.gallons),
    barrels: money2(r.barrels),
    cubicMeters: money2(r.cubic_meters),
    wasteTypes: r.waste_types,
    logisticsCost: money2(r.logistics_cost),
    billingText: r.billing_text,
    notes: r.notes,
    assignmentIds,
    status: r.status,
    statusReason: r.status_reason,
  })

  function chainSummary(
    r: repo.ChainRow & { attachment_count?: number; attended_count?: number },
    project: DocumentProject | undefined,
    names: Map<string, { id: string; name: string }>,
  ): TCustodyChainSummary {
    return {
      id: r.id,
      number: r.number,
      displayNumber: padNumber(r.number, NUMBER_WIDTH.chain),
      status: r.status as TChainStatus,
      ...projectRef(project, r.project_id),
      activityDate: r.activity_date,
      startTime: r.start_time,
      endTime: r.end_time,
      durationHours: r.duration_hours === null ? null : money2(r.duration_hours),
      driverName: r.driver_name,
      vehiclePlate: r.vehicle_plate,
      volumeUnit: r.volume_unit as TChainVolumeUnit,
      gallons: money2(r.gallons),
      barrels: money2(r.barrels),
      cubicMeters: money2(r.cubic_meters),
      wasteTypes: r.waste_types as TWasteType[],
      logisticsCost: money2(r.logistics_cost),
      attendedCount: r.attended_count ?? 0,
      billingSheetId: r.billing_sheet_id,
      attachmentCount: r.attachment_count ?? 0,
      ...auditRef(r, names),
    }
  }

  /**
   * The code of the attended equipment (a service's linked equipment), else the assignment's text with OT
   * (docs/rental-documents.md#equipment-codes).
   */
  function attendedView(a: DocumentAssignment): TCustodyChainAttended {
    const equipment = equipmentOf(a)
    const code = equipment?.code || ''
    return {
      assignmentId: a.id,
      kind: a.kind,
      code: code || a.description,
      abbreviation: code ? equipmentAbbreviation(code) : 'OT',
      description: a.description,
    }
  }

  async function chainDetail(trx: Executor, actor: Actor, r: repo.ChainRow): Promise<TCustodyChainDetail> {
    const [project, assignments, attendedMap, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      projects.listAssignments(trx, actor.orgId, r.project_id),
      repo.listChainAssignments(trx, actor.orgId, [r.id]),
      creators(trx, actor.orgId, [r.created_by]),
      attachmentsOf(trx, actor.orgId, 'chain', r.id),
    ])
    const byId = assignmentIndex(assignments)
    const attended = (attendedMap.get(r.id) ?? []).map((x) => {
      const a = byId.get(x.assignmentId)
      return a
        ? attendedView(a)
        : {
            assignmentId: x.assignmentId,
            kind: 'service' as const,
            code: '',
            abbreviation: 'OT',
            description: '',
          }
    })
    return {
      ...chainSummary(
        { ...r, attachment_count: attachments.length, attended_count: attended.length },
        project ?? undefined,
        names,
      ),
      location: r.location,
      contactName: r.contact_name,
      contactDni: r.contact_dni,
      contactPosition: r.contact_position,
      driverDni: r.driver_dni,
      billingText: r.billing_text,
      notes: r.notes,
      attended,
      statusReason: r.status_reason,
      attachments,
      allowedActions: actionsFor(actor, 'chain', r.status),
    }
  }

  /**
   * A custody chain bills the services it attends: never on a day outside a service's operating window
   * (docs/rental-documents.md#custody-chains). Null when the date is inside it.
   */
  function outsideWindow(a: DocumentAssignment, date: string): string | null {
    if (a.kind !== 'service') return null
    const last = a.retiredOn ?? a.operationEnd
    if (date >= a.operationStart && (last === null || date <= last)) return null
    const name = a.itemCode || a.description
    return last
      ? `El servicio ${name} opera del ${a.operationStart} al ${last}; la cadena del ${date} queda fuera`
      : `El servicio ${name} opera desde el ${a.operationStart}; la cadena del ${date} queda fuera`
  }

  async function chainValues(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateCustodyChainRequest,
    before: repo.ChainRow | null,
    beforeAttended: string[],
  ): Promise<{
    values: repo.ChainValues
    attended: { assignmentId: string; equipmentId: string | null }[] | null
  }> {
    const errors: TFieldError[] = []
    const activityDate = input.activityDate ?? before?.activity_date
    if (!activityDate)
      throw validationError('Falta la fecha de la actividad', [
        { path: 'activityDate', message: 'Requerido' },
      ])
    checkProjectDate(project, activityDate, 'activityDate')

    const startTime = input.startTime !== undefined ? input.startTime : (before?.start_time ?? null)
    const endTime = input.endTime !== undefined ? input.endTime : (before?.end_time ?? null)
    const duration = durationHours(startTime, endTime)
    if (!duration.valid)
      errors.push({ path: 'endTime', message: 'La hora de salida debe ser posterior a la de llegada' })

    // volumes: the typed value is kept, the other two derived (docs/rental-billing.md#volume-conversions)
    let volumes: { unit: string; gallons: string; barrels: string; cubic_meters: string }
    if (input.volumeUnit !== undefined || input.volume !== undefined) {
      if (input.volumeUnit === undefined || input.volume === undefined) {
        errors.push({
          path: input.volumeUnit === undefined ? 'volumeUnit' : 'volume',
          message: 'Envía el volumen junto con su unidad',
        })
        volumes = { unit: 'gallons', gallons: '0', barrels: '0', cubic_meters: '0' }
      } else {
        const v = convertVolume(input.volumeUnit, input.volume)
        volumes = {
          unit: input.volumeUnit,
          gallons: v.gallons,
          barrels: v.barrels,
          cubic_meters: v.cubicMeters,
        }
      }
    } else if (before) {
      volumes = {
        unit: before.volume_unit,
        gallons: before.gallons,
        barrels: before.barrels,
        cubic_meters: before.cubic_meters,
      }
    } else {
      throw validationError('Falta el volumen', [{ path: 'volume', message: 'Requerido' }])
    }

    let attended: { assignmentId: string; equipmentId: string | null }[] | null = null
    if (input.assignmentIds !== undefined) {
      const byId = assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id))
      const seen = new Set<string>()
      attended = []
      input.assignmentIds.forEach((id, i) => {
        if (seen.has(id)) return
        seen.add(id)
        const a = byId.get(id)
        if (!a) errors.push({ path: `assignmentIds.${i}`, message: 'No es una asignación de este proyecto' })
        else {
          const outside = outsideWindow(a, activityDate)
          if (outside) errors.push({ path: `assignmentIds.${i}`, message: outside })
          attended!.push({ assignmentId: id, equipmentId: equipmentOf(a)?.id ?? null })
        }
      })
    } else if (!before) {
      errors.push({ path: 'assignmentIds', message: 'Elige al menos un equipo o servicio atendido' })
    } else if (activityDate !== before.activity_date && beforeAttended.length > 0) {
      // the chain moves: the services it attended must still operate on the new date
      const byId = assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id))
      for (const id of beforeAttended) {
        const a = byId.get(id)
        const outside = a ? outsideWindow(a, activityDate) : null
        if (outside) errors.push({ path: 'activityDate', message: outside })
      }
    }
    if (errors.length) throw validationError('Revisa los datos de la cadena de custodia', errors)

    const keep = <K extends keyof repo.ChainValues>(k: K, v: string | null | undefined): string | null =>
      v !== undefined ? orNull(v) : ((before?.[k] as string | null | undefined) ?? null)
    return {
      attended,
      values: {
        activity_date: activityDate,
        location: keep('location', input.location) ?? (before ? null : project.location),
        start_time: startTime,
        end_time: endTime,
        duration_hours: duration.hours,
        contact_name: keep('contact_name', input.contactName),
        contact_dni: keep('contact_dni', input.contactDni),
        contact_position: keep('contact_position', input.contactPosition),
        driver_name: keep('driver_name', input.driverName),
        driver_dni: keep('driver_dni', input.driverDni),
        vehicle_plate: keep('vehicle_plate', input.vehiclePlate)?.toUpperCase() ?? null,
        volume_unit: volumes.unit,
        gallons: volumes.gallons,
        barrels: volumes.barrels,
        cubic_meters: volumes.cubic_meters,
        waste_types:
          input.wasteTypes !== undefined ? [...new Set(input.wasteTypes)] : (before?.waste_types ?? []),
        logistics_cost: money2(input.logisticsCost ?? before?.logistics_cost ?? '0'),
        billing_text: keep('billing_text', input.billingText) ?? DEFAULT_TEXTS.logistics,
        notes: keep('notes', input.notes),
      },
    }
  }

  async function listCustodyChains(actor: Actor, query: TCustodyChainListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listChains(db, actor.orgId, {
      ...query,
      projectIdsMatching: await projectIdsMatching(actor.orgId, query.q),
    })
    const { projectMap, names } = await pageRefs(actor.orgId, rows)
    return { total, items: rows.map((r) => chainSummary(r, projectMap.get(r.project_id), names)) }
  }

  async function loadChain(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    return found('chain', await repo.findChain(trx, actor.orgId, id, { forUpdate }))
  }

  async function getCustodyChain(actor: Actor, id: string) {
    requireAccess(actor, 'rental.read')
    return chainDetail(db, actor, await loadChain(db, actor, id))
  }

  async function createCustodyChain(
    actor: Actor,
    input: TCreateCustodyChainRequest,
  ): Promise<TCustodyChainDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const project = await loadProject(trx, actor, input.projectId, { forChange: true })
      const { values, attended } = await chainValues(trx, actor, project, input, null, [])
      return guarded(trx, actor, [{ projectId: project.id, date: values.activity_date }], async () => {
        const number = await allocateNumber(trx, { orgId: actor.orgId, series: NUMBER_SERIES.chain })
        const row = await repo.insertChain(trx, {
          ...values,
          org_id: actor.orgId,
          number,
          project_id: project.id,
          created_by: userId(actor),
        })
        await repo.setChainAssignments(trx, actor.orgId, row.id, attended ?? [])
        await auditDocument(trx, actor, 'chain', row.id, 'created', {
          changes: diffFields(
            null,
            chainSnapshot(
              row,
              (attended ?? []).map((a) => a.assignmentId),
            ),
            CHAIN_FIELDS,
          ),
          data: {
            number,
            projectId: project.id,
            typedVolume: { unit: input.volumeUnit, value: input.volume },
          },
        })
        return chainDetail(trx, actor, row)
      })
    })
  }

  async function updateCustodyChain(
    actor: Actor,
    id: string,
    input: TUpdateCustodyChainRequest,
  ): Promise<TCustodyChainDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadChain(trx, actor, id, true)
      requireDraft('chain', before.status)
      const project = await loadProject(trx, actor, before.project_id, { forChange: true })
      const beforeAttended = ((await repo.listChainAssignments(trx, actor.orgId, [id])).get(id) ?? []).map(
        (a) => a.assignmentId,
      )
      const { values, attended } = await chainValues(trx, actor, project, input, before, beforeAttended)
      const afterAttended = attended ? attended.map((a) => a.assignmentId) : beforeAttended
      const changes = diffFields(
        chainSnapshot(before, beforeAttended),
        chainSnapshot({ ...before, ...values }, afterAttended),
        CHAIN_FIELDS,
      )
      if (changes.length === 0) return chainDetail(trx, actor, before)
      return guarded(
        trx,
        actor,
        [scopeOf(before, before.activity_date), scopeOf(before, values.activity_date)],
        async () => {
          const after = await repo.updateChain(trx, actor.orgId, id, { ...values, updated_at: clock() })
          if (attended) await repo.setChainAssignments(trx, actor.orgId, id, attended)
          await auditDocument(trx, actor, 'chain', id, 'updated', { changes, data: { number: after.number } })
          return chainDetail(trx, actor, after)
        },
      )
    })
  }

  async function changeChainStatus(
    actor: Actor,
    id: string,
    to: 'closed' | 'cancelled',
    reason?: string,
  ): Promise<TCustodyChainDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadChain(trx, actor, id, true)
      const from = before.status as TChainStatus
      if (!canMoveChain(from, to)) throw invalidTransition('chain', from, to)
      return guarded(trx, actor, [scopeOf(before, before.activity_date)], async () => {
        const after = await repo.updateChain(trx, actor.orgId, id, {
          status: to,
          status_reason: reason ?? null,
          updated_at: clock(),
        })
        await auditDocument(trx, actor, 'chain', id, to, {
          changes: statusChanges(from, to, before.status_reason, reason),
          data: { number: after.number, from, to, reason: reason ?? null },
        })
        return chainDetail(trx, actor, after)
      })
    })
  }

  async function deleteCustodyChain(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const before = await loadChain(trx, actor, id, true)
      requireDraft('chain', before.status, 'eliminar')
      const attended = ((await repo.listChainAssignments(trx, actor.orgId, [id])).get(id) ?? []).map(
        (a) => a.assignmentId,
      )
      await guarded(trx, actor, [scopeOf(before, before.activity_date)], async () => {
        await repo.deleteAttachmentsOf(trx, actor.orgId, ENTITY.chain, id)
        await repo.deleteChain(trx, actor.orgId, id)
        await auditDocument(trx, actor, 'chain', id, 'deleted', {
          changes: deletedChanges(chainSnapshot(before, attended), CHAIN_FIELDS),
          data: { number: before.number, projectId: before.project_id },
        })
      })
    })
  }

  async function custodyChainPdfFile(actor: Actor, id: string) {
    const chain = await getCustodyChain(actor, id)
    const project = await projects.getProject(db, actor.orgId, chain.projectId)
    const buffer = await renderPdf(
      custodyChainPdf({
        org: await orgForPdf(actor.orgId),
        chain,
        projectLocation: project?.location ?? null,
      }),
    )
    return { filename: custodyChainPdfName(chain), buffer }
  }

  // =====================================================================================
  // Shipping guides
  // =====================================================================================

  const GUIDE_FIELDS = [
    'guideType',
    'reason',
    'issueDate',
    'startDate',
    'endDate',
    'originPlace',
    'destinationPlace',
    'carrierName',
    'carrierDni',
    'vehiclePlate',
    'dispatcherName',
    'dispatcherDni',
    'receiverName',
    'receiverDni',
    'contactName',
    'contactPhone',
    'transportCost',
    'transportDescription',
    'stowageCost',
    'stowageDescription',
    'notes',
    'items',
  ] as const
  const itemsText = (items: readonly { description: string; quantity: number; unit: string | null }[]) =>
    items.map((i) => `${i.quantity}${i.unit ? ` ${i.unit}` : ''} × ${i.description}`)
  const guideSnapshot = (
    r: repo.GuideRow,
    items: readonly { description: string; quantity: number; unit: string | null }[],
  ) => ({
    guideType: r.guide_type,
    reason: r.reason,
    issueDate: r.issue_date,
    startDate: r.start_date,
    endDate: r.end_date,
    originPlace: r.origin_place,
    destinationPlace: r.destination_place,
    carrierName: r.carrier_name,
    carrierDni: r.carrier_dni,
    vehiclePlate: r.vehicle_plate,
    dispatcherName: r.dispatcher_name,
    dispatcherDni: r.dispatcher_dni,
    receiverName: r.receiver_name,
    receiverDni: r.receiver_dni,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    transportCost: money2(r.transport_cost),
    transportDescription: r.transport_description,
    stowageCost: money2(r.stowage_cost),
    stowageDescription: r.stowage_description,
    notes: r.notes,
    items: itemsText(items),
    status: r.status,
    statusReason: r.status_reason,
    billingSheetId: r.billing_sheet_id,
  })

  function guideSummary(
    r: repo.GuideRow & { attachment_count?: number; item_count?: number },
    project: DocumentProject | undefined,
    names: Map<string, { id: string; name: string }>,
  ): TShippingGuideSummary {
    return {
      id: r.id,
      number: r.number,
      displayNumber: padNumber(r.number, NUMBER_WIDTH.guide),
      status: r.status as TFieldDocumentStatus,
      ...projectRef(project, r.project_id),
      guideType: r.guide_type as TGuideType,
      reason: r.reason as TGuideReason | null,
      issueDate: r.issue_date,
      originPlace: r.origin_place,
      destinationPlace: r.destination_place,
      carrierName: r.carrier_name,
      vehiclePlate: r.vehicle_plate,
      transportCost: money2(r.transport_cost),
      stowageCost: money2(r.stowage_cost),
      itemCount: r.item_count ?? 0,
      billingSheetId: r.billing_sheet_id,
      attachmentCount: r.attachment_count ?? 0,
      ...auditRef(r, names),
    }
  }

  async function guideDetail(trx: Executor, actor: Actor, r: repo.GuideRow): Promise<TShippingGuideDetail> {
    const [project, items, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      repo.listGuideItems(trx, actor.orgId, [r.id]),
      creators(trx, actor.orgId, [r.created_by]),
      attachmentsOf(trx, actor.orgId, 'guide', r.id),
    ])
    const byId = items.some((i) => i.assignment_id)
      ? assignmentIndex(await projects.listAssignments(trx, actor.orgId, r.project_id))
      : new Map<string, DocumentAssignment>()
    return {
      ...guideSummary(
        { ...r, attachment_count: attachments.length, item_count: items.length },
        project ?? undefined,
        names,
      ),
      startDate: r.start_date,
      endDate: r.end_date,
      carrierDni: r.carrier_dni,
      dispatcherName: r.dispatcher_name,
      dispatcherDni: r.dispatcher_dni,
      receiverName: r.receiver_name,
      receiverDni: r.receiver_dni,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      transportDescription: r.transport_description,
      stowageDescription: r.stowage_description,
      notes: r.notes,
      items: items.map((i) => {
        const a = i.assignment_id ? byId.get(i.assignment_id) : undefined
        return {
          id: i.id,
          position: i.position,
          assignmentId: i.assignment_id,
          equipmentId: i.equipment_id,
          equipmentCode: a ? (equipmentOf(a)?.code ?? null) : null,
          description: i.description,
          quantity: i.quantity,
          unit: i.unit,
        }
      }),
      statusReason: r.status_reason,
      attachments,
      allowedActions: actionsFor(actor, 'guide', r.status),
    }
  }

  /** Where a guide goes by its type, used only when the user left the places empty (docs/rental-documents.md#shipping-guides). */
  async function defaultPlaces(orgId: string, type: TGuideType, project: DocumentProject) {
    const org = await findOrganizationById(db, orgId)
    const base = `BASE ${org?.name ?? ''}`.trim()
    const site = project.location ?? project.name
    if (type === 'exit') return { origin: base, destination: site }
    if (type === 'entry') return { origin: site, destination: base }
    return { origin: site, destination: null }
  }

  async function guideValues(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateShippingGuideRequest,
    before: repo.GuideRow | null,
    places: { origin: string | null; destination: string | null } | null,
    dispatcher: string | null,
  ): Promise<{ values: repo.GuideValues; items: repo.GuideItemValues[] | null }> {
    const errors: TFieldError[] = []
    const issueDate = input.issueDate ?? before?.issue_date
    if (!issueDate)
      throw validationError('Falta la fecha de emisión', [{ path: 'issueDate', message: 'Requerido' }])
    checkProjectDate(project, issueDate, 'issueDate')
    const startDate = input.startDate !== undefined ? input.startDate : (before?.start_date ?? null)
    const endDate = input.endDate !== undefined ? input.endDate : (before?.end_date ?? null)
    if (startDate && endDate && endDate < startDate)
      errors.push({ path: 'endDate', message: 'El fin del traslado no puede ser anterior a su inicio' })

    let items: repo.GuideItemValues[] | null = null
    if (input.items !== undefined) {
      const needsAssignments = input.items.some((i) => i.assignmentId)
      const byId = needsAssignments
        ? assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id))
        : new Map<string, DocumentAssignment>()
      items = input.items.map((it, i) => {
        let equipmentId: string | null = null
        if (it.assignmentId) {
          const a = byId.get(it.assignmentId)
          if (!a)
            errors.push({ path: `items.${i}.assignmentId`, message: 'No es una asignación de este proyecto' })
          else equipmentId = equipmentOf(a)?.id ?? null
        }
        return {
          assignment_id: it.assignmentId ?? null,
          equipment_id: equipmentId,
          description: it.description.trim(),
          quantity: it.quantity,
          unit: orNull(it.unit),
        }
      })
    }
    if (errors.length) throw validationError('Revisa los datos de la guía de remisión', errors)

    const keep = <K extends keyof repo.GuideValues>(k: K, v: string | null | undefined): string | null =>
      v !== undefined ? orNull(v) : (before?.[k] ?? null)
    return {
      items,
      values: {
        guide_type: input.guideType ?? before?.guide_type ?? 'exit',
        reason: input.reason !== undefined ? input.reason : (before?.reason ?? null),
        issue_date: issueDate,
        start_date: startDate,
        end_date: endDate,
        origin_place: keep('origin_place', input.originPlace) ?? (before ? null : (places?.origin ?? null)),
        destination_place:
          keep('destination_place', input.destinationPlace) ??
          (before ? null : (places?.destination ?? null)),
        carrier_name: keep('carrier_name', input.carrierName),
        carrier_dni: keep('carrier_dni', input.carrierDni),
        vehicle_plate: keep('vehicle_plate', input.vehiclePlate)?.toUpperCase() ?? null,
        dispatcher_name: keep('dispatcher_name', input.dispatcherName) ?? (before ? null : dispatcher),
        dispatcher_dni: keep('dispatcher_dni', input.dispatcherDni),
        receiver_name: keep('receiver_name', input.receiverName),
        receiver_dni: keep('receiver_dni', input.receiverDni),
        contact_name: keep('contact_name', input.contactName),
        contact_phone: keep('contact_phone', input.contactPhone),
        transport_cost: money2(input.transportCost ?? before?.transport_cost ?? '0'),
        transport_description:
          keep('transport_description', input.transportDescription) ?? DEFAULT_TEXTS.transport,
        stowage_cost: money2(input.stowageCost ?? before?.stowage_cost ?? '0'),
        stowage_description: keep('stowage_description', input.stowageDescription) ?? DEFAULT_TEXTS.stowage,
        notes: keep('notes', input.notes),
      },
    }
  }

  async function listShippingGuides(actor: Actor, query: TShippingGuideListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listGuides(db, actor.orgId, {
      ...query,
      projectIdsMatching: await projectIdsMatching(actor.orgId, query.q),
    })
    const { projectMap, names } = await pageRefs(actor.orgId, rows)
    return { total, items: rows.map((r) => guideSummary(r, projectMap.get(r.project_id), names)) }
  }

  async function loadGuide(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    return found('guide', await repo.findGuide(trx, actor.orgId, id, { forUpdate }))
  }

  async function getShippingGuide(actor: Actor, id: string) {
    requireAccess(actor, 'rental.read')
    return guideDetail(db, actor, await loadGuide(db, actor, id))
  }

  async function createShippingGuide(
    actor: Actor,
    input: TCreateShippingGuideRequest,
  ): Promise<TShippingGuideDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    // defaults read with the database handle, before the transaction opens
    const project0 = await projects.getProject(db, actor.orgId, input.projectId)
    const places = project0 ? await defaultPlaces(actor.orgId, input.guideType ?? 'exit', project0) : null
    const dispatcher = isSystemActor(actor)
      ? null
      : ((await findUserNames(db, actor.orgId, [actor.userId]))[0]?.name ?? null)
    return db.transaction().execute(async (trx) => {
      const project = await loadProject(trx, actor, input.projectId, { forChange: true })
      const { values, items } = await guideValues(
        trx,
        actor,
        project,
        { ...input, items: input.items ?? [] },
        null,
        places,
        dispatcher,
      )
      const created = await guarded(
        trx,
        actor,
        [{ projectId: project.id, date: values.issue_date }],
        async () => {
          const number = await allocateNumber(trx, { orgId: actor.orgId, series: NUMBER_SERIES.guide })
          const row = await repo.insertGuide(trx, {
            ...values,
            org_id: actor.orgId,
            number,
            project_id: project.id,
            created_by: userId(actor),
          })
          await repo.replaceGuideItems(trx, actor.orgId, row.id, items ?? [])
          await auditDocument(trx, actor, 'guide', row.id, 'created', {
            changes: diffFields(null, guideSnapshot(row, items ?? []), GUIDE_FIELDS),
            data: { number, projectId: project.id },
          })
          return row
        },
      )
      // read after the billing hook: it may have linked the guide to the sheet in progress
      return guideDetail(trx, actor, await loadGuide(trx, actor, created.id))
    })
  }

  async function updateShippingGuide(
    actor: Actor,
    id: string,
    input: TUpdateShippingGuideRequest,
  ): Promise<TShippingGuideDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadGuide(trx, actor, id, true)
      requireDraft('guide', before.status)
      const project = await loadProject(trx, actor, before.project_id, { forChange: true })
      const beforeItems = await repo.listGuideItems(trx, actor.orgId, [id])
      const { values, items } = await guideValues(trx, actor, project, input, before, null, null)
      const changes = diffFields(
        guideSnapshot(before, beforeItems),
        guideSnapshot({ ...before, ...values }, items ?? beforeItems),
        GUIDE_FIELDS,
      )
      if (changes.length === 0) return guideDetail(trx, actor, before)
      await guarded(
        trx,
        actor,
        [scopeOf(before, before.issue_date), scopeOf(before, values.issue_date)],
        async () => {
          const after = await repo.updateGuide(trx, actor.orgId, id, { ...values, updated_at: clock() })
          if (items) await repo.replaceGuideItems(trx, actor.orgId, id, items)
          await auditDocument(trx, actor, 'guide', id, 'updated', { changes, data: { number: after.number } })
        },
      )
      // read after the billing hook: moving the guide may link it to, or release it from, a sheet
      return guideDetail(trx, actor, await loadGuide(trx, actor, id))
    })
  }

  async function changeGuideStatus(
    actor: Actor,
    id: string,
    to: 'closed' | 'void',
    reason?: string,
  ): Promise<TShippingGuideDetail> {
    requireAccess(actor, 'fieldDocument.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadGuide(trx, actor, id, true)
      const from = before.status as TFieldDocumentStatus
      if (!canMoveDocument(from, to)) throw invalidTransition('guide', from, to)
      return guarded(trx, actor, [scopeOf(before, before.issue_date)], async () => {
        const after = await repo.updateGuide(trx, actor.orgId, id, {
          status: to,
          status_reason: reason ?? null,
          updated_at: clock(),
        })
        await auditDocument(trx, actor, 'guide', id, to === 'closed' ? 'closed' : 'voided', {
          changes: statusChanges(from, to, before.status_reason, reason),
          data: { number: after.number, from, to, reason: reason ?? null },
        })
        return guideDetail(trx, actor, after)
      })
    })
  }

  async function deleteShippingGuide(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const before = await loadGuide(trx, actor, id, true)
      requireDraft('guide', before.status, 'eliminar')
      if (before.billing_sheet_id) {
        throw new AppError(
          'INVALID_STATE',
          'La guía ya está en una planilla; anúlala en lugar de eliminarla',
          { billingSheetId: before.billing_sheet_id },
        )
      }
      const beforeItems = await repo.listGuideItems(trx, actor.orgId, [id])
      await guarded(trx, actor, [{ projectId: before.project_id, date: before.issue_date }], async () => {
        await repo.deleteAttachmentsOf(trx, actor.orgId, ENTITY.guide, id)
        await repo.deleteGuide(trx, actor.orgId, id)
        await auditDocument(trx, actor, 'guide', id, 'deleted', {
          changes: deletedChanges(guideSnapshot(before, beforeItems), GUIDE_FIELDS),
          data: { number: before.number, projectId: before.project_id },
        })
      })
    })
  }

  async function shippingGuidePdfFile(actor: Actor, id: string) {
    const guide = await getShippingGuide(actor, id)
    const buffer = await renderPdf(shippingGuidePdf({ org: await orgForPdf(actor.orgId), guide }))
    return { filename: shippingGuidePdfName(guide), buffer }
  }

  // =====================================================================================
  // Attachments (PDF only)
  // =====================================================================================

  async function loadAny(
    trx: Executor,
    actor: Actor,
    kind: Kind,
    id: string,
    forUpdate = false,
  ): Promise<{ status: string; number: number }> {
    if (kind === 'maintenance') return loadMaintenance(trx, actor, id, forUpdate)
    if (kind === 'chain') return loadChain(trx, actor, id, forUpdate)
    return loadGuide(trx, actor, id, forUpdate)
  }

  /**
   * Attaches a PDF (signed sheet, lab analysis…) to a document: the document is checked first (404, state),
   * then the upload is read and stored only if its bytes really are a PDF (415 otherwise).
   */
  async function addAttachment(
    actor: Actor,
    kind: Kind,
    id: string,
    readUpload: () => Promise<Upload>,
  ): Promise<TFieldDocumentAttachment> {
    requireAccess(actor, 'fieldDocument.manage')
    requireAccess(actor, 'file.upload')
    const doc = await loadAny(db, actor, kind, id)
    if (!actionsFor(actor, kind, doc.status).includes('attach')) {
      throw new AppError('INVALID_STATE', `${NOUN[kind]} en estado ${doc.status}: ya no admite adjuntos`, {
        status: doc.status,
      })
    }
    const upload = await readUpload()
    const label = upload.fields['label']?.trim().slice(0, 100) || null
    return db.transaction().execute(async (trx) => {
      const current = await loadAny(trx, actor, kind, id, true)
      if (current.status !== doc.status)
        throw new AppError('CONFLICT', 'El documento cambió mientras se subía el archivo; inténtalo de nuevo')
      const file = await files.uploadFile(
        actor,
        { name: upload.filename, bytes: upload.bytes, accept: ['pdf'] },
        trx,
      )
      const row = await repo.insertAttachment(trx, {
        org_id: actor.orgId,
        document_type: ENTITY[kind],
        document_id: id,
        file_id: file.id,
        name: file.name,
        label,
        created_by: userId(actor),
      })
      await auditDocument(trx, actor, kind, id, 'attachment_added', {
        changes: [{ field: 'attachments', old: null, new: file.name }],
        data: { attachmentId: row.id, fileId: file.id, label, number: current.number },
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

  async function removeAttachment(actor: Actor, kind: Kind, id: string, attachmentId: string): Promise<void> {
    requireAccess(actor, 'fieldDocument.manage')
    await db.transaction().execute(async (trx) => {
      const doc = await loadAny(trx, actor, kind, id, true)
      const row = await repo.findAttachment(trx, actor.orgId, ENTITY[kind], id, attachmentId)
      if (!row) throw new AppError('NOT_FOUND', 'Adjunto no encontrado')
      if (!actionsFor(actor, kind, doc.status).includes('attach')) {
        throw new AppError(
          'INVALID_STATE',
          `${NOUN[kind]} en estado ${doc.status}: sus adjuntos ya no cambian`,
          { status: doc.status },
        )
      }
      await repo.deleteAttachment(trx, actor.orgId, attachmentId)
      await auditDocument(trx, actor, kind, id, 'attachment_removed', {
        changes: [{ field: 'attachments', old: row.name, new: null }],
        data: { attachmentId, fileId: row.file_id, number: doc.number },
      })
    })
  }

  return {
    listMaintenanceSheets,
    getMaintenanceSheet,
    createMaintenanceSheet,
    updateMaintenanceSheet,
    closeMaintenanceSheet: (actor: Actor, id: string) => changeMaintenanceStatus(actor, id, 'closed'),
    voidMaintenanceSheet: (actor: Actor, id: string, reason: string) =>
      changeMaintenanceStatus(actor, id, 'void', reason),
    deleteMaintenanceSheet,
    maintenanceSheetPdfFile,
    listCustodyChains,
    getCustodyChain,
    createCustodyChain,
    updateCustodyChain,
    closeCustodyChain: (actor: Actor, id: string) => changeChainStatus(actor, id, 'closed'),
    cancelCustodyChain: (actor: Actor, id: string, reason: string) =>
      changeChainStatus(actor, id, 'cancelled', reason),
    deleteCustodyChain,
    custodyChainPdfFile,
    listShippingGuides,
    getShippingGuide,
    createShippingGuide,
    updateShippingGuide,
    closeShippingGuide: (actor: Actor, id: string) => changeGuideStatus(actor, id, 'closed'),
    voidShippingGuide: (actor: Actor, id: string, reason: string) =>
      changeGuideStatus(actor, id, 'void', reason),
    deleteShippingGuide,
    shippingGuidePdfFile,
    addAttachment,
    removeAttachment,
  }
}

/** The billing scope of a stored document on a date: its project and the billing sheet it is on, if any. */
const scopeOf = (doc: { project_id: string; billing_sheet_id: string | null }, date: string) => ({
  projectId: doc.project_id,
  date,
  sheetId: doc.billing_sheet_id,
})

/** The audit changes of a deleted document: every audited field, from its value to null. */
const deletedChanges = (snapshot: Record<string, unknown>, fields: readonly string[]): AuditChange[] =>
  diffFields(snapshot, {}, fields).map((c) => ({ ...c, new: null }))

/** The audit changes of a status change: the status, and the reason when one is given. */
const statusChanges = (
  from: string,
  to: string,
  oldReason: string | null,
  reason: string | undefined,
): AuditChange[] => [
  { field: 'status', old: from, new: to },
  ...(reason ? [{ field: 'statusReason', old: oldReason, new: reason }] : []),
]

const auditPrefix = (kind: Kind) =>
  kind === 'maintenance'
    ? 'rentalMaintenanceSheet'
    : kind === 'chain'
      ? 'rentalCustodyChain'
      : 'rentalShippingGuide'

/** The document row, or a 404 named after its kind. */
function found<T>(kind: Kind, row: T | undefined): T {
  if (!row) throw new AppError('NOT_FOUND', `${NOUN[kind]} no encontrada`)
  return row
}

function requireDraft(kind: Kind, status: string, verb = 'editar') {
  if (status !== 'draft') {
    throw new AppError(
      'INVALID_STATE',
      `Solo se puede ${verb} un documento en borrador (${NOUN[kind]} en estado ${status})`,
      { status },
    )
  }
}

function invalidTransition(kind: Kind, from: string, to: string) {
  return new AppError('INVALID_STATE', `${NOUN[kind]} en estado ${from} no puede pasar a ${to}`, { from, to })
}
