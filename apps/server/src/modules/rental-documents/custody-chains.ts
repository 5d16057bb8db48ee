import type {
  TChainScanTargets,
  TChainStatus,
  TChainVolumeUnit,
  TCreateCustodyChainRequest,
  TCustodyChainAttended,
  TCustodyChainDetail,
  TCustodyChainListQuery,
  TCustodyChainSummary,
  TFieldError,
  TUpdateCustodyChainRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { validationError, fieldError } from '../../platform/errors'
import { convertVolume } from '../rental-billing'
import { custodyChainPdf, custodyChainPdfName } from './custody-chain-pdf'
import {
  canMoveChain,
  durationHours,
  equipmentAbbreviation,
  money2,
  NUMBER_SERIES,
  NUMBER_WIDTH,
  padNumber,
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
import type { DocumentAssignment, DocumentProject } from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { chainMessages, documentMessages as M } from './rental-documents.messages'
import type { Message } from '../../platform/i18n/messages'

/**
 * Custody chains: one visit that collected waste water, the services it attended and the volume
 * (docs/rental-documents.md#custody-chains). Its children are the attended assignments.
 */

type Attended = { assignmentId: string; equipmentId: string | null }[]

const FIELDS = [
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
  'driverStaffId',
  'vehicleId',
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

const snapshot = (r: repo.ChainRow, attended: Attended) => ({
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
  driverStaffId: r.driver_staff_id,
  vehicleId: r.vehicle_id,
  volumeUnit: r.volume_unit,
  gallons: money2(r.gallons),
  barrels: money2(r.barrels),
  cubicMeters: money2(r.cubic_meters),
  wasteTypes: r.waste_types,
  logisticsCost: money2(r.logistics_cost),
  billingText: r.billing_text,
  notes: r.notes,
  assignmentIds: attended.map((a) => a.assignmentId),
  status: r.status,
  statusReason: r.status_reason,
})

function summary(
  r: repo.ChainRow & { attachment_count?: number; attended_count?: number },
  project: DocumentProject | undefined,
  names: UserNames,
): TCustodyChainSummary {
  return {
    ...summaryBase<TChainStatus>(r, NUMBER_WIDTH.chain, project, names),
    activityDate: r.activity_date,
    startTime: r.start_time,
    endTime: r.end_time,
    durationHours: r.duration_hours === null ? null : money2(r.duration_hours),
    driverName: r.driver_name,
    vehiclePlate: r.vehicle_plate,
    volumeUnit: r.volume_unit,
    gallons: money2(r.gallons),
    barrels: money2(r.barrels),
    cubicMeters: money2(r.cubic_meters),
    wasteTypes: r.waste_types,
    logisticsCost: money2(r.logistics_cost),
    attendedCount: r.attended_count ?? 0,
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

/**
 * A custody chain bills the services it attends: never on a day outside a service's operating window
 * (docs/rental-documents.md#custody-chains). Null when the date is inside it.
 */
function outsideWindow(a: DocumentAssignment, date: string): Message | null {
  if (a.kind !== 'service') return null
  const last = a.retiredOn ?? a.operationEnd
  if (date >= a.operationStart && (last === null || date <= last)) return null
  const name = a.itemCode || a.description
  return last
    ? M.serviceWindow({ name, start: a.operationStart, end: last, date })
    : M.serviceFrom({ name, start: a.operationStart, date })
}

type Volumes = { unit: TChainVolumeUnit; gallons: string; barrels: string; cubic_meters: string }

/** The typed volume is kept, the other two derived (docs/rental-billing.md#volume-conversions). */
function volumesOf(
  input: TUpdateCustodyChainRequest,
  before: repo.ChainRow | null,
  errors: TFieldError[],
): Volumes {
  if (input.volumeUnit !== undefined || input.volume !== undefined) {
    if (input.volumeUnit === undefined || input.volume === undefined) {
      errors.push(fieldError(input.volumeUnit === undefined ? 'volumeUnit' : 'volume', M.volumeWithUnit()))
      return { unit: 'gallons', gallons: '0', barrels: '0', cubic_meters: '0' }
    }
    const v = convertVolume(input.volumeUnit, input.volume)
    return { unit: input.volumeUnit, gallons: v.gallons, barrels: v.barrels, cubic_meters: v.cubicMeters }
  }
  if (before)
    return {
      unit: before.volume_unit,
      gallons: before.gallons,
      barrels: before.barrels,
      cubic_meters: before.cubic_meters,
    }
  throw validationError(M.volumeMissing(), [fieldError('volume', M.required())])
}

/** The custody chains' use cases on the shared field-document lifecycle. */
export function createCustodyChains(ctx: DocumentContext) {
  const { db, projects } = ctx

  async function detail(trx: Executor, actor: Actor, r: repo.ChainRow): Promise<TCustodyChainDetail> {
    const [project, assignments, attendedMap, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      projects.listAssignments(trx, actor.orgId, r.project_id),
      repo.listChainAssignments(trx, actor.orgId, [r.id]),
      ctx.creators(trx, actor.orgId, [r.created_by]),
      ctx.attachmentsOf(trx, actor.orgId, 'custody_chain', r.id),
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
      ...summary(
        { ...r, attachment_count: attachments.length, attended_count: attended.length },
        project ?? undefined,
        names,
      ),
      location: r.location,
      contactName: r.contact_name,
      contactDni: r.contact_dni,
      contactPosition: r.contact_position,
      driverDni: r.driver_dni,
      driverStaffId: r.driver_staff_id,
      vehicleId: r.vehicle_id,
      billingText: r.billing_text,
      notes: r.notes,
      attended,
      statusReason: r.status_reason,
      attachments,
      allowedActions: ctx.actionsFor(actor, 'chain', r.status),
    }
  }

  async function values(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateCustodyChainRequest,
    before: repo.ChainRow | null,
    beforeAttended: Attended,
  ): Promise<{ values: repo.ChainValues; children: Attended | null }> {
    const errors: TFieldError[] = []
    const activityDate = input.activityDate ?? before?.activity_date
    if (!activityDate)
      throw validationError(M.activityDateMissing(), [fieldError('activityDate', M.required())])
    ctx.checkProjectDate(project, activityDate, 'activityDate')

    const startTime = input.startTime !== undefined ? input.startTime : (before?.start_time ?? null)
    const endTime = input.endTime !== undefined ? input.endTime : (before?.end_time ?? null)
    const duration = durationHours(startTime, endTime)
    if (!duration.valid) errors.push(fieldError('endTime', M.endAfterStartTime()))
    const volumes = volumesOf(input, before, errors)

    let attended: Attended | null = null
    if (input.assignmentIds !== undefined) {
      const byId = assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id))
      const seen = new Set<string>()
      const chosen: Attended = []
      input.assignmentIds.forEach((id, i) => {
        if (seen.has(id)) return
        seen.add(id)
        const a = byId.get(id)
        if (!a) errors.push(fieldError(`assignmentIds.${i}`, M.notProjectAssignment()))
        else {
          const outside = outsideWindow(a, activityDate)
          if (outside) errors.push(fieldError(`assignmentIds.${i}`, outside))
          chosen.push({ assignmentId: id, equipmentId: equipmentOf(a)?.id ?? null })
        }
      })
      attended = chosen
    } else if (!before) {
      errors.push(fieldError('assignmentIds', M.chooseAttended()))
    } else if (activityDate !== before.activity_date && beforeAttended.length > 0) {
      // the chain moves: the services it attended must still operate on the new date
      const byId = assignmentIndex(await projects.listAssignments(trx, actor.orgId, project.id))
      for (const { assignmentId } of beforeAttended) {
        const a = byId.get(assignmentId)
        const outside = a ? outsideWindow(a, activityDate) : null
        if (outside) errors.push(fieldError('activityDate', outside))
      }
    }
    if (errors.length) throw validationError(M.checkChain(), errors)

    // the linked driver and vehicle must be fit on the activity date (docs/field-staff.md#use-on-documents)
    const links = await resolveFieldLinks(ctx.fieldStaff, trx, actor.orgId, {
      date: activityDate,
      person: { field: 'driverStaffId', input: input.driverStaffId, before: before?.driver_staff_id },
      needsLicence: true,
      vehicle: { field: 'vehicleId', input: input.vehicleId, before: before?.vehicle_id },
    })

    return {
      children: attended,
      values: {
        activity_date: activityDate,
        location: keepOr(input.location, before?.location) ?? (before ? null : project.location),
        start_time: startTime,
        end_time: endTime,
        duration_hours: duration.hours,
        contact_name: keepOr(input.contactName, before?.contact_name),
        contact_dni: keepOr(input.contactDni, before?.contact_dni),
        contact_position: keepOr(input.contactPosition, before?.contact_position),
        driver_name: linkedText(input.driverName, links.newDriver?.name, before?.driver_name),
        driver_dni: linkedText(input.driverDni, links.newDriver?.cedula, before?.driver_dni),
        vehicle_plate:
          linkedText(input.vehiclePlate, links.newVehicle?.plate, before?.vehicle_plate)?.toUpperCase() ??
          null,
        driver_staff_id: links.driverStaffId,
        vehicle_id: links.vehicleId,
        volume_unit: volumes.unit,
        gallons: volumes.gallons,
        barrels: volumes.barrels,
        cubic_meters: volumes.cubic_meters,
        waste_types:
          input.wasteTypes !== undefined ? [...new Set(input.wasteTypes)] : (before?.waste_types ?? []),
        logistics_cost: money2(input.logisticsCost ?? before?.logistics_cost ?? '0'),
        billing_text: keepOr(input.billingText, before?.billing_text) ?? DEFAULT_TEXTS.logistics,
        notes: keepOr(input.notes, before?.notes),
      },
    }
  }

  const lifecycle = createFieldDocumentLifecycle<
    repo.ChainRow,
    repo.ChainValues,
    Attended,
    TCustodyChainDetail,
    TCustodyChainSummary,
    TCreateCustodyChainRequest,
    TUpdateCustodyChainRequest,
    TCustodyChainListQuery
  >(ctx, {
    kind: 'chain',
    entityType: 'custody_chain',
    auditPrefix: 'rentalCustodyChain',
    amountField: 'logisticsCost',
    messages: chainMessages,
    series: NUMBER_SERIES.chain,
    dateOf: (r) => r.activity_date,
    canMove: canMoveChain,
    fields: FIELDS,
    snapshot,
    find: (trx, orgId, id, forUpdate) => repo.findChain(trx, orgId, id, { forUpdate }),
    insert: repo.insertChain,
    update: repo.updateChain,
    remove: repo.deleteChain,
    readChildren: async (trx, orgId, id) => (await repo.listChainAssignments(trx, orgId, [id])).get(id) ?? [],
    saveChildren: repo.setChainAssignments,
    listRows: (orgId, query) => repo.listChains(db, orgId, query),
    summaries: async (_orgId, rows, { projectMap, names }) =>
      rows.map((r) => summary(r, projectMap.get(r.project_id), names)),
    detail,
    async pdf(actor, chain, org) {
      const project = await projects.getProject(db, actor.orgId, chain.projectId)
      return {
        definition: custodyChainPdf({ org, chain, projectLocation: project?.location ?? null }),
        filename: custodyChainPdfName(chain),
      }
    },
    prepare: (trx, actor, project, change) =>
      values(trx, actor, project, change.input, change.before, change.children ?? []),
    createdData: (input) => ({
      typedVolume: { unit: input.volumeUnit, value: input.volume },
    }),
  })

  /** The chains of a billing sheet a bulk scan can go to, with their scan pages (docs/rental-documents.md#bulk-scan). */
  async function listSheetScans(actor: Actor, billingSheetId: string): Promise<TChainScanTargets> {
    requireAccess(actor, 'rental.read')
    const rows = await repo.listSheetChainScans(db, actor.orgId, billingSheetId)
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        displayNumber: padNumber(r.number, NUMBER_WIDTH.chain),
        status: r.status,
        activityDate: r.activity_date,
        scanCount: r.scan_count,
        canAttach: ctx.actionsFor(actor, 'chain', r.status).includes('attach'),
      })),
    }
  }

  return { ...lifecycle, listSheetScans }
}
