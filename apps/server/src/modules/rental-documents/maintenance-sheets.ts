import type {
  TCreateMaintenanceSheetRequest,
  TFieldDocumentStatus,
  TFieldError,
  TMaintenanceSheetDetail,
  TMaintenanceSheetListQuery,
  TMaintenanceSheetSummary,
  TUpdateMaintenanceSheetRequest,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { validationError, fieldError } from '../../platform/errors'
import {
  canMoveDocument,
  inclusiveDays,
  maintenanceTotal,
  money2,
  NUMBER_SERIES,
  NUMBER_WIDTH,
} from './document-rules'
import {
  assignmentIndex,
  DEFAULT_TEXTS,
  equipmentOf,
  keepOr,
  summaryBase,
  type DocumentContext,
  type UserNames,
} from './field-document-context'
import { createFieldDocumentLifecycle } from './field-document-lifecycle'
import { linkedText, resolveFieldLinks } from './field-links'
import { maintenanceSheetPdf, maintenanceSheetPdfName } from './maintenance-sheet-pdf'
import type { DocumentAssignment, DocumentProject } from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { documentMessages as M, maintenanceMessages } from './rental-documents.messages'

/** Maintenance sheets: one equipment's maintenance, its days and costs (docs/rental-documents.md#maintenance). */

const MAX_DAYS = 366

const FIELDS = [
  'assignmentId',
  'maintenanceType',
  'startDate',
  'endDate',
  'days',
  'technicianName',
  'technicianStaffId',
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

const snapshot = (r: repo.MaintenanceRow) => ({
  assignmentId: r.assignment_id,
  maintenanceType: r.maintenance_type,
  startDate: r.start_date,
  endDate: r.end_date,
  days: r.total_days,
  technicianName: r.technician_name,
  technicianStaffId: r.technician_staff_id,
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

function summary(
  r: repo.MaintenanceRow & { attachment_count?: number },
  project: DocumentProject | undefined,
  assignment: DocumentAssignment | undefined,
  names: UserNames,
): TMaintenanceSheetSummary {
  const equipment = assignment ? equipmentOf(assignment) : null
  return {
    ...summaryBase<TFieldDocumentStatus>(r, NUMBER_WIDTH.maintenance, project, names),
    assignmentId: r.assignment_id,
    equipmentId: r.equipment_id,
    equipmentCode: equipment?.code ?? null,
    equipmentName: equipment?.name ?? null,
    maintenanceType: r.maintenance_type,
    startDate: r.start_date,
    endDate: r.end_date,
    days: r.total_days,
    technicianName: r.technician_name,
    costPerDay: money2(r.cost_per_day),
    totalCost: money2(r.total_cost),
    logisticsCost: money2(r.logistics_cost),
  }
}

/** The maintenance sheets' use cases on the shared field-document lifecycle. */
export function createMaintenanceSheets(ctx: DocumentContext) {
  const { db, projects } = ctx

  async function detail(
    trx: Executor,
    actor: Actor,
    r: repo.MaintenanceRow,
  ): Promise<TMaintenanceSheetDetail> {
    const [project, assignments, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      r.assignment_id ? projects.listAssignments(trx, actor.orgId, r.project_id) : Promise.resolve([]),
      ctx.creators(trx, actor.orgId, [r.created_by]),
      ctx.attachmentsOf(trx, actor.orgId, 'maintenance_sheet', r.id),
    ])
    const assignment = r.assignment_id ? assignmentIndex(assignments).get(r.assignment_id) : undefined
    return {
      ...summary({ ...r, attachment_count: attachments.length }, project ?? undefined, assignment, names),
      technicianStaffId: r.technician_staff_id,
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
      allowedActions: ctx.actionsFor(actor, 'maintenance', r.status),
    }
  }

  /** Validates and resolves the values of a sheet (create, or update merged over the stored row). */
  async function values(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateMaintenanceSheetRequest,
    before: repo.MaintenanceRow | null,
  ): Promise<repo.MaintenanceValues> {
    const errors: TFieldError[] = []
    const startDate = input.startDate ?? before?.start_date
    if (!startDate) throw validationError(M.startDateMissing(), [fieldError('startDate', M.required())])
    ctx.checkProjectDate(project, startDate, 'startDate')
    const endDate =
      input.endDate !== undefined ? (input.endDate ?? startDate) : (before?.end_date ?? startDate)
    const days = inclusiveDays(startDate, endDate)
    if (days === null) errors.push(fieldError('endDate', M.endBeforeStart()))
    else if (days > MAX_DAYS) errors.push(fieldError('endDate', M.maintenanceTooLong({ days: MAX_DAYS })))

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
          errors.push(fieldError('assignmentId', M.chooseAssignedUnit()))
          assignmentId = null
        } else equipmentId = equipment.id
      }
    }
    if (errors.length) throw validationError(M.checkMaintenance(), errors)

    // the linked technician must be an active technician of the organization on the start date
    const links = await resolveFieldLinks(ctx.fieldStaff, trx, actor.orgId, {
      date: startDate,
      person: {
        field: 'technicianStaffId',
        input: input.technicianStaffId,
        before: before?.technician_staff_id,
      },
      needsLicence: false,
    })

    const costPerDay = money2(input.costPerDay ?? before?.cost_per_day ?? '0')
    const daysChangedOrCost =
      input.costPerDay !== undefined || input.startDate !== undefined || input.endDate !== undefined
    const totalCost =
      input.totalCost !== undefined && input.totalCost !== null
        ? money2(input.totalCost)
        : input.totalCost === null || !before || daysChangedOrCost
          ? maintenanceTotal(days!, costPerDay)
          : money2(before.total_cost)
    return {
      assignment_id: assignmentId,
      equipment_id: equipmentId,
      maintenance_type: input.maintenanceType ?? before?.maintenance_type ?? 'preventive',
      start_date: startDate,
      end_date: endDate,
      total_days: days!,
      technician_name: linkedText(input.technicianName, links.newDriver?.name, before?.technician_name),
      technician_staff_id: links.driverStaffId,
      requested_by: keepOr(input.requestedBy, before?.requested_by),
      rig: keepOr(input.rig, before?.rig),
      location: keepOr(input.location, before?.location),
      cost_per_day: costPerDay,
      total_cost: totalCost,
      technical_description:
        keepOr(input.technicalDescription, before?.technical_description) ?? DEFAULT_TEXTS.technical,
      logistics_cost: money2(input.logisticsCost ?? before?.logistics_cost ?? '0'),
      logistics_description:
        keepOr(input.logisticsDescription, before?.logistics_description) ?? DEFAULT_TEXTS.logistics,
      maintenance_description: keepOr(input.maintenanceDescription, before?.maintenance_description),
      fault_description: keepOr(input.faultDescription, before?.fault_description),
      possible_causes: keepOr(input.possibleCauses, before?.possible_causes),
      replaced_parts: keepOr(input.replacedParts, before?.replaced_parts),
      observations: keepOr(input.observations, before?.observations),
      performed_by: keepOr(input.performedBy, before?.performed_by),
      performed_by_position: keepOr(input.performedByPosition, before?.performed_by_position),
      approved_by: keepOr(input.approvedBy, before?.approved_by),
      approved_by_position: keepOr(input.approvedByPosition, before?.approved_by_position),
    }
  }

  return createFieldDocumentLifecycle<
    repo.MaintenanceRow,
    repo.MaintenanceValues,
    null,
    TMaintenanceSheetDetail,
    TMaintenanceSheetSummary,
    TCreateMaintenanceSheetRequest,
    TUpdateMaintenanceSheetRequest,
    TMaintenanceSheetListQuery
  >(ctx, {
    kind: 'maintenance',
    entityType: 'maintenance_sheet',
    auditPrefix: 'rentalMaintenanceSheet',
    amountField: 'totalCost',
    messages: maintenanceMessages,
    series: NUMBER_SERIES.maintenance,
    dateOf: (r) => r.start_date,
    canMove: canMoveDocument,
    fields: FIELDS,
    snapshot: (r) => snapshot(r),
    find: (trx, orgId, id, forUpdate) => repo.findMaintenance(trx, orgId, id, { forUpdate }),
    insert: repo.insertMaintenance,
    update: repo.updateMaintenance,
    remove: repo.deleteMaintenance,
    readChildren: () => Promise.resolve(null),
    saveChildren: () => Promise.resolve(),
    listRows: (orgId, query) => repo.listMaintenance(db, orgId, query),
    async summaries(orgId, rows, { projectMap, names }) {
      const assignmentIds = rows.map((r) => r.assignment_id).filter((x): x is string => Boolean(x))
      const assignments = assignmentIndex(await projects.getAssignments(db, orgId, assignmentIds))
      return rows.map((r) =>
        summary(
          r,
          projectMap.get(r.project_id),
          r.assignment_id ? assignments.get(r.assignment_id) : undefined,
          names,
        ),
      )
    },
    detail,
    pdf: async (_actor, sheet, org) => ({
      definition: maintenanceSheetPdf({ org, sheet }),
      filename: maintenanceSheetPdfName(sheet),
    }),
    prepare: async (trx, actor, project, change) => ({
      values: await values(trx, actor, project, change.input, change.before),
      children: null,
    }),
  })
}
