import { z } from 'zod'
import { listOf, ZPagination } from './common'
import { ZClientType } from './catalogs'

export const PROPOSAL_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const
export const ZProposalPriority = z.enum(PROPOSAL_PRIORITIES)
export type TProposalPriority = z.infer<typeof ZProposalPriority>

/** Header status: active → in_progress → finished | cancelled | suspended (and back from suspended). */
export const PROPOSAL_STATUSES = ['active', 'in_progress', 'finished', 'cancelled', 'suspended'] as const
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES)
export type TProposalStatus = z.infer<typeof ZProposalStatus>

/** Step status. Done = completed or not_applicable; cancelled steps count in neither side of progress. */
export const STEP_STATUSES = ['pending', 'in_progress', 'completed', 'cancelled', 'not_applicable'] as const
export const ZStepStatus = z.enum(STEP_STATUSES)
export type TStepStatus = z.infer<typeof ZStepStatus>

const date = z.iso.date()

export const ZCreateProposalRequest = z.object({
  officialNumber: z.string().trim().min(1).max(100),
  requestNumber: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(5000),
  clientId: z.uuid(),
  requestDate: date,
  deliveryDate: date,
  durationDays: z.number().int().min(1).max(3650),
  typeId: z.uuid(),
  projectManagerId: z.uuid(),
  priority: ZProposalPriority,
  comment: z.string().trim().max(5000).nullable().optional(),
})
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>

/** Header edit: any subset of the create fields (the client, and so the steps, cannot change). */
export const ZUpdateProposalRequest = ZCreateProposalRequest.omit({ clientId: true }).partial()
export type TUpdateProposalRequest = z.infer<typeof ZUpdateProposalRequest>

export const ZChangeProposalStatusRequest = z.object({
  status: ZProposalStatus,
  /** required for cancelled and suspended */
  reason: z.string().trim().max(2000).optional(),
})
export type TChangeProposalStatusRequest = z.infer<typeof ZChangeProposalStatusRequest>

export const ZUpdateStepRequest = z
  .object({
    status: ZStepStatus,
    startDate: date.nullable(),
    deliveryDate: date.nullable(),
    completedDate: date.nullable(),
    comment: z.string().trim().max(5000).nullable(),
    /** an active user of the organization who answers for the step; null clears it */
    responsibleUserId: z.uuid().nullable(),
  })
  .partial()
export type TUpdateStepRequest = z.infer<typeof ZUpdateStepRequest>

/** An attachment is an uploaded file (`fileId` from POST /api/v1/files) or a link (http/https). */
export const ZAddStepAttachmentRequest = z.union([
  z.object({ fileId: z.uuid() }),
  z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    name: z.string().trim().min(1).max(200).optional(),
  }),
])
export type TAddStepAttachmentRequest = z.infer<typeof ZAddStepAttachmentRequest>

export const ZStepAttachment = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link']),
  name: z.string(),
  fileId: z.uuid().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
})

/** The user a step is assigned to. */
export const ZStepResponsible = z.object({ id: z.uuid(), name: z.string() })
export type TStepResponsible = z.infer<typeof ZStepResponsible>

export type TProposalStep = {
  id: string
  templateId: string | null
  position: number
  name: string
  status: TStepStatus
  startDate: string | null
  deliveryDate: string | null
  completedDate: string | null
  comment: string | null
  /** the user who answers for the step (name as stored now), or null */
  responsibleUser: TStepResponsible | null
  overdue: boolean
  /** for a parent step: progress of its sub-steps (0–100); null without sub-steps */
  progress: number | null
  attachments: z.infer<typeof ZStepAttachment>[]
  steps: TProposalStep[]
}
export const ZProposalStep: z.ZodType<TProposalStep> = z.lazy(() =>
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
    attachments: z.array(ZStepAttachment),
    steps: z.array(ZProposalStep),
  }),
)
// recursive: OpenAPI refers to it by this name (a nameless recursive schema leaves a dangling $ref)
z.globalRegistry.add(ZProposalStep, { id: 'ProposalStep' })

const ref = z.object({ id: z.uuid(), name: z.string() })

export const ZProposalSummary = z.object({
  id: z.uuid(),
  officialNumber: z.string(),
  requestNumber: z.string(),
  description: z.string(),
  client: ref.extend({ clientType: ZClientType }),
  type: ref,
  projectManager: ref,
  priority: ZProposalPriority,
  status: ZProposalStatus,
  statusReason: z.string().nullable(),
  requestDate: z.string(),
  deliveryDate: z.string(),
  durationDays: z.number().int(),
  /** done ÷ counted × 100, half-up to an integer (see docs/proposals.md) */
  progress: z.number().int(),
  doneSteps: z.number().int(),
  countedSteps: z.number().int(),
  overdue: z.boolean(),
  deleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TProposalSummary = z.infer<typeof ZProposalSummary>

export const ZProposalDetail = ZProposalSummary.extend({
  comment: z.string().nullable(),
  steps: z.array(ZProposalStep),
  /** the statuses this proposal may move to now */
  allowedTransitions: z.array(ZProposalStatus),
})
export type TProposalDetail = z.infer<typeof ZProposalDetail>

/** Code of the warning (and of the 409 field error) about an official number another live proposal has. */
export const DUPLICATE_OFFICIAL_NUMBER = 'DUPLICATE_OFFICIAL_NUMBER'

/**
 * Something the save let through but the user should see: another live proposal of the organization has the
 * same official number (trimmed, case-insensitive). One warning per other proposal.
 */
export const ZProposalWarning = z.object({
  code: z.literal(DUPLICATE_OFFICIAL_NUMBER),
  /** the request field it is about */
  field: z.literal('officialNumber'),
  /** readable, in Spanish */
  message: z.string(),
  /** the other proposal */
  proposalId: z.uuid(),
  officialNumber: z.string(),
})
export type TProposalWarning = z.infer<typeof ZProposalWarning>

/** What create and header edit answer: the detail and the warnings of the save (empty when none). */
export const ZProposalSaved = ZProposalDetail.extend({ warnings: z.array(ZProposalWarning) })
export type TProposalSaved = z.infer<typeof ZProposalSaved>

/**
 * The organization's proposal settings, `organizations.settings.proposals` (JSON; docs/proposals.md#official-numbers).
 * `uniqueOfficialNumbers`: refuse (409) instead of warning about a duplicate official number.
 */
export const ZProposalSettings = z.object({ uniqueOfficialNumbers: z.boolean().default(false) })
export type TProposalSettings = z.infer<typeof ZProposalSettings>

export const ZProposalList = listOf(ZProposalSummary)

export const PROPOSAL_SORTS = [
  'officialNumber',
  'requestDate',
  'deliveryDate',
  'progress',
  'status',
  'priority',
  'client',
  'createdAt',
] as const

export const ZProposalListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  status: ZProposalStatus.optional(),
  clientId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  projectManagerId: z.uuid().optional(),
  priority: ZProposalPriority.optional(),
  requestFrom: date.optional(),
  requestTo: date.optional(),
  deliveryFrom: date.optional(),
  deliveryTo: date.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** `true`: proposals with a step assigned to the caller, or whose project manager is linked to the caller */
  assignedToMe: z.enum(['true', 'false']).optional(),
  /** admins only: list soft-deleted proposals instead of live ones */
  deleted: z.enum(['true', 'false']).optional(),
  sort: z.enum(PROPOSAL_SORTS).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
})
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZProposalExportRequest = ZProposalListQuery.omit({ limit: true, offset: true })
export type TProposalExportRequest = z.infer<typeof ZProposalExportRequest>
