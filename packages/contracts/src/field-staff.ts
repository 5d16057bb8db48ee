import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * Field staff (técnicos), vehicles and their compliance documents (rental line, Ecuador): credentials and
 * passes with expiry dates, vaccines, scanned files, the compliance report, the home page's "Vencimientos" and
 * the daily alert e-mail. Everything under `/api/v1/rental`. Rules: docs/field-staff.md.
 */

const date = z.iso.date()
const optText = (max: number) => z.string().trim().max(max).nullable().optional()
const name = (max = 100) => z.string().trim().min(1).max(max)

/** A cédula: 10 digits (the module-10 check is the server's, named on `cedula`). */
export const ZCedula = z
  .string()
  .trim()
  .regex(/^\d{10}$/, 'La cédula tiene 10 dígitos')
/** An Ecuadorian car plate: three letters and three or four digits, `PBA-1234` (spaces and case forgiven). */
export const PLATE_PATTERN = /^[A-Za-z]{3}[\s-]?\d{3,4}$/
export const ZPlate = z
  .string()
  .trim()
  .regex(PLATE_PATTERN, 'Placa no válida: tres letras y 3 o 4 dígitos (PBA-1234)')

export const COMPLIANCE_OWNER_KINDS = ['staff', 'vehicle'] as const
export const ZComplianceOwnerKind = z.enum(COMPLIANCE_OWNER_KINDS)
export type TComplianceOwnerKind = z.infer<typeof ZComplianceOwnerKind>

/** expired · due in ≤ 10 days · due in ≤ 30 days · ok (in the organization's time zone) */
export const COMPLIANCE_STATUSES = ['expired', 'due10', 'due30', 'ok'] as const
export const ZComplianceStatus = z.enum(COMPLIANCE_STATUSES)
export type TComplianceStatus = z.infer<typeof ZComplianceStatus>

export const COMPLIANCE_GATES = ['licence', 'registration'] as const

export const ZComplianceKind = z.object({
  id: z.uuid(),
  ownerKind: ZComplianceOwnerKind,
  code: z.string(),
  name: z.string(),
  gate: z.enum(COMPLIANCE_GATES).nullable(),
  active: z.boolean(),
})
export type TComplianceKind = z.infer<typeof ZComplianceKind>
export const ZComplianceKindList = z.object({ items: z.array(ZComplianceKind) })
export const ZComplianceKindQuery = z.object({ ownerKind: ZComplianceOwnerKind.optional() })
export const ZComplianceKindInput = z.object({
  ownerKind: ZComplianceOwnerKind,
  name: name(),
})
export type TComplianceKindInput = z.infer<typeof ZComplianceKindInput>
/** rename or (de)activate a kind; an inactive kind takes no new documents, its documents stay */
export const ZComplianceKindPatch = z
  .object({ name: name().optional(), active: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.active !== undefined, { message: 'Nada que cambiar' })
export type TComplianceKindPatch = z.infer<typeof ZComplianceKindPatch>
export const ZComplianceKindParams = z.object({ kindId: z.uuid() })

export const ZComplianceDocumentInput = z.object({
  kindId: z.uuid(),
  /** licence type/category, the oil block of a pass… */
  subject: optText(100),
  number: optText(60),
  issuedOn: date.nullable().optional(),
  expiresOn: date,
  notes: optText(1000),
})
export type TComplianceDocumentInput = z.infer<typeof ZComplianceDocumentInput>
export const ZComplianceDocumentPatch = ZComplianceDocumentInput.partial()
export type TComplianceDocumentPatch = z.infer<typeof ZComplianceDocumentPatch>

export const ZComplianceDocument = z.object({
  id: z.uuid(),
  kindId: z.uuid(),
  kindCode: z.string(),
  kindName: z.string(),
  subject: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string(),
  notes: z.string().nullable(),
  status: ZComplianceStatus,
  /** days from the organization's today to the expiry (negative: expired) */
  daysLeft: z.number().int(),
})
export type TComplianceDocument = z.infer<typeof ZComplianceDocument>

export const ZComplianceFile = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  name: z.string(),
  label: z.string().nullable(),
  size: z.number().int(),
  createdAt: z.string(),
})
export type TComplianceFile = z.infer<typeof ZComplianceFile>

// --- field staff ---

export const ZFieldStaffInput = z.object({
  firstNames: name(),
  lastNames: name(),
  cedula: ZCedula,
  phone: optText(40),
  email: z.email().max(200).nullable().optional().or(z.literal('')),
  active: z.boolean().optional(),
  notes: optText(1000),
})
export type TFieldStaffInput = z.infer<typeof ZFieldStaffInput>
export const ZFieldStaffPatch = ZFieldStaffInput.partial()
export type TFieldStaffPatch = z.infer<typeof ZFieldStaffPatch>

const ownerSummary = {
  id: z.uuid(),
  active: z.boolean(),
  notes: z.string().nullable(),
  /** the worst status of its documents; null without documents */
  status: ZComplianceStatus.nullable(),
  nextExpiry: z.string().nullable(),
  documentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const ZFieldStaff = z.object({
  ...ownerSummary,
  firstNames: z.string(),
  lastNames: z.string(),
  fullName: z.string(),
  cedula: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})
export type TFieldStaff = z.infer<typeof ZFieldStaff>
export const ZFieldStaffList = listOf(ZFieldStaff)

export const ZVaccineInput = z.object({
  vaccine: name(),
  doseNumber: z.coerce.number().int().min(1).max(10),
  appliedOn: date,
})
export type TVaccineInput = z.infer<typeof ZVaccineInput>
export const ZVaccine = z.object({
  id: z.uuid(),
  vaccine: z.string(),
  doseNumber: z.number().int(),
  appliedOn: z.string(),
})
export type TVaccine = z.infer<typeof ZVaccine>

export const ZFieldStaffDetail = ZFieldStaff.extend({
  documents: z.array(ZComplianceDocument),
  vaccines: z.array(ZVaccine),
  files: z.array(ZComplianceFile),
  canManage: z.boolean(),
})
export type TFieldStaffDetail = z.infer<typeof ZFieldStaffDetail>

export const FIELD_STAFF_SORTS = ['name', 'cedula', 'nextExpiry', 'createdAt'] as const
const ownerListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  status: ZComplianceStatus.optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
})
export const ZFieldStaffListQuery = ownerListQuery.extend({ sort: z.enum(FIELD_STAFF_SORTS).default('name') })
export type TFieldStaffListQuery = z.infer<typeof ZFieldStaffListQuery>
/** the technicians' export (a job): the list's filters without pagination */
export const ZFieldStaffExportRequest = ZFieldStaffListQuery.omit({ limit: true, offset: true })
export type TFieldStaffExportRequest = z.infer<typeof ZFieldStaffExportRequest>

// --- vehicles ---

export const ZVehicleInput = z.object({
  plate: ZPlate,
  brand: optText(60),
  model: optText(60),
  year: z.coerce.number().int().min(1950).max(2100).nullable().optional(),
  active: z.boolean().optional(),
  notes: optText(1000),
})
export type TVehicleInput = z.infer<typeof ZVehicleInput>
export const ZVehiclePatch = ZVehicleInput.partial()
export type TVehiclePatch = z.infer<typeof ZVehiclePatch>

export const ZVehicle = z.object({
  ...ownerSummary,
  plate: z.string(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  year: z.number().int().nullable(),
})
export type TVehicle = z.infer<typeof ZVehicle>
export const ZVehicleList = listOf(ZVehicle)
export const ZVehicleDetail = ZVehicle.extend({
  documents: z.array(ZComplianceDocument),
  files: z.array(ZComplianceFile),
  canManage: z.boolean(),
})
export type TVehicleDetail = z.infer<typeof ZVehicleDetail>

export const VEHICLE_SORTS = ['plate', 'brand', 'nextExpiry', 'createdAt'] as const
export const ZVehicleListQuery = ownerListQuery.extend({ sort: z.enum(VEHICLE_SORTS).default('plate') })
export type TVehicleListQuery = z.infer<typeof ZVehicleListQuery>
/** the vehicles' export (a job): the list's filters without pagination */
export const ZVehicleExportRequest = ZVehicleListQuery.omit({ limit: true, offset: true })
export type TVehicleExportRequest = z.infer<typeof ZVehicleExportRequest>

export const ZComplianceDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() })
export const ZVaccineParams = z.object({ id: z.uuid(), vaccineId: z.uuid() })
export const ZComplianceFileParams = z.object({ id: z.uuid(), fileRowId: z.uuid() })

// --- compliance report, summary, alerts ---

export const ZComplianceReportQuery = ZPagination.extend({
  ownerKind: ZComplianceOwnerKind.optional(),
  status: ZComplianceStatus.optional(),
  kindId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['expiresOn', 'owner', 'kind']).default('expiresOn'),
  dir: z.enum(['asc', 'desc']).default('asc'),
})
export type TComplianceReportQuery = z.infer<typeof ZComplianceReportQuery>
/** the report's export (a job): its filters without pagination */
export const ZComplianceExportRequest = ZComplianceReportQuery.omit({ limit: true, offset: true })
export type TComplianceExportRequest = z.infer<typeof ZComplianceExportRequest>

export const ZComplianceReportRow = z.object({
  documentId: z.uuid(),
  ownerKind: ZComplianceOwnerKind,
  ownerId: z.uuid(),
  ownerName: z.string(),
  kindName: z.string(),
  subject: z.string().nullable(),
  number: z.string().nullable(),
  expiresOn: z.string(),
  status: ZComplianceStatus,
  daysLeft: z.number().int(),
})
export type TComplianceReportRow = z.infer<typeof ZComplianceReportRow>
export const ZComplianceReport = listOf(ZComplianceReportRow).extend({ today: z.string() })
export type TComplianceReport = z.infer<typeof ZComplianceReport>

export const ZComplianceSummary = z.object({
  expired: z.number().int(),
  due10: z.number().int(),
  due30: z.number().int(),
  /** the compliance report filtered to what needs attention */
  link: z.string(),
  /** the first documents needing attention, soonest first */
  items: z.array(ZComplianceReportRow),
})
export type TComplianceSummary = z.infer<typeof ZComplianceSummary>

export const ZComplianceAlertSettingsInput = z.object({
  enabled: z.boolean(),
  hour: z.coerce.number().int().min(0).max(23),
  recipients: z.array(z.email().max(200)).max(50),
})
export type TComplianceAlertSettingsInput = z.infer<typeof ZComplianceAlertSettingsInput>
export const ZComplianceAlertSettings = ZComplianceAlertSettingsInput.extend({
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
})
export type TComplianceAlertSettings = z.infer<typeof ZComplianceAlertSettings>
export const ZComplianceAlertPreview = z.object({
  subject: z.string(),
  html: z.string(),
  count: z.number().int(),
})
export type TComplianceAlertPreview = z.infer<typeof ZComplianceAlertPreview>
export const ZComplianceAlertSent = z.object({
  jobId: z.string().nullable(),
  recipients: z.array(z.string()),
})
