import { z } from 'zod'
import { listOf, ZPagination } from './common'

export const ZAuditChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  module: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.array(ZAuditChange),
  data: z.record(z.string(), z.unknown()).nullable(),
  /** Names of the records the entry mentions by id (its own, and ids in changes and data): id → name. */
  refs: z.record(z.string(), z.string()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
})
export type TAuditEntry = z.infer<typeof ZAuditEntry>
export const ZAuditList = listOf(ZAuditEntry)

export const ZAuditQuery = ZPagination.extend({
  userId: z.uuid().optional(),
  module: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
})
export type TAuditQuery = z.infer<typeof ZAuditQuery>
/** An export of the log (a job, docs/jobs.md): its filters, without pagination. */
export const ZAuditExportRequest = ZAuditQuery.omit({ limit: true, offset: true })
export type TAuditExportRequest = z.infer<typeof ZAuditExportRequest>
