import { z } from 'zod'
import { ZClientType } from './catalogs'
import { listOf, ZPagination } from './common'
import { ZStepResponsible, ZStepStatus, type TStepResponsible } from './proposals'

/**
 * Work orders (OT). An initial work order starts a family; each reprogramming is a new work order of that
 * family, numbered 1..n. Money is a decimal string (never a JS number); business dates are `YYYY-MM-DD`.
 * Rules: docs/work-orders.md.
 */

export const WORK_ORDER_TYPES = ['initial', 'reprogramming'] as const
export const ZWorkOrderType = z.enum(WORK_ORDER_TYPES)
export type TWorkOrderType = z.infer<typeof ZWorkOrderType>

/** asignada, diferida, diferida sin iniciar, en ejecución, suspendida, terminada, por cancelar, cancelada */
export const WORK_ORDER_STATUSES = [
  'assigned',
  'deferred',
  'deferred_not_started',
  'in_execution',
  'suspended',
  'finished',
  'to_cancel',
  'cancelled',
] as const
export const ZWorkOrderStatus = z.enum(WORK_ORDER_STATUSES)
export type TWorkOrderStatus = z.infer<typeof ZWorkOrderStatus>

/** Moving to one of these needs a reason (`statusReason`). */
export const WORK_ORDER_REASON_STATUSES = [
  'suspended',
  'to_cancel',
  'cancelled',
] as const satisfies readonly TWorkOrderStatus[]

/** The site columns of a work order (docs/work-orders.md#front-and-sites); which ones a front allows is its `siteKinds`. */
export const WORK_ORDER_SITE_FIELDS = ['vesselId', 'platformId', 'yardId', 'interconnectionId'] as const

const date = z.iso.date()
/** A non-negative amount as a decimal string, up to 6 decimals (historical amounts carry 3). */
export const ZWorkOrderAmount = z
  .string()
  .trim()
  .regex(
    /^\d{1,19}(\.\d{1,6})?$/,
    'Importe no válido: usa dígitos y punto decimal, sin signo (p. ej. 1234.50)',
  )

const text = (max: number) => z.string().trim().max(max)
const optionalText = (max: number) => text(max).nullable().optional()

const workOrderFields = {
  number: z.string().trim().min(1).max(100),
  officialDocument: optionalText(100),
  clientRepresentative: optionalText(200),
  description: z.string().trim().min(1).max(5000),
  comment: optionalText(5000),
  status: ZWorkOrderStatus.optional(),
  /** required when moving to suspended, to_cancel or cancelled */
  statusReason: optionalText(2000),
  projectManagerId: z.uuid(),
  durationDays: z.number().int().min(1).max(3650).nullable().optional(),
  plannedStart: date.nullable().optional(),
  plannedEnd: date.nullable().optional(),
  actualStart: date.nullable().optional(),
  actualEnd: date.nullable().optional(),
  frontId: z.uuid().nullable().optional(),
  vesselId: z.uuid().nullable().optional(),
  platformId: z.uuid().nullable().optional(),
  yardId: z.uuid().nullable().optional(),
  interconnectionId: z.uuid().nullable().optional(),
  amountMxn: ZWorkOrderAmount.optional(),
  amountUsd: ZWorkOrderAmount.optional(),
  requiresYardPhase: z.boolean().optional(),
  yardStart: date.nullable().optional(),
  yardEnd: date.nullable().optional(),
}

/** A work order without a proposal. */
export const ZCreateWorkOrderRequest = z.object({ ...workOrderFields, clientId: z.uuid() })
export type TCreateWorkOrderRequest = z.infer<typeof ZCreateWorkOrderRequest>

/** A work order from a proposal at 100 %: client, project manager and description come from it unless given. */
export const ZCreateWorkOrderFromProposalRequest = z.object({
  ...workOrderFields,
  description: workOrderFields.description.optional(),
  projectManagerId: workOrderFields.projectManagerId.optional(),
})
export type TCreateWorkOrderFromProposalRequest = z.infer<typeof ZCreateWorkOrderFromProposalRequest>

/** Any subset of the fields (the client and type cannot change: the steps depend on them). */
export const ZUpdateWorkOrderRequest = z.object(workOrderFields).partial()
export type TUpdateWorkOrderRequest = z.infer<typeof ZUpdateWorkOrderRequest>

/** A new version of the family: new dates, the rest copied from the work order it starts from unless given. */
export const ZCreateReprogrammingRequest = z.object({
  plannedStart: date,
  plannedEnd: date,
  durationDays: z.number().int().min(1).max(3650).optional(),
  officialDocument: optionalText(100),
  description: z.string().trim().min(1).max(5000).optional(),
  comment: optionalText(5000),
  amountMxn: ZWorkOrderAmount.optional(),
  amountUsd: ZWorkOrderAmount.optional(),
})
export type TCreateReprogrammingRequest = z.infer<typeof ZCreateReprogrammingRequest>

const ref = z.object({ id: z.uuid(), name: z.string() })

/**
 * How close an open work order is to its family's end (docs/work-orders.md#due-bands): `overdue` past it
 * (red), `urgent` within the organization's `urgentDays` (orange, default 7), `soon` within its `soonDays`
 * (yellow, default 14).
 */
export const WORK_ORDER_DUE_BANDS = ['overdue', 'urgent', 'soon'] as const
export const ZWorkOrderDueBand = z.enum(WORK_ORDER_DUE_BANDS)
export type TWorkOrderDueBand = z.infer<typeof ZWorkOrderDueBand>

/** The due-band thresholds of an organization, in days (organization settings `workOrderDue`). */
export const ZWorkOrderDueThresholds = z
  .object({
    urgentDays: z.number().int().min(0).max(365).default(7),
    soonDays: z.number().int().min(0).max(365).default(14),
  })
  .refine((t) => t.soonDays >= t.urgentDays, {
    path: ['soonDays'],
    message: 'soonDays no puede ser menor que urgentDays',
  })
export type TWorkOrderDueThresholds = z.infer<typeof ZWorkOrderDueThresholds>
export const DEFAULT_WORK_ORDER_DUE_THRESHOLDS: TWorkOrderDueThresholds = { urgentDays: 7, soonDays: 14 }

export const ZWorkOrderSites = z.object({
  vessel: ref.nullable(),
  platform: ref.nullable(),
  yard: ref.nullable(),
  interconnection: ref.nullable(),
})

export const ZWorkOrderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  officialDocument: z.string().nullable(),
  clientRepresentative: z.string().nullable(),
  type: ZWorkOrderType,
  /** 1..n for a reprogramming, null for the initial work order */
  reprogrammingNumber: z.number().int().nullable(),
  /** the id of the family's initial work order */
  familyId: z.uuid(),
  /** for an initial work order: how many reprogrammings its family has */
  reprogrammingCount: z.number().int(),
  status: ZWorkOrderStatus,
  statusReason: z.string().nullable(),
  description: z.string(),
  durationDays: z.number().int().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  front: ref.extend({ siteKinds: z.array(z.string()) }).nullable(),
  sites: ZWorkOrderSites,
  amountMxn: z.string(),
  amountUsd: z.string(),
  requiresYardPhase: z.boolean(),
  yardStart: z.string().nullable(),
  yardEnd: z.string().nullable(),
  proposal: z.object({ id: z.uuid(), officialNumber: z.string() }).nullable(),
  client: ref.extend({ clientType: ZClientType }),
  projectManager: ref,
  /** steps: done ÷ counted × 100, half-up (the proposals rule) */
  progress: z.number().int(),
  doneSteps: z.number().int(),
  countedSteps: z.number().int(),
  /** share of the programmed window elapsed today (0–100, truncated); null without both programmed dates */
  timeProgress: z.number().int().nullable(),
  /** the family's end: programmed end of its latest version that has one (a reprogramming's over the initial's) */
  familyEnd: z.string().nullable(),
  /** days from today (organization's time zone) to `familyEnd`, negative past it; null when finished or cancelled, or without it */
  remainingDays: z.number().int().nullable(),
  /** open and past the family's end */
  overdue: z.boolean(),
  dueBand: ZWorkOrderDueBand.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TWorkOrderSummary = z.infer<typeof ZWorkOrderSummary>

export type TWorkOrderStep = {
  id: string
  templateId: string | null
  position: number
  name: string
  status: z.infer<typeof ZStepStatus>
  startDate: string | null
  deliveryDate: string | null
  completedDate: string | null
  comment: string | null
  responsibleUser: TStepResponsible | null
  overdue: boolean
  progress: number | null
  steps: TWorkOrderStep[]
}
export const ZWorkOrderStep: z.ZodType<TWorkOrderStep> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    templateId: z.uuid().nullable(),
    position: z.number().int(),
    name: z.string(),
    status: ZStepStatus,
    startDate: z.string().nullable(),
    deliveryDate: z.string().nullable(),
    completedDate: z.string().nullable(),
    comment: z.string().nullable(),
    responsibleUser: ZStepResponsible.nullable(),
    overdue: z.boolean(),
    progress: z.number().int().nullable(),
    steps: z.array(ZWorkOrderStep),
  }),
)
// recursive: OpenAPI refers to it by this name (a nameless recursive schema leaves a dangling $ref)
z.globalRegistry.add(ZWorkOrderStep, { id: 'WorkOrderStep' })

export const ZWorkOrderDetail = ZWorkOrderSummary.extend({
  comment: z.string().nullable(),
  steps: z.array(ZWorkOrderStep),
  /** historical import: the row and the old system's ids (responsible, client, front, sites) as written */
  legacy: z.record(z.string(), z.unknown()).nullable(),
})
export type TWorkOrderDetail = z.infer<typeof ZWorkOrderDetail>

export const ZWorkOrderList = listOf(ZWorkOrderSummary)

export const WORK_ORDER_SORTS = [
  'number',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'status',
  'progress',
  'amountMxn',
  'amountUsd',
  'createdAt',
  'familyEnd',
] as const

export const ZWorkOrderListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  type: ZWorkOrderType.optional(),
  status: ZWorkOrderStatus.optional(),
  frontId: z.uuid().optional(),
  /** any of the four site columns */
  siteId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  projectManagerId: z.uuid().optional(),
  proposalId: z.uuid().optional(),
  familyId: z.uuid().optional(),
  /** programmed window overlapping [from, to] */
  from: date.optional(),
  to: date.optional(),
  /** `true`: open work orders past their family's end; `false`: the rest */
  overdue: z.enum(['true', 'false']).optional(),
  /** open work orders whose family ends between today and today + N days (not overdue) */
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** `true`: work orders with a step assigned to the caller, or whose project manager is linked to the caller */
  assignedToMe: z.enum(['true', 'false']).optional(),
  sort: z.enum(WORK_ORDER_SORTS).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
})
export type TWorkOrderListQuery = z.infer<typeof ZWorkOrderListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZWorkOrderExportRequest = ZWorkOrderListQuery.omit({ limit: true, offset: true })
export type TWorkOrderExportRequest = z.infer<typeof ZWorkOrderExportRequest>

/** One field that differs from the previous version of the family. */
export const ZFamilyChange = z.object({ field: z.string(), previous: z.unknown(), current: z.unknown() })

/**
 * Authorized volumes of a version (its active concept import). Filled by the work-order concepts module once
 * it is wired in; null until then.
 */
export const ZFamilyAuthorizedVolumes = z.object({
  concepts: z.number().int(),
  amountMxn: z.string(),
  amountUsd: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
})

export const ZFamilyVersion = z.object({
  id: z.uuid(),
  number: z.string(),
  type: ZWorkOrderType,
  reprogrammingNumber: z.number().int().nullable(),
  status: ZWorkOrderStatus,
  officialDocument: z.string().nullable(),
  durationDays: z.number().int().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  amountMxn: z.string(),
  amountUsd: z.string(),
  progress: z.number().int(),
  createdAt: z.string(),
  /** what differs from the previous version (dates, duration, amounts, document, status); empty for the first */
  changes: z.array(ZFamilyChange),
  authorizedVolumes: ZFamilyAuthorizedVolumes.nullable(),
})
export type TFamilyVersion = z.infer<typeof ZFamilyVersion>

export const ZWorkOrderFamily = z.object({
  familyId: z.uuid(),
  number: z.string(),
  versions: z.array(ZFamilyVersion),
})
export type TWorkOrderFamily = z.infer<typeof ZWorkOrderFamily>

/** Result of the historical import (POST /api/v1/work-orders/import): one entry per row of the file. */
export const ZWorkOrderImportRow = z.object({
  rowNumber: z.number().int(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'error']),
  number: z.string().nullable(),
  type: ZWorkOrderType.nullable(),
  reprogrammingNumber: z.number().int().nullable(),
  workOrderId: z.uuid().nullable(),
  proposalNumber: z.string().nullable(),
  /** field names that changed (updated rows) */
  changed: z.array(z.string()),
  /** typo dates (imported as empty), end before start, ignored values… */
  issues: z.array(z.object({ field: z.string(), message: z.string() })),
})

export const ZWorkOrderImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  families: z.number().int(),
  placeholderProposals: z.number().int(),
  /** control characters dropped from the file's text (Excel's `_x0002_` and the like); rows kept, an issue each */
  controlCharactersRemoved: z.number().int(),
  rows: z.array(ZWorkOrderImportRow),
})
export type TWorkOrderImportResult = z.infer<typeof ZWorkOrderImportResult>
