import { z } from 'zod'
import { ZDate } from './common'
import { ZMonth, ZTimeType } from './production'

/**
 * Production evidence, GPU (docs/production.md#evidence-gpu): every production cell (family, site, day, time type
 * TE/CMA, concept) of a concept on one of the organization's evidence annexes has an evidence record with a status
 * and files (photos PNG/JPEG, PDFs; time taken, optional location) or links. A cell without a stored record is
 * `pending`. A cell whose production dropped to zero keeps its record and files but leaves the pending list.
 *
 * - `GET /api/v1/production/evidence?workOrderId=&month=[&siteId=]` → `ZEvidenceGrid`
 * - `GET /api/v1/production/evidence/cell?workOrderId=&siteId=&conceptId=&date=&timeType=` → `ZEvidenceCell`
 * - `PUT /api/v1/production/evidence/status` `ZEvidenceStatusRequest` → `ZEvidenceCell`
 * - `POST /api/v1/production/evidence/files` multipart: the cell's fields (`ZEvidenceFileFields`) then `file` → 201 `ZEvidenceCell`
 * - `POST /api/v1/production/evidence/links` `ZEvidenceLinkRequest` → 201 `ZEvidenceCell`
 * - `DELETE /api/v1/production/evidence/items/:evidenceItemId` → `ZEvidenceCell`
 * - `GET /api/v1/production/evidence/items/:evidenceItemId/file` → the file's bytes
 * - `GET|PUT /api/v1/production/evidence/annexes` → `ZEvidenceAnnexes`
 */

export const EVIDENCE_STATUSES = [
  'pending',
  'in_process',
  'missing_client_signature',
  'signed',
  'rejected',
] as const
export const ZEvidenceStatus = z.enum(EVIDENCE_STATUSES)
export type TEvidenceStatus = z.infer<typeof ZEvidenceStatus>

/** The annexes whose concepts need evidence when the organization has not chosen its own. */
export const DEFAULT_EVIDENCE_ANNEXES = ['C-2', 'C-3', 'C2EXT', 'C3EXT'] as const

/** One production cell: the family's initial work order, the site, the concept, the day and the time type. */
export const ZEvidenceCellKey = z.object({
  workOrderId: z.uuid(),
  siteId: z.uuid(),
  conceptId: z.uuid(),
  date: ZDate,
  timeType: ZTimeType,
})
export type TEvidenceCellKey = z.infer<typeof ZEvidenceCellKey>

// ---- grid ----

export const ZEvidenceGridQuery = z.object({
  workOrderId: z.uuid(),
  month: ZMonth,
  siteId: z.uuid().optional(),
})
export type TEvidenceGridQuery = z.infer<typeof ZEvidenceGridQuery>

export const ZEvidenceGridCell = z.object({
  date: ZDate,
  /** the cell's production (decimal string); "0" when it dropped to zero (the record and files are kept) */
  volume: z.string(),
  status: ZEvidenceStatus,
  note: z.string().nullable(),
  fileCount: z.number().int(),
  linkCount: z.number().int(),
  /** in the pending list: production > 0 and not signed */
  pending: z.boolean(),
})
export type TEvidenceGridCell = z.infer<typeof ZEvidenceGridCell>

export const ZEvidenceGridRow = z.object({
  conceptId: z.uuid(),
  annex: z.string(),
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  siteId: z.uuid(),
  timeType: ZTimeType,
  /** only the days with production or a stored record */
  cells: z.array(ZEvidenceGridCell),
})
export type TEvidenceGridRow = z.infer<typeof ZEvidenceGridRow>

export const ZEvidenceCounts = z.object({
  pending: z.number().int(),
  in_process: z.number().int(),
  missing_client_signature: z.number().int(),
  signed: z.number().int(),
  rejected: z.number().int(),
})
export type TEvidenceCounts = z.infer<typeof ZEvidenceCounts>

export const ZEvidenceGrid = z.object({
  workOrderId: z.uuid(),
  number: z.string(),
  month: ZMonth,
  siteId: z.uuid().nullable(),
  days: z.array(ZDate),
  /** the organization's evidence annexes */
  annexes: z.array(z.string()),
  /** cells with production, per status */
  counts: ZEvidenceCounts,
  /** cells in the pending list (production > 0, not signed) */
  pendingCount: z.number().int(),
  /** cells whose production dropped to zero and that keep a record */
  withoutProduction: z.number().int(),
  rows: z.array(ZEvidenceGridRow),
})
export type TEvidenceGrid = z.infer<typeof ZEvidenceGrid>

// ---- one cell ----

export const ZEvidenceItem = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link']),
  /** files: the stored file's name, type and size */
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().int().nullable(),
  /** links: the address and an optional label */
  url: z.string().nullable(),
  label: z.string().nullable(),
  /** when the photo or document was taken (ISO instant) */
  takenAt: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  createdAt: z.string(),
})
export type TEvidenceItem = z.infer<typeof ZEvidenceItem>

export const ZEvidenceCell = ZEvidenceCellKey.extend({
  annex: z.string(),
  code: z.string(),
  description: z.string(),
  volume: z.string(),
  status: ZEvidenceStatus,
  note: z.string().nullable(),
  statusAt: z.string().nullable(),
  pending: z.boolean(),
  items: z.array(ZEvidenceItem),
})
export type TEvidenceCell = z.infer<typeof ZEvidenceCell>

export const ZEvidenceNote = z.string().trim().min(1).max(500)

export const ZEvidenceStatusRequest = ZEvidenceCellKey.extend({
  status: ZEvidenceStatus,
  /** required for `rejected` (why); optional otherwise; null clears it */
  note: ZEvidenceNote.nullable().optional(),
})
export type TEvidenceStatusRequest = z.infer<typeof ZEvidenceStatusRequest>

const ZLatitude = z
  .string()
  .trim()
  .regex(/^-?\d{1,2}(\.\d{1,8})?$/, 'Latitud no válida')
  .refine((v) => Math.abs(Number(v)) <= 90, 'La latitud va de -90 a 90')
const ZLongitude = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d{1,8})?$/, 'Longitud no válida')
  .refine((v) => Math.abs(Number(v)) <= 180, 'La longitud va de -180 a 180')

/** The text fields of a multipart upload (sent before the `file` part). */
export const ZEvidenceFileFields = ZEvidenceCellKey.extend({
  /** ISO instant the photo was taken; the upload time when absent */
  takenAt: z.iso.datetime({ offset: true }).optional(),
  latitude: ZLatitude.optional(),
  longitude: ZLongitude.optional(),
}).refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
  message: 'La ubicación lleva latitud y longitud',
  path: ['longitude'],
})
export type TEvidenceFileFields = z.infer<typeof ZEvidenceFileFields>

export const ZEvidenceLinkRequest = ZEvidenceCellKey.extend({
  url: z
    .url({ protocol: /^https?$/, error: 'Dirección no válida: debe empezar con http:// o https://' })
    .max(2000),
  label: z.string().trim().min(1).max(200).nullable().optional(),
})
export type TEvidenceLinkRequest = z.infer<typeof ZEvidenceLinkRequest>

export const ZEvidenceItemParams = z.object({ evidenceItemId: z.uuid() })

// ---- the organization's evidence annexes ----

export const ZEvidenceAnnexKey = z
  .string()
  .trim()
  .min(1, 'El anexo es obligatorio')
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .-]*$/, 'Anexo no válido')

export const ZEvidenceAnnexesRequest = z.object({ annexes: z.array(ZEvidenceAnnexKey).max(50) })
export type TEvidenceAnnexesRequest = z.infer<typeof ZEvidenceAnnexesRequest>

export const ZEvidenceAnnexes = z.object({
  annexes: z.array(z.string()),
  /** the organization has not chosen: the default list applies */
  isDefault: z.boolean(),
})
export type TEvidenceAnnexes = z.infer<typeof ZEvidenceAnnexes>
