import { z } from 'zod'

/**
 * One bad row of a rejected import: where it is (`sheet` when the file has several, `row` = its row in the
 * sheet, or its position in a JSON list), the field when one is to blame, every reason, and the row's cells as
 * text by header (when the import reads a workbook).
 */
export const ZImportRejectedRow = z.object({
  sheet: z.string().optional(),
  row: z.number().int(),
  field: z.string().optional(),
  messages: z.array(z.string()),
  values: z.record(z.string(), z.string().nullable()).optional(),
})
export type TImportRejectedRow = z.infer<typeof ZImportRejectedRow>

/**
 * HTTP 422 of every import that rejects a file (contract/PUE concepts, per-work-order Anexo C, equipment list):
 * the error envelope, nothing saved. `details.reason`: `rows` (the rows with problems are in `rows`) or a
 * file-level code of the import (`NO_TABLE`, `MISSING_COLUMNS`…, rows empty). `rows` may be the first ones
 * only (`badRowCount` counts them all); an import that writes an error workbook names it in
 * `errorWorkbookFileId` / `errorWorkbookFileName` (download through the files module). docs/imports.md.
 */
export const ZImportRejected = z.object({
  error: z.object({
    code: z.literal('VALIDATION'),
    message: z.string(),
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    requestId: z.string().optional(),
    details: z.object({
      fileName: z.string(),
      reason: z.string(),
      rows: z.array(ZImportRejectedRow),
      badRowCount: z.number().int(),
      /** rows that were fine (nothing is saved anyway) */
      validRowCount: z.number().int(),
      /** the sheet read and the row of its header, when the import finds a single table */
      sheet: z.string().optional(),
      headerRowNumber: z.number().int().optional(),
      errorWorkbookFileId: z.uuid().optional(),
      errorWorkbookFileName: z.string().optional(),
    }),
  }),
})
export type TImportRejected = z.infer<typeof ZImportRejected>
export type TImportRejection = TImportRejected['error']
