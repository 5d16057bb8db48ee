import type {
  TCreateShippingGuideRequest,
  TFieldDocumentStatus,
  TFieldError,
  TGuideType,
  TShippingGuideDetail,
  TShippingGuideListQuery,
  TShippingGuideSummary,
  TUpdateShippingGuideRequest,
} from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { canMoveDocument, money2, NUMBER_SERIES, NUMBER_WIDTH } from './document-rules'
import {
  assignmentIndex,
  DEFAULT_TEXTS,
  equipmentOf,
  keepOr,
  orNull,
  summaryBase,
  type DocumentContext,
  type UserNames,
} from './field-document-context'
import { createFieldDocumentLifecycle } from './field-document-lifecycle'
import { linkedText, resolveFieldLinks } from './field-links'
import type { DocumentAssignment, DocumentProject } from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { shippingGuidePdf, shippingGuidePdfName } from './shipping-guide-pdf'
import { documentMessages as M, guideMessages } from './rental-documents.messages'

/**
 * Shipping guides: equipment sent to or brought back from a project, with transport and stowage costs
 * (docs/rental-documents.md#shipping-guides). Its children are the items; a guide is billed by exactly one
 * billing sheet, so a linked guide is voided, never deleted.
 */

type Items = readonly repo.GuideItemValues[]
type Defaults = {
  places: { origin: string | null; destination: string | null } | null
  dispatcher: string | null
}

const FIELDS = [
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
  'driverStaffId',
  'vehicleId',
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

const itemsText = (items: Items) =>
  items.map((i) => `${i.quantity}${i.unit ? ` ${i.unit}` : ''} × ${i.description}`)

const snapshot = (r: repo.GuideRow, items: Items) => ({
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
  driverStaffId: r.driver_staff_id,
  vehicleId: r.vehicle_id,
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

function summary(
  r: repo.GuideRow & { attachment_count?: number; item_count?: number },
  project: DocumentProject | undefined,
  names: UserNames,
): TShippingGuideSummary {
  return {
    ...summaryBase<TFieldDocumentStatus>(r, NUMBER_WIDTH.guide, project, names),
    guideType: r.guide_type,
    reason: r.reason,
    issueDate: r.issue_date,
    originPlace: r.origin_place,
    destinationPlace: r.destination_place,
    carrierName: r.carrier_name,
    vehiclePlate: r.vehicle_plate,
    transportCost: money2(r.transport_cost),
    stowageCost: money2(r.stowage_cost),
    itemCount: r.item_count ?? 0,
  }
}

/** The shipping guides' use cases on the shared field-document lifecycle. */
export function createShippingGuides(ctx: DocumentContext) {
  const { db, projects } = ctx

  async function detail(trx: Executor, actor: Actor, r: repo.GuideRow): Promise<TShippingGuideDetail> {
    const [project, items, names, attachments] = await Promise.all([
      projects.getProject(trx, actor.orgId, r.project_id),
      repo.listGuideItems(trx, actor.orgId, [r.id]),
      ctx.creators(trx, actor.orgId, [r.created_by]),
      ctx.attachmentsOf(trx, actor.orgId, 'shipping_guide', r.id),
    ])
    const byId = items.some((i) => i.assignment_id)
      ? assignmentIndex(await projects.listAssignments(trx, actor.orgId, r.project_id))
      : new Map<string, DocumentAssignment>()
    return {
      ...summary(
        { ...r, attachment_count: attachments.length, item_count: items.length },
        project ?? undefined,
        names,
      ),
      driverStaffId: r.driver_staff_id,
      vehicleId: r.vehicle_id,
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
      allowedActions: ctx.actionsFor(actor, 'guide', r.status),
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

  async function values(
    trx: Executor,
    actor: Actor,
    project: DocumentProject,
    input: TUpdateShippingGuideRequest,
    before: repo.GuideRow | null,
    defaults: Defaults,
  ): Promise<{ values: repo.GuideValues; children: Items | null }> {
    const errors: TFieldError[] = []
    const issueDate = input.issueDate ?? before?.issue_date
    if (!issueDate) throw validationError(M.issueDateMissing(), [fieldError('issueDate', M.required())])
    ctx.checkProjectDate(project, issueDate, 'issueDate')
    const startDate = input.startDate !== undefined ? input.startDate : (before?.start_date ?? null)
    const endDate = input.endDate !== undefined ? input.endDate : (before?.end_date ?? null)
    if (startDate && endDate && endDate < startDate)
      errors.push(fieldError('endDate', M.transferEndBeforeStart()))

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
          if (!a) errors.push(fieldError(`items.${i}.assignmentId`, M.notProjectAssignment()))
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
    if (errors.length) throw validationError(M.checkGuide(), errors)

    // the linked driver and vehicle must be fit on the transfer's first day (docs/field-staff.md#use-on-documents)
    const links = await resolveFieldLinks(ctx.fieldStaff, trx, actor.orgId, {
      date: startDate ?? issueDate,
      person: { field: 'driverStaffId', input: input.driverStaffId, before: before?.driver_staff_id },
      needsLicence: true,
      vehicle: { field: 'vehicleId', input: input.vehicleId, before: before?.vehicle_id },
    })

    const { places, dispatcher } = defaults
    return {
      children: items,
      values: {
        guide_type: input.guideType ?? before?.guide_type ?? 'exit',
        reason: input.reason !== undefined ? input.reason : (before?.reason ?? null),
        issue_date: issueDate,
        start_date: startDate,
        end_date: endDate,
        origin_place:
          keepOr(input.originPlace, before?.origin_place) ?? (before ? null : (places?.origin ?? null)),
        destination_place:
          keepOr(input.destinationPlace, before?.destination_place) ??
          (before ? null : (places?.destination ?? null)),
        carrier_name: linkedText(input.carrierName, links.newDriver?.name, before?.carrier_name),
        carrier_dni: linkedText(input.carrierDni, links.newDriver?.cedula, before?.carrier_dni),
        vehicle_plate:
          linkedText(input.vehiclePlate, links.newVehicle?.plate, before?.vehicle_plate)?.toUpperCase() ??
          null,
        driver_staff_id: links.driverStaffId,
        vehicle_id: links.vehicleId,
        dispatcher_name:
          keepOr(input.dispatcherName, before?.dispatcher_name) ?? (before ? null : dispatcher),
        dispatcher_dni: keepOr(input.dispatcherDni, before?.dispatcher_dni),
        receiver_name: keepOr(input.receiverName, before?.receiver_name),
        receiver_dni: keepOr(input.receiverDni, before?.receiver_dni),
        contact_name: keepOr(input.contactName, before?.contact_name),
        contact_phone: keepOr(input.contactPhone, before?.contact_phone),
        transport_cost: money2(input.transportCost ?? before?.transport_cost ?? '0'),
        transport_description:
          keepOr(input.transportDescription, before?.transport_description) ?? DEFAULT_TEXTS.transport,
        stowage_cost: money2(input.stowageCost ?? before?.stowage_cost ?? '0'),
        stowage_description:
          keepOr(input.stowageDescription, before?.stowage_description) ?? DEFAULT_TEXTS.stowage,
        notes: keepOr(input.notes, before?.notes),
      },
    }
  }

  return createFieldDocumentLifecycle<
    repo.GuideRow,
    repo.GuideValues,
    Items,
    TShippingGuideDetail,
    TShippingGuideSummary,
    TCreateShippingGuideRequest,
    TUpdateShippingGuideRequest,
    TShippingGuideListQuery,
    Defaults
  >(ctx, {
    kind: 'guide',
    entityType: 'shipping_guide',
    auditPrefix: 'rentalShippingGuide',
    amountField: 'transportCost',
    messages: guideMessages,
    series: NUMBER_SERIES.guide,
    dateOf: (r) => r.issue_date,
    canMove: canMoveDocument,
    fields: FIELDS,
    snapshot,
    deleteGuard(row) {
      if (row.billing_sheet_id)
        throw new AppError('INVALID_STATE', M.guideBilled(), {
          billingSheetId: row.billing_sheet_id,
        })
    },
    find: (trx, orgId, id, forUpdate) => repo.findGuide(trx, orgId, id, { forUpdate }),
    insert: repo.insertGuide,
    update: repo.updateGuide,
    remove: repo.deleteGuide,
    readChildren: (trx, orgId, id) => repo.listGuideItems(trx, orgId, [id]),
    saveChildren: repo.replaceGuideItems,
    listRows: (orgId, query) => repo.listGuides(db, orgId, query),
    summaries: async (_orgId, rows, { projectMap, names }) =>
      rows.map((r) => summary(r, projectMap.get(r.project_id), names)),
    detail,
    pdf: async (_actor, guide, org) => ({
      definition: shippingGuidePdf({ org, guide }),
      filename: shippingGuidePdfName(guide),
    }),
    async createDefaults(actor, input) {
      const project = await projects.getProject(db, actor.orgId, input.projectId)
      return {
        places: project ? await defaultPlaces(actor.orgId, input.guideType ?? 'exit', project) : null,
        dispatcher: isSystemActor(actor)
          ? null
          : ((await findUserNames(db, actor.orgId, [actor.userId]))[0]?.name ?? null),
      }
    },
    prepare: (trx, actor, project, change) =>
      change.before
        ? values(trx, actor, project, change.input, change.before, { places: null, dispatcher: null })
        : values(
            trx,
            actor,
            project,
            { ...change.input, items: change.input.items ?? [] },
            null,
            change.defaults ?? { places: null, dispatcher: null },
          ),
  })
}
