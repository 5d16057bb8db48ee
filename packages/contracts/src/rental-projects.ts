import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * Rental projects (equipment rental line, Ecuador): clients with RUC, projects, the equipment & services
 * catalog, its import, assignments of equipment/services to projects and the maintenance calendar.
 * Everything under `/api/v1/rental`. Money is a decimal string with two decimals; dates `YYYY-MM-DD`.
 * Rules: docs/rental-projects.md.
 */

const date = z.iso.date()
const text = (max: number) => z.string().trim().max(max)
const optText = (max: number) => text(max).nullable().optional()
const name = z.string().trim().min(1).max(200)

/** Money in: a non-negative decimal with at most 2 decimals, as a string ("25", "25.5", "25.50") or a number. */
export const ZRentalMoneyInput = z.union([
  z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Importe no válido: hasta 10 enteros y 2 decimales'),
  z.number().nonnegative().max(9_999_999_999.99),
])
/** Money out: always a string with two decimals. */
export const ZRentalMoney = z.string()

// --- enums ---

export const RENTAL_EQUIPMENT_KINDS = ['equipment', 'service'] as const
export const ZRentalEquipmentKind = z.enum(RENTAL_EQUIPMENT_KINDS)
export type TRentalEquipmentKind = z.infer<typeof ZRentalEquipmentKind>

/** Type of a physical unit (services have none). */
export const RENTAL_EQUIPMENT_TYPES = [
  'toilet',
  'hand_wash_station',
  'urinal_station',
  'camper',
  'potable_water_plant',
  'wastewater_plant',
  'raw_water_tank',
  'wastewater_tank',
  'other',
] as const
export const ZRentalEquipmentType = z.enum(RENTAL_EQUIPMENT_TYPES)
export type TRentalEquipmentType = z.infer<typeof ZRentalEquipmentType>

export const RENTAL_CONDITIONS = ['operative', 'in_repair', 'damaged', 'retired'] as const
export const ZRentalCondition = z.enum(RENTAL_CONDITIONS)
export type TRentalCondition = z.infer<typeof ZRentalCondition>

export const RENTAL_AVAILABILITIES = ['available', 'rented'] as const
export const ZRentalAvailability = z.enum(RENTAL_AVAILABILITIES)
export type TRentalAvailability = z.infer<typeof ZRentalAvailability>

export const CARDINAL_POINTS = [
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
] as const
export const ZCardinalPoint = z.enum(CARDINAL_POINTS)
export type TCardinalPoint = z.infer<typeof ZCardinalPoint>

/** `daily` every date; `weekdays` the listed weekdays (0 = Monday … 6 = Sunday); `monthdays` the listed days 1..31. */
export const RENTAL_FREQUENCIES = ['daily', 'weekdays', 'monthdays'] as const
export const ZRentalFrequency = z.enum(RENTAL_FREQUENCIES)
export type TRentalFrequency = z.infer<typeof ZRentalFrequency>

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

// --- clients ---

export const ZRentalContact = z.object({
  name,
  position: optText(120),
  phone: optText(40),
  email: z.email().max(254).nullable().optional(),
})
export type TRentalContact = z.infer<typeof ZRentalContact>

/** `taxId`: Ecuadorian RUC, 13 digits; the server also checks province, type digit and check digit. */
export const ZRentalClientInput = z.object({
  name,
  taxId: z
    .string()
    .trim()
    .regex(/^\d{13}$/, 'El RUC tiene 13 dígitos'),
  email: z.email().max(254).nullable().optional(),
  phone: optText(40),
  address: optText(300),
  contacts: z.array(ZRentalContact).max(20).optional(),
  notes: optText(2000),
})
export type TRentalClientInput = z.infer<typeof ZRentalClientInput>
export const ZRentalClientPatch = ZRentalClientInput.partial()
export type TRentalClientPatch = z.infer<typeof ZRentalClientPatch>

export const ZRentalClient = z.object({
  id: z.uuid(),
  name: z.string(),
  taxId: z.string(),
  /** natural person, public entity or private company, from the RUC's third digit */
  taxIdKind: z.enum(['natural', 'public', 'private']),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  contacts: z.array(
    z.object({
      name: z.string(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  projectCount: z.number().int(),
  openProjectCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TRentalClient = z.infer<typeof ZRentalClient>
export const ZRentalClientList = listOf(ZRentalClient)

export const RENTAL_CLIENT_SORTS = ['name', 'taxId', 'createdAt'] as const
export const ZRentalClientListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(RENTAL_CLIENT_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
})
export type TRentalClientListQuery = z.infer<typeof ZRentalClientListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZRentalClientExportRequest = ZRentalClientListQuery.omit({ limit: true, offset: true })
export type TRentalClientExportRequest = z.infer<typeof ZRentalClientExportRequest>

// --- projects ---

export const ZRentalProjectInput = z.object({
  clientId: z.uuid(),
  name,
  /** camp / site, e.g. "MDC CPF" */
  location: optText(200),
  cardinalPoint: ZCardinalPoint.nullable().optional(),
  contactName: optText(200),
  contactPhone: optText(40),
  startDate: date,
  endDate: date.nullable().optional(),
  notes: optText(2000),
})
export type TRentalProjectInput = z.infer<typeof ZRentalProjectInput>
export const ZRentalProjectPatch = ZRentalProjectInput.partial()
export type TRentalProjectPatch = z.infer<typeof ZRentalProjectPatch>

export const ZRentalProject = z.object({
  id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string(), taxId: z.string() }),
  name: z.string(),
  location: z.string().nullable(),
  cardinalPoint: ZCardinalPoint.nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  closed: z.boolean(),
  closedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** active (not retired) assignments */
  activeEquipment: z.number().int(),
  activeServices: z.number().int(),
  assignmentCount: z.number().int(),
  /** Σ daily rates of the active equipment assignments */
  dailyRental: ZRentalMoney,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TRentalProject = z.infer<typeof ZRentalProject>
export const ZRentalProjectList = listOf(ZRentalProject)

export const RENTAL_PROJECT_SORTS = ['name', 'client', 'location', 'startDate', 'createdAt'] as const
export const ZRentalProjectListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  clientId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  sort: z.enum(RENTAL_PROJECT_SORTS).default('startDate'),
  dir: z.enum(['asc', 'desc']).default('desc'),
})
export type TRentalProjectListQuery = z.infer<typeof ZRentalProjectListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZRentalProjectExportRequest = ZRentalProjectListQuery.omit({ limit: true, offset: true })
export type TRentalProjectExportRequest = z.infer<typeof ZRentalProjectExportRequest>

/** Close a project: every assignment is retired on `date` (default: today in the organization). */
export const ZCloseRentalProjectRequest = z.object({ date: date.optional(), reason: optText(500) })
export type TCloseRentalProjectRequest = z.infer<typeof ZCloseRentalProjectRequest>

export const ZRentalCloseCheck = z.object({
  canClose: z.boolean(),
  blockers: z.array(z.object({ code: z.enum(['already_closed', 'sheet_in_progress']), message: z.string() })),
  equipmentToRelease: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  assignmentsToRetire: z.number().int(),
})
export type TRentalCloseCheck = z.infer<typeof ZRentalCloseCheck>

// --- equipment & services ---

export const ZRentalEquipmentInput = z.object({
  code: z.string().trim().min(1).max(50),
  name,
  kind: ZRentalEquipmentKind,
  type: ZRentalEquipmentType.nullable().optional(),
  brand: optText(120),
  model: optText(120),
  serialNumber: optText(120),
  condition: ZRentalCondition.optional(),
  /** last known location (base, workshop…) while not on a project */
  location: optText(200),
  notes: optText(2000),
})
export type TRentalEquipmentInput = z.infer<typeof ZRentalEquipmentInput>

/** Edit: the kind cannot change. `reviewed: true` clears the "pending review" flag left by an import. */
export const ZRentalEquipmentPatch = ZRentalEquipmentInput.omit({ kind: true })
  .partial()
  .extend({ reviewed: z.literal(true).optional() })
export type TRentalEquipmentPatch = z.infer<typeof ZRentalEquipmentPatch>

export const ZRentalEquipment = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: ZRentalEquipmentKind,
  type: ZRentalEquipmentType.nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  condition: ZRentalCondition,
  availability: ZRentalAvailability,
  currentProject: z
    .object({ id: z.uuid(), name: z.string(), location: z.string().nullable(), clientName: z.string() })
    .nullable(),
  location: z.string().nullable(),
  /** why the unit must be checked before it can be rented (set by an import), null when clear */
  reviewNote: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TRentalEquipment = z.infer<typeof ZRentalEquipment>
export const ZRentalEquipmentList = listOf(ZRentalEquipment)

export const RENTAL_EQUIPMENT_SORTS = [
  'code',
  'name',
  'type',
  'condition',
  'availability',
  'createdAt',
] as const
export const ZRentalEquipmentListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  kind: ZRentalEquipmentKind.optional(),
  type: ZRentalEquipmentType.optional(),
  condition: ZRentalCondition.optional(),
  availability: ZRentalAvailability.optional(),
  projectId: z.uuid().optional(),
  review: z.enum(['true', 'false']).optional(),
  /** only what can be assigned now: operative, available (equipment) or any service, not pending review */
  assignable: z.enum(['true', 'false']).optional(),
  sort: z.enum(RENTAL_EQUIPMENT_SORTS).default('code'),
  dir: z.enum(['asc', 'desc']).default('asc'),
})
export type TRentalEquipmentListQuery = z.infer<typeof ZRentalEquipmentListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZRentalEquipmentExportRequest = ZRentalEquipmentListQuery.omit({ limit: true, offset: true })
export type TRentalEquipmentExportRequest = z.infer<typeof ZRentalEquipmentExportRequest>

/** One row of the import report (row = position in the file, 1-based; header rows not counted for JSON). */
export const ZRentalEquipmentImportRow = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  /** what was normalised (clear cases) */
  changes: z.array(z.string()),
  /** what is unclear: the unit is imported and flagged for review */
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
})
export type TRentalEquipmentImportRow = z.infer<typeof ZRentalEquipmentImportRow>

export const ZRentalEquipmentImportResult = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  flagged: z.number().int(),
  errors: z.number().int(),
  /** control characters dropped from the file's text (Excel's `_x0002_` and the like); rows kept, noted in their `changes` */
  controlCharactersRemoved: z.number().int(),
  rows: z.array(ZRentalEquipmentImportRow),
})
export type TRentalEquipmentImportResult = z.infer<typeof ZRentalEquipmentImportResult>

// --- assignments ---

const weekday = z.union([z.number().int().min(0).max(6), z.enum(WEEKDAY_KEYS)])
const monthday = z.number().int().min(1).max(31)

/**
 * The frequency: `"daily" | "weekdays" | "monthdays"` with `weekdays` / `monthdays` lists beside it,
 * or the engine's object form `{ kind, days }`.
 */
export const ZRentalFrequencyInput = z.union([
  ZRentalFrequency,
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('weekdays'), days: z.array(weekday).min(1).max(7) }),
  z.object({ kind: z.literal('monthdays'), days: z.array(monthday).min(1).max(31) }),
])
export type TRentalFrequencyInput = z.infer<typeof ZRentalFrequencyInput>

/**
 * How an assignment change that touches a liquidated or invoiced billing period applies: without it such a
 * change answers 409 naming the sheet (`details.reason = 'frozenPeriod'`); `firstOpenDay` makes it take
 * effect from the first day after the frozen periods (docs/rental-projects.md#frozen-billing-periods).
 */
export const ZAssignmentEffectiveFrom = z.literal('firstOpenDay')
/** Change options shared by every assignment change. */
const assignmentChangeOptions = {
  effectiveFrom: ZAssignmentEffectiveFrom.optional(),
  /** drop the manual billing days the change alters (else 409 with `details.reason = 'manualDays'`) */
  confirmDropManualDays: z.boolean().optional(),
}

export const ZCreateRentalAssignmentRequest = z.object({
  /** an equipment or a service of the catalog */
  equipmentId: z.uuid(),
  /** price per day (equipment) or per service day (service) */
  dailyRate: ZRentalMoneyInput,
  frequency: ZRentalFrequencyInput.default('daily'),
  weekdays: z.array(weekday).max(7).optional(),
  monthdays: z.array(monthday).max(31).optional(),
  operationStart: date,
  operationEnd: date.nullable().optional(),
  /** billing text; default "ALQUILER / code / type" or "SERVICIO / code / NAME" */
  description: optText(300),
  /** for a service: the physical equipment it attends */
  linkedEquipmentId: z.uuid().nullable().optional(),
  notes: optText(2000),
  ...assignmentChangeOptions,
})
export type TCreateRentalAssignmentRequest = z.infer<typeof ZCreateRentalAssignmentRequest>
/** What a caller may send (the frequency defaults to daily). */
export type TCreateRentalAssignmentInput = z.input<typeof ZCreateRentalAssignmentRequest>

export const ZUpdateRentalAssignmentRequest = ZCreateRentalAssignmentRequest.omit({
  equipmentId: true,
  frequency: true,
})
  .partial()
  .extend({
    frequency: ZRentalFrequencyInput.optional(),
    /** the day `dailyRate` takes effect (default: the operation start, i.e. the whole assignment) */
    rateEffectiveFrom: date.optional(),
  })
export type TUpdateRentalAssignmentRequest = z.infer<typeof ZUpdateRentalAssignmentRequest>

export const ZRetireRentalAssignmentRequest = z.object({
  /** last day on site (inclusive); default today in the organization */
  date: date.optional(),
  reason: optText(500),
  ...assignmentChangeOptions,
})
export type TRetireRentalAssignmentRequest = z.infer<typeof ZRetireRentalAssignmentRequest>

export const ZReactivateRentalAssignmentRequest = z.object({
  /** move the operation start forward (e.g. the unit comes back later) */
  operationStart: date.optional(),
  ...assignmentChangeOptions,
})
export type TReactivateRentalAssignmentRequest = z.infer<typeof ZReactivateRentalAssignmentRequest>

const equipmentRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: ZRentalEquipmentKind,
  type: ZRentalEquipmentType.nullable(),
})

export const ZRentalAssignment = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: ZRentalEquipmentKind,
  equipmentId: z.uuid(),
  equipment: equipmentRef,
  /** the latest rate of `rates` */
  dailyRate: ZRentalMoney,
  /** rate history: `from` null = from the operation start; each later rate from its date (docs/rental-projects.md#rate-history) */
  rates: z.array(z.object({ from: z.string().nullable(), dailyRate: ZRentalMoney })),
  description: z.string(),
  frequency: ZRentalFrequency,
  /** 0 = Monday … 6 = Sunday; empty unless frequency = weekdays */
  weekdays: z.array(z.number().int()),
  /** 1..31; empty unless frequency = monthdays */
  monthdays: z.array(z.number().int()),
  operationStart: z.string(),
  operationEnd: z.string().nullable(),
  linkedEquipment: equipmentRef.nullable(),
  status: z.enum(['active', 'retired']),
  retiredOn: z.string().nullable(),
  retirementReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** false when documents reference it (it can then only be retired) */
  deletable: z.boolean(),
  /** grows on every change (billing day edits are kept only while it stays the same) */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TRentalAssignment = z.infer<typeof ZRentalAssignment>
export const ZRentalAssignmentList = listOf(ZRentalAssignment)

export const ZRentalAssignmentListQuery = z.object({ status: z.enum(['active', 'retired']).optional() })

/** Retire / reactivate answer: the assignment and the linked services that followed it. */
export const ZRentalAssignmentChange = ZRentalAssignment.extend({ cascadedAssignmentIds: z.array(z.uuid()) })
export type TRentalAssignmentChange = z.infer<typeof ZRentalAssignmentChange>

/** Delete options (query string): `firstOpenDay` retires the assignment on the last frozen day instead. */
export const ZDeleteRentalAssignmentQuery = z.object({
  effectiveFrom: ZAssignmentEffectiveFrom.optional(),
  confirmDropManualDays: z.enum(['true', 'false']).optional(),
})
export type TDeleteRentalAssignmentQuery = z.infer<typeof ZDeleteRentalAssignmentQuery>

export const ZRentalAssignmentDeleted = z.object({
  ok: z.literal(true),
  deletedIds: z.array(z.uuid()),
  /** with `effectiveFrom=firstOpenDay`: retired on the last frozen day instead of deleted */
  retiredIds: z.array(z.uuid()).optional(),
})
export type TRentalAssignmentDeleted = z.infer<typeof ZRentalAssignmentDeleted>

// --- maintenance calendar ---

export const ZRentalCalendarQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mes AAAA-MM')
    .optional(),
})

export const ZRentalVisit = z.object({
  date: z.string(),
  assignmentId: z.uuid(),
  serviceId: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  frequency: ZRentalFrequency,
  rate: ZRentalMoney,
  linkedEquipment: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
})
export type TRentalVisit = z.infer<typeof ZRentalVisit>

export const ZRentalCalendar = z.object({
  projectId: z.uuid(),
  month: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  /** every date of the month, Monday-first weeks are built by the client */
  days: z.array(z.object({ date: z.string(), visits: z.array(ZRentalVisit) })),
  /** the next visits from today (up to 14 days, at most 50) */
  upcoming: z.array(ZRentalVisit),
  summary: z.object({ visits: z.number().int(), services: z.number().int(), amount: ZRentalMoney }),
})
export type TRentalCalendar = z.infer<typeof ZRentalCalendar>
