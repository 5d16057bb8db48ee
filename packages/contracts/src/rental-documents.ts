import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * Rental field documents — maintenance sheets, custody chains and shipping guides (docs/rental-documents.md).
 * API under `/api/v1/rental/{maintenance-sheets,custody-chains,shipping-guides}`.
 * Money and volumes are decimal strings (two decimals in answers); business dates `YYYY-MM-DD`; times `HH:MM`.
 */

const date = z.iso.date()
const text = (max: number) => z.string().trim().max(max).nullable().optional()
const longText = text(5000)
/** A money amount typed by a user: non-negative, at most 10 integer digits and 2 decimals. */
export const ZFieldDocumentMoney = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Importe inválido: número no negativo con hasta 2 decimales')
/** A volume typed by a user: non-negative, at most 8 integer digits and 2 decimals. */
export const ZChainVolumeInput = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'Volumen inválido: número no negativo con hasta 2 decimales')
/** A time of day `HH:MM` (seconds, when sent, must be `:00` and are dropped). */
export const ZChainTimeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Hora inválida (HH:MM)')
  .transform((v) => v.slice(0, 5))

// --- statuses ---

/** Maintenance sheets and shipping guides: draft → closed | void; closed → void; void is final. */
export const FIELD_DOCUMENT_STATUSES = ['draft', 'closed', 'void'] as const
export const ZFieldDocumentStatus = z.enum(FIELD_DOCUMENT_STATUSES)
export type TFieldDocumentStatus = z.infer<typeof ZFieldDocumentStatus>

/** Custody chains: draft → closed | cancelled; closed → cancelled; cancelled is final and counts nowhere. */
export const CHAIN_STATUSES = ['draft', 'closed', 'cancelled'] as const
export const ZChainStatus = z.enum(CHAIN_STATUSES)
export type TChainStatus = z.infer<typeof ZChainStatus>

/** What the caller may do with a document now (its status and the caller's permissions). */
export const FIELD_DOCUMENT_ACTIONS = ['update', 'close', 'void', 'cancel', 'delete', 'attach'] as const
export const ZFieldDocumentAction = z.enum(FIELD_DOCUMENT_ACTIONS)
export type TFieldDocumentAction = z.infer<typeof ZFieldDocumentAction>

/** Voiding a guide or maintenance sheet, cancelling a chain: the reason is required and audited. */
export const ZFieldDocumentReasonRequest = z.object({ reason: z.string().trim().min(1).max(2000) })
export type TFieldDocumentReasonRequest = z.infer<typeof ZFieldDocumentReasonRequest>

export const ZFieldDocumentAttachment = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  name: z.string(),
  /** free label, e.g. "Hoja firmada", "Análisis de laboratorio" */
  label: z.string().nullable(),
  size: z.number().int(),
  createdAt: z.string(),
})
export type TFieldDocumentAttachment = z.infer<typeof ZFieldDocumentAttachment>
export const ZFieldDocumentAttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() })

const projectRef = {
  projectId: z.uuid(),
  projectName: z.string(),
  clientName: z.string(),
}
const audit = {
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
}

/** Common list filters: project, status, date range (of the document's date), search, pagination. */
const listQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  projectId: z.uuid().optional(),
  from: date.optional(),
  to: date.optional(),
  dir: z.enum(['asc', 'desc']).default('desc'),
})

// --- maintenance sheets ---

export const MAINTENANCE_TYPES = ['preventive', 'corrective'] as const
export const ZMaintenanceType = z.enum(MAINTENANCE_TYPES)
export type TMaintenanceType = z.infer<typeof ZMaintenanceType>

export const ZCreateMaintenanceSheetRequest = z.object({
  projectId: z.uuid(),
  /** the equipment assignment of the project whose equipment was maintained */
  assignmentId: z.uuid().nullable().optional(),
  maintenanceType: ZMaintenanceType.default('preventive'),
  startDate: date,
  /** inclusive; defaults to the start date */
  endDate: date.nullable().optional(),
  technicianName: text(200),
  /** the technician among the field staff (docs/field-staff.md): active on the start date; fills the name when it is left out */
  technicianStaffId: z.uuid().nullable().optional(),
  requestedBy: text(200),
  rig: text(100),
  location: text(200),
  costPerDay: ZFieldDocumentMoney.default('0'),
  /** defaults to days × cost per day; the user may type another amount */
  totalCost: ZFieldDocumentMoney.nullable().optional(),
  /** text of the technical-cost line on the billing sheet (default SERVICIO TÉCNICO ESPECIALIZADO) */
  technicalDescription: text(300),
  logisticsCost: ZFieldDocumentMoney.default('0'),
  /** text of the logistics line on the billing sheet (default LOGÍSTICA) */
  logisticsDescription: text(300),
  maintenanceDescription: longText,
  faultDescription: longText,
  possibleCauses: longText,
  replacedParts: longText,
  observations: longText,
  performedBy: text(200),
  performedByPosition: text(200),
  approvedBy: text(200),
  approvedByPosition: text(200),
})
export type TCreateMaintenanceSheetRequest = z.input<typeof ZCreateMaintenanceSheetRequest>

/** Draft sheets only; the project does not change (void the sheet and record another). */
export const ZUpdateMaintenanceSheetRequest = ZCreateMaintenanceSheetRequest.omit({ projectId: true })
  .extend({
    maintenanceType: ZMaintenanceType,
    costPerDay: ZFieldDocumentMoney,
    logisticsCost: ZFieldDocumentMoney,
  })
  .partial()
export type TUpdateMaintenanceSheetRequest = z.input<typeof ZUpdateMaintenanceSheetRequest>

export const ZMaintenanceSheetSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  /** the number zero-padded to 6 digits, as printed */
  displayNumber: z.string(),
  status: ZFieldDocumentStatus,
  ...projectRef,
  assignmentId: z.uuid().nullable(),
  equipmentId: z.uuid().nullable(),
  equipmentCode: z.string().nullable(),
  equipmentName: z.string().nullable(),
  maintenanceType: ZMaintenanceType,
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  technicianName: z.string().nullable(),
  costPerDay: z.string(),
  totalCost: z.string(),
  logisticsCost: z.string(),
  billingSheetId: z.uuid().nullable(),
  attachmentCount: z.number().int(),
  ...audit,
})
export type TMaintenanceSheetSummary = z.infer<typeof ZMaintenanceSheetSummary>

export const ZMaintenanceSheetDetail = ZMaintenanceSheetSummary.extend({
  technicianStaffId: z.uuid().nullable(),
  requestedBy: z.string().nullable(),
  rig: z.string().nullable(),
  location: z.string().nullable(),
  technicalDescription: z.string(),
  logisticsDescription: z.string(),
  maintenanceDescription: z.string().nullable(),
  faultDescription: z.string().nullable(),
  possibleCauses: z.string().nullable(),
  replacedParts: z.string().nullable(),
  observations: z.string().nullable(),
  performedBy: z.string().nullable(),
  performedByPosition: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByPosition: z.string().nullable(),
  statusReason: z.string().nullable(),
  attachments: z.array(ZFieldDocumentAttachment),
  allowedActions: z.array(ZFieldDocumentAction),
})
export type TMaintenanceSheetDetail = z.infer<typeof ZMaintenanceSheetDetail>
export const ZMaintenanceSheetList = listOf(ZMaintenanceSheetSummary)

export const ZMaintenanceSheetListQuery = listQuery.extend({
  status: ZFieldDocumentStatus.optional(),
  maintenanceType: ZMaintenanceType.optional(),
  sort: z.enum(['number', 'startDate', 'status', 'totalCost', 'createdAt']).default('number'),
})
export type TMaintenanceSheetListQuery = z.infer<typeof ZMaintenanceSheetListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZMaintenanceSheetExportRequest = ZMaintenanceSheetListQuery.omit({ limit: true, offset: true })
export type TMaintenanceSheetExportRequest = z.infer<typeof ZMaintenanceSheetExportRequest>

// --- custody chains ---

export const CHAIN_VOLUME_UNITS = ['gallons', 'barrels', 'cubicMeters'] as const
export const ZChainVolumeUnit = z.enum(CHAIN_VOLUME_UNITS)
export type TChainVolumeUnit = z.infer<typeof ZChainVolumeUnit>

/** Kinds of waste water collected (aguas negras, grises, limpias, lodos activados, residual tratada, grasa orgánica). */
export const WASTE_TYPES = [
  'blackWater',
  'greyWater',
  'cleanWater',
  'activatedSludge',
  'treatedWastewater',
  'organicGrease',
] as const
export const ZWasteType = z.enum(WASTE_TYPES)
export type TWasteType = z.infer<typeof ZWasteType>

export const ZCreateCustodyChainRequest = z.object({
  projectId: z.uuid(),
  activityDate: date,
  location: text(200),
  startTime: ZChainTimeOfDay.nullable().optional(),
  endTime: ZChainTimeOfDay.nullable().optional(),
  /** origin contact (the client's person who hands the waste over) */
  contactName: text(200),
  contactDni: text(20),
  contactPosition: text(200),
  /** transporter */
  driverName: text(200),
  driverDni: text(20),
  vehiclePlate: text(20),
  /** the driver among the field staff (docs/field-staff.md): a licence valid on the activity date */
  driverStaffId: z.uuid().nullable().optional(),
  /** the vehicle among the organization's vehicles: a registration valid on the activity date */
  vehicleId: z.uuid().nullable().optional(),
  /** the project's assignments attended in the visit (services bill one day per distinct activity date) */
  assignmentIds: z.array(z.uuid()).min(1).max(100),
  /** the unit the user typed: that value is kept, the other two are derived with 2 decimals */
  volumeUnit: ZChainVolumeUnit,
  volume: ZChainVolumeInput,
  wasteTypes: z.array(ZWasteType).max(WASTE_TYPES.length).default([]),
  logisticsCost: ZFieldDocumentMoney.default('0'),
  /** text of the logistics line on the billing sheet (default LOGÍSTICA) */
  billingText: text(300),
  notes: longText,
})
export type TCreateCustodyChainRequest = z.input<typeof ZCreateCustodyChainRequest>

export const ZUpdateCustodyChainRequest = ZCreateCustodyChainRequest.omit({ projectId: true })
  .extend({ wasteTypes: z.array(ZWasteType).max(WASTE_TYPES.length), logisticsCost: ZFieldDocumentMoney })
  .partial()
export type TUpdateCustodyChainRequest = z.input<typeof ZUpdateCustodyChainRequest>

export const ZCustodyChainAttended = z.object({
  assignmentId: z.uuid(),
  kind: z.enum(['equipment', 'service']),
  /** equipment code (of the service's linked equipment for a service), or the assignment's description */
  code: z.string(),
  /** second dash-separated segment of the code (`PSL-BT-185` → `BT`), `OT` otherwise */
  abbreviation: z.string(),
  description: z.string(),
})
export type TCustodyChainAttended = z.infer<typeof ZCustodyChainAttended>

export const ZCustodyChainSummary = z.object({
  id: z.uuid(),
  /** consecutive per organization, never reused */
  number: z.number().int(),
  /** zero-padded to 7 digits */
  displayNumber: z.string(),
  status: ZChainStatus,
  ...projectRef,
  activityDate: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  /** end − start in hours, 2 decimals (null without both times) */
  durationHours: z.string().nullable(),
  driverName: z.string().nullable(),
  vehiclePlate: z.string().nullable(),
  volumeUnit: ZChainVolumeUnit,
  gallons: z.string(),
  barrels: z.string(),
  cubicMeters: z.string(),
  wasteTypes: z.array(ZWasteType),
  logisticsCost: z.string(),
  attendedCount: z.number().int(),
  billingSheetId: z.uuid().nullable(),
  attachmentCount: z.number().int(),
  ...audit,
})
export type TCustodyChainSummary = z.infer<typeof ZCustodyChainSummary>

export const ZCustodyChainDetail = ZCustodyChainSummary.extend({
  driverStaffId: z.uuid().nullable(),
  vehicleId: z.uuid().nullable(),
  location: z.string().nullable(),
  contactName: z.string().nullable(),
  contactDni: z.string().nullable(),
  contactPosition: z.string().nullable(),
  driverDni: z.string().nullable(),
  billingText: z.string(),
  notes: z.string().nullable(),
  attended: z.array(ZCustodyChainAttended),
  statusReason: z.string().nullable(),
  attachments: z.array(ZFieldDocumentAttachment),
  allowedActions: z.array(ZFieldDocumentAction),
})
export type TCustodyChainDetail = z.infer<typeof ZCustodyChainDetail>
export const ZCustodyChainList = listOf(ZCustodyChainSummary)

export const ZCustodyChainListQuery = listQuery.extend({
  status: ZChainStatus.optional(),
  wasteType: ZWasteType.optional(),
  sort: z.enum(['number', 'activityDate', 'status', 'gallons', 'createdAt']).default('number'),
})
export type TCustodyChainListQuery = z.infer<typeof ZCustodyChainListQuery>
export const ZCustodyChainExportRequest = ZCustodyChainListQuery.omit({ limit: true, offset: true })
export type TCustodyChainExportRequest = z.infer<typeof ZCustodyChainExportRequest>

/** The chains of one billing sheet offered to a bulk scan (docs/rental-documents.md#bulk-scan). */
export const ZChainScanQuery = z.object({ billingSheetId: z.uuid() })
export const ZChainScanTarget = z.object({
  id: z.uuid(),
  number: z.number().int(),
  displayNumber: z.string(),
  status: ZChainStatus,
  activityDate: z.string(),
  /** scan pages already attached (a new scan replaces them, after the user confirms) */
  scanCount: z.number().int(),
  /** the chain still takes attachments (not cancelled) and the caller may manage field documents */
  canAttach: z.boolean(),
})
export type TChainScanTarget = z.infer<typeof ZChainScanTarget>
export const ZChainScanTargets = z.object({ items: z.array(ZChainScanTarget) })
export type TChainScanTargets = z.infer<typeof ZChainScanTargets>
/** What a bulk scan saved: page i on chain i; `replaced` = earlier scan pages it removed from that chain. */
export const ZChainScanResult = z.object({
  attached: z.number().int(),
  saved: z.array(
    z.object({
      id: z.uuid(),
      displayNumber: z.string(),
      page: z.number().int(),
      name: z.string(),
      replaced: z.number().int(),
    }),
  ),
})
export type TChainScanResult = z.infer<typeof ZChainScanResult>

// --- shipping guides ---

/** exit: base → project; entry: project → base; transfer: project → another project. */
export const GUIDE_TYPES = ['exit', 'entry', 'transfer'] as const
export const ZGuideType = z.enum(GUIDE_TYPES)
export type TGuideType = z.infer<typeof ZGuideType>

export const GUIDE_REASONS = ['use_in_project', 'rent', 'return', 'sale'] as const
export const ZGuideReason = z.enum(GUIDE_REASONS)
export type TGuideReason = z.infer<typeof ZGuideReason>

export const ZShippingGuideItemInput = z.object({
  /** an assignment of the project (its equipment is the item), or none for a free item */
  assignmentId: z.uuid().nullable().optional(),
  description: z.string().trim().min(1).max(300),
  quantity: z.number().int().min(1).max(1_000_000),
  unit: text(50),
})
export type TShippingGuideItemInput = z.input<typeof ZShippingGuideItemInput>

export const ZCreateShippingGuideRequest = z.object({
  projectId: z.uuid(),
  guideType: ZGuideType.default('exit'),
  reason: ZGuideReason.nullable().optional(),
  issueDate: date,
  startDate: date.nullable().optional(),
  endDate: date.nullable().optional(),
  originPlace: text(200),
  destinationPlace: text(200),
  carrierName: text(200),
  carrierDni: text(20),
  vehiclePlate: text(20),
  /** the driver among the field staff (docs/field-staff.md): a licence valid on the transfer's date */
  driverStaffId: z.uuid().nullable().optional(),
  /** the vehicle among the organization's vehicles: a registration valid on the transfer's date */
  vehicleId: z.uuid().nullable().optional(),
  dispatcherName: text(200),
  dispatcherDni: text(20),
  receiverName: text(200),
  receiverDni: text(20),
  contactName: text(200),
  contactPhone: text(30),
  items: z.array(ZShippingGuideItemInput).max(300).default([]),
  transportCost: ZFieldDocumentMoney.default('0'),
  /** text of the transport line on the billing sheet (default TRANSPORTE) */
  transportDescription: text(300),
  stowageCost: ZFieldDocumentMoney.default('0'),
  /** text of the stowage line on the billing sheet (default ESTIBA) */
  stowageDescription: text(300),
  notes: longText,
})
export type TCreateShippingGuideRequest = z.input<typeof ZCreateShippingGuideRequest>

/** Draft guides only; `items`, when sent, replaces the whole list. */
export const ZUpdateShippingGuideRequest = ZCreateShippingGuideRequest.omit({ projectId: true })
  .extend({
    guideType: ZGuideType,
    items: z.array(ZShippingGuideItemInput).max(300),
    transportCost: ZFieldDocumentMoney,
    stowageCost: ZFieldDocumentMoney,
  })
  .partial()
export type TUpdateShippingGuideRequest = z.input<typeof ZUpdateShippingGuideRequest>

export const ZShippingGuideItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  assignmentId: z.uuid().nullable(),
  equipmentId: z.uuid().nullable(),
  equipmentCode: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int(),
  unit: z.string().nullable(),
})
export type TShippingGuideItem = z.infer<typeof ZShippingGuideItem>

export const ZShippingGuideSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  /** zero-padded to 7 digits */
  displayNumber: z.string(),
  status: ZFieldDocumentStatus,
  ...projectRef,
  guideType: ZGuideType,
  reason: ZGuideReason.nullable(),
  issueDate: z.string(),
  originPlace: z.string().nullable(),
  destinationPlace: z.string().nullable(),
  carrierName: z.string().nullable(),
  vehiclePlate: z.string().nullable(),
  transportCost: z.string(),
  stowageCost: z.string(),
  itemCount: z.number().int(),
  /** the billing sheet that bills this guide (a guide is billed by exactly one sheet) */
  billingSheetId: z.uuid().nullable(),
  attachmentCount: z.number().int(),
  ...audit,
})
export type TShippingGuideSummary = z.infer<typeof ZShippingGuideSummary>

export const ZShippingGuideDetail = ZShippingGuideSummary.extend({
  driverStaffId: z.uuid().nullable(),
  vehicleId: z.uuid().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  carrierDni: z.string().nullable(),
  dispatcherName: z.string().nullable(),
  dispatcherDni: z.string().nullable(),
  receiverName: z.string().nullable(),
  receiverDni: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  transportDescription: z.string(),
  stowageDescription: z.string(),
  notes: z.string().nullable(),
  items: z.array(ZShippingGuideItem),
  statusReason: z.string().nullable(),
  attachments: z.array(ZFieldDocumentAttachment),
  allowedActions: z.array(ZFieldDocumentAction),
})
export type TShippingGuideDetail = z.infer<typeof ZShippingGuideDetail>
export const ZShippingGuideList = listOf(ZShippingGuideSummary)

export const ZShippingGuideListQuery = listQuery.extend({
  status: ZFieldDocumentStatus.optional(),
  guideType: ZGuideType.optional(),
  /** `true`: only guides already billed by a sheet; `false`: only unbilled ones */
  billed: z.enum(['true', 'false']).optional(),
  sort: z.enum(['number', 'issueDate', 'status', 'transportCost', 'createdAt']).default('number'),
})
export type TShippingGuideListQuery = z.infer<typeof ZShippingGuideListQuery>
export const ZShippingGuideExportRequest = ZShippingGuideListQuery.omit({ limit: true, offset: true })
export type TShippingGuideExportRequest = z.infer<typeof ZShippingGuideExportRequest>
