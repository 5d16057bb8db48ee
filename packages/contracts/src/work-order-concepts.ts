import { z } from 'zod'

/**
 * The concepts of a work order (its Anexo C, docs/work-order-concepts.md): every upload of the workbook is a new
 * version; an accepted file becomes a version `pending_confirmation` with its differences against the active
 * version; confirming makes it the one `active` version (the previous one becomes `superseded`), discarding
 * ends it (`discarded`). Money and volumes are exact decimal strings; dates `YYYY-MM-DD`. Rules:
 * docs/work-order-concepts.md.
 *
 * - `POST /api/v1/work-orders/:id/annex-imports` (multipart `file`) → 201 `ZAnnexImportDetail` (pending), or
 *   422 `ZImportRejected` (imports.ts: nothing saved; `reason` `rows` with the rows and an error workbook
 *   to download through `GET /api/v1/files/:errorWorkbookFileId`, or a file-level code, docs/imports.md).
 * - `POST …/annex-imports/:importId/confirm` | `…/discard` → `ZAnnexImportDetail`.
 * - `GET …/annex-imports` → `{items: ZAnnexImportSummary[], total}` (newest first); `GET …/annex-imports/:importId`.
 * - `GET /api/v1/work-orders/:id/concepts` → `ZWorkOrderConcepts` (the active version's lines).
 */

export const ANNEX_IMPORT_STATUSES = ['pending_confirmation', 'active', 'superseded', 'discarded'] as const
export const ZAnnexImportStatus = z.enum(ANNEX_IMPORT_STATUSES)
export type TAnnexImportStatus = z.infer<typeof ZAnnexImportStatus>

const decimal = z.string()
const ZMoney = z.object({ mxn: decimal, usd: decimal })
const ZUserRef = z.object({ id: z.uuid(), name: z.string() }).nullable()
export type TMoney = z.infer<typeof ZMoney>

export const ZAnnexImportParams = z.object({ id: z.uuid(), importId: z.uuid() })

/** A line as the diff shows it. */
export const ZAnnexDiffLine = z.object({
  annex: z.string(),
  code: z.string(),
  description: z.string(),
  unitKey: z.string(),
  volume: decimal,
  priceMxn: decimal,
  priceUsd: decimal,
})
export type TAnnexDiffLine = z.infer<typeof ZAnnexDiffLine>

const ZDelta = z.object({ from: decimal, to: decimal, delta: decimal })

export const ZAnnexDiffChange = z.object({
  before: ZAnnexDiffLine,
  after: ZAnnexDiffLine,
  volume: ZDelta.optional(),
  priceMxn: ZDelta.optional(),
  priceUsd: ZDelta.optional(),
  unit: z.object({ from: z.string(), to: z.string() }).optional(),
  /** the planned-per-day programme of the line differs */
  plannedChanged: z.boolean(),
})
export type TAnnexDiffChange = z.infer<typeof ZAnnexDiffChange>

/**
 * Differences of a version against the version that was active when it was imported (`baseVersion`; null
 * when the work order had none, then every line is `added`). Lines match by (annex, code, description).
 */
export const ZAnnexDiff = z.object({
  baseImportId: z.uuid().nullable(),
  baseVersion: z.number().int().nullable(),
  added: z.array(ZAnnexDiffLine),
  removed: z.array(ZAnnexDiffLine),
  changed: z.array(ZAnnexDiffChange),
  unchangedCount: z.number().int(),
  /** Σ volume × unit price per currency, exact */
  totals: z.object({ before: ZMoney, after: ZMoney, delta: ZMoney }),
  identical: z.boolean(),
})
export type TAnnexDiff = z.infer<typeof ZAnnexDiff>

/** What the import read besides the lines. */
export const ZAnnexImportReading = z.object({
  sheet: z.string(),
  headerRowNumber: z.number().int(),
  hasOkColumn: z.boolean(),
  /** dates of the planned-volume columns, ascending */
  scheduleDates: z.array(z.string()),
  skipped: z.object({
    notOk: z.number().int(),
    withoutUnit: z.number().int(),
    withoutCodeOrDescription: z.number().int(),
    repeatedHeader: z.number().int(),
  }),
  /** lines whose price came from the file because the catalog price is 0 */
  pricesFromFile: z.number().int(),
  warnings: z.array(z.string()),
  /** control characters dropped from the file's text (Excel's `_x0002_` and the like); rows kept, a warning each (absent in imports read before it was counted) */
  controlCharactersRemoved: z.number().int().optional(),
})

export const ZAnnexImportSummary = z.object({
  id: z.uuid(),
  workOrderId: z.uuid(),
  version: z.number().int(),
  status: ZAnnexImportStatus,
  fileId: z.uuid(),
  fileName: z.string(),
  conceptCount: z.number().int(),
  plannedDayCount: z.number().int(),
  totals: ZMoney,
  /** counts of the diff against the base version */
  changes: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
  baseVersion: z.number().int().nullable(),
  createdBy: ZUserRef,
  createdAt: z.string(),
  confirmedBy: ZUserRef,
  confirmedAt: z.string().nullable(),
  discardedBy: ZUserRef,
  discardedAt: z.string().nullable(),
  /** when a later version replaced it */
  supersededAt: z.string().nullable(),
  /** why a version made in the app was made (a concept added from the catalog with its volume to authorize) */
  reason: z.string().nullable().optional(),
})
export type TAnnexImportSummary = z.infer<typeof ZAnnexImportSummary>
export const ZAnnexImportList = z.object({ items: z.array(ZAnnexImportSummary), total: z.number().int() })
export type TAnnexImportList = z.infer<typeof ZAnnexImportList>

export const ZAnnexImportDetail = ZAnnexImportSummary.extend({
  reading: ZAnnexImportReading,
  diff: ZAnnexDiff,
  durationMs: z.number().int().optional(),
})
export type TAnnexImportDetail = z.infer<typeof ZAnnexImportDetail>

export const ZWorkOrderConcept = z.object({
  id: z.uuid(),
  /** position below the header in the file (`orden_fila`) */
  position: z.number().int(),
  conceptId: z.uuid().nullable(),
  annex: z.string(),
  code: z.string(),
  description: z.string(),
  unitKey: z.string(),
  authorizedVolume: decimal,
  unitPriceMxn: decimal,
  unitPriceUsd: decimal,
  /** volume × unit price, exact */
  amountMxn: decimal,
  amountUsd: decimal,
  /** true/false when the file had an OK column, else null */
  ok: z.boolean().nullable(),
  /** YYYY-MM-DD → planned volume (> 0 only) */
  plannedByDay: z.record(z.string(), decimal),
})
export type TWorkOrderConcept = z.infer<typeof ZWorkOrderConcept>

export const ZWorkOrderConceptsQuery = z.object({
  q: z.string().trim().max(200).optional(),
})

export const ZWorkOrderConcepts = z.object({
  workOrderId: z.uuid(),
  /** the active version, or null when none was confirmed yet */
  activeImport: ZAnnexImportSummary.nullable(),
  /** a version waiting for confirmation, if any */
  pendingImport: ZAnnexImportSummary.nullable(),
  items: z.array(ZWorkOrderConcept),
  total: z.number().int(),
  /** dates with planned volumes over the lines, ascending */
  scheduleDates: z.array(z.string()),
  /** over all lines of the version (not only those matching `q`) */
  totals: ZMoney,
})
export type TWorkOrderConcepts = z.infer<typeof ZWorkOrderConcepts>
