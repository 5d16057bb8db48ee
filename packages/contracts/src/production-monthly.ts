import { z } from 'zod'
import { ZDate } from './common'
import { ZMonth } from './production'

/**
 * Production's monthly report with its close, and the superintendents' rotation per site
 * (docs/production.md#monthly-report-and-close, docs/production.md#superintendent-rotation).
 *
 * - `GET /api/v1/production/monthly-reports?siteId=&month=` → `ZMonthlyReportList`
 * - `GET /api/v1/production/monthly-reports/:workOrderId/:month` → `ZMonthlyReport`
 * - `PUT …/:workOrderId/:month/status {status}` → `ZMonthlyReport` (open ⇄ in_review → closed)
 * - `POST …/:workOrderId/:month/files` (multipart, field `file`), `POST …/links {url, label}`,
 *   `DELETE …/files/:fileId` → `ZMonthlyReport`
 * - `POST …/:workOrderId/:month/reopen {reason}` → `ZMonthlyReport`
 * - `GET|POST /api/v1/production/superintendents`, `PATCH …/superintendents/:superintendentId` → `ZSuperintendents`
 * - `GET /api/v1/production/rotations?siteId=`, `PUT /api/v1/production/rotations`,
 *   `DELETE /api/v1/production/rotations/:rotationId` → `ZRotations`
 * - `GET /api/v1/production/rotations/duty?siteId=&month=` → `ZRotationDuty`
 */

// ---- monthly report ----

export const MONTHLY_REPORT_STATUSES = ['open', 'in_review', 'closed'] as const
export const ZMonthlyReportStatus = z.enum(MONTHLY_REPORT_STATUSES)
export type TMonthlyReportStatus = z.infer<typeof ZMonthlyReportStatus>

export const ZMonthlyReportListQuery = z.object({ siteId: z.uuid(), month: ZMonth })
export const ZMonthlyReportParams = z.object({ workOrderId: z.uuid(), month: ZMonth })
export const ZMonthlyReportFileParams = ZMonthlyReportParams.extend({ fileId: z.uuid() })

const ZWho = z.object({ id: z.uuid(), name: z.string() }).nullable()

/** One piece of evidence: an uploaded file (PDF, PNG, JPEG) or a link. */
export const ZMonthlyReportFile = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link']),
  /** the platform file (`GET /api/v1/files/:fileId`), for kind `file` */
  fileId: z.uuid().nullable(),
  url: z.string().nullable(),
  name: z.string(),
  size: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: ZWho,
})
export type TMonthlyReportFile = z.infer<typeof ZMonthlyReportFile>

export const ZMonthlyReport = z.object({
  workOrderId: z.uuid(),
  number: z.string(),
  month: ZMonth,
  status: ZMonthlyReportStatus,
  files: z.array(ZMonthlyReportFile),
  submittedAt: z.string().nullable(),
  submittedBy: ZWho,
  closedAt: z.string().nullable(),
  closedBy: ZWho,
  /** the last reopening: when, who and why */
  reopenedAt: z.string().nullable(),
  reopenedBy: ZWho,
  reopenReason: z.string().nullable(),
})
export type TMonthlyReport = z.infer<typeof ZMonthlyReport>

export const ZMonthlyReportListItem = ZMonthlyReport.extend({ description: z.string() })
export const ZMonthlyReportList = z.object({
  siteId: z.uuid(),
  month: ZMonth,
  items: z.array(ZMonthlyReportListItem),
})
export type TMonthlyReportList = z.infer<typeof ZMonthlyReportList>

export const ZMonthlyReportStatusRequest = z.object({ status: ZMonthlyReportStatus })
export type TMonthlyReportStatusRequest = z.infer<typeof ZMonthlyReportStatusRequest>

export const ZMonthlyReportLinkRequest = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/i, 'El enlace debe empezar con http:// o https://'),
  label: z.string().trim().max(200).nullable().optional(),
})
export type TMonthlyReportLinkRequest = z.infer<typeof ZMonthlyReportLinkRequest>

export const ZMonthlyReportReopenRequest = z.object({
  reason: z.string().trim().min(5, 'Indica el motivo (al menos 5 caracteres)').max(500),
})
export type TMonthlyReportReopenRequest = z.infer<typeof ZMonthlyReportReopenRequest>

// ---- superintendents and rotations ----

export const ZSuperintendent = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })
export type TSuperintendent = z.infer<typeof ZSuperintendent>
export const ZSuperintendents = z.object({ items: z.array(ZSuperintendent) })
export type TSuperintendents = z.infer<typeof ZSuperintendents>

export const ZSuperintendentRequest = z.object({
  name: z.string().trim().min(1, 'El nombre es obligatorio').max(120),
})
export type TSuperintendentRequest = z.infer<typeof ZSuperintendentRequest>
export const ZSuperintendentPatch = z.object({
  name: z.string().trim().min(1, 'El nombre es obligatorio').max(120).optional(),
  active: z.boolean().optional(),
})
export type TSuperintendentPatch = z.infer<typeof ZSuperintendentPatch>
export const ZSuperintendentParams = z.object({ superintendentId: z.uuid() })

export const ZRotationsQuery = z.object({ siteId: z.uuid() })
export const ZRotationParams = z.object({ rotationId: z.uuid() })

/** A rotation of a site, in force from `startDate` (the day A starts a shift) until the next one's start. */
export const ZRotation = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  startDate: ZDate,
  superintendentA: ZSuperintendent,
  superintendentB: ZSuperintendent,
  /** days of each superintendent's shift (14 in a 14×14 rotation) */
  cycleDays: z.number().int(),
})
export type TRotation = z.infer<typeof ZRotation>
export const ZRotations = z.object({ siteId: z.uuid(), items: z.array(ZRotation) })
export type TRotations = z.infer<typeof ZRotations>

export const ZRotationRequest = z
  .object({
    siteId: z.uuid(),
    startDate: ZDate,
    superintendentAId: z.uuid(),
    superintendentBId: z.uuid(),
    cycleDays: z.number().int().min(1, 'Al menos 1 día').max(90, 'Como máximo 90 días').default(14),
  })
  .refine((r) => r.superintendentAId !== r.superintendentBId, {
    path: ['superintendentBId'],
    message: 'A y B deben ser superintendentes distintos',
  })
export type TRotationRequest = z.input<typeof ZRotationRequest>

export const ZRotationDutyQuery = z.object({ siteId: z.uuid(), month: ZMonth })
export const ZRotationDutyDay = z.object({
  date: ZDate,
  superintendentId: z.uuid().nullable(),
  name: z.string().nullable(),
  initials: z.string().nullable(),
  /** which of the rotation's two superintendents, null with no rotation in force */
  slot: z.enum(['A', 'B']).nullable(),
})
export type TRotationDutyDay = z.infer<typeof ZRotationDutyDay>
export const ZRotationDuty = z.object({ siteId: z.uuid(), month: ZMonth, days: z.array(ZRotationDutyDay) })
export type TRotationDuty = z.infer<typeof ZRotationDuty>
