import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * The contract concept catalog (docs/imports.md#concept-catalog): ordinary concepts of the
 * contract's Anexo C and extraordinary concepts (PUE). Money and quantities are decimal strings.
 * Lists: `GET /api/v1/concepts?kind=&q=&annex=&status=&limit=&offset=&sort=&dir=` → `{items,total}`.
 * Import: `POST /api/v1/concepts/import` (multipart `file` + field `kind`) → `ZConceptImportSummary`
 * (HTTP 200 when saved, 422 when the file has error rows and nothing was saved).
 */
export const CONCEPT_KINDS = ['ordinary', 'extraordinary'] as const
export const ZConceptKind = z.enum(CONCEPT_KINDS)
export type TConceptKind = z.infer<typeof ZConceptKind>

/** What a workbook holds: the contract price schedule (ordinary concepts) or the PUE workbook. */
export const CONCEPT_IMPORT_KINDS = ['contract', 'extraordinary'] as const
export const ZConceptImportKind = z.enum(CONCEPT_IMPORT_KINDS)
export type TConceptImportKind = z.infer<typeof ZConceptImportKind>

/** Status of an extraordinary concept (PUE): `EN ELABORACION`, `AUTORIZADO`, `CANCELADA`. */
export const PUE_STATUSES = ['in_preparation', 'authorized', 'cancelled'] as const
export const ZPueStatus = z.enum(PUE_STATUSES)
export type TPueStatus = z.infer<typeof ZPueStatus>

export const CONCEPT_SORTS = [
  'code',
  'annex',
  'description',
  'unit',
  'quantity',
  'unitPriceMxn',
  'unitPriceUsd',
  'status',
  'sanctionDate',
  'updatedAt',
] as const
export type TConceptSort = (typeof CONCEPT_SORTS)[number]

/** A sub-annex key (`C-2`, `C-4-1`); compared after normalisation (`c 4-1` = `C-4-1`). */
const annexParam = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9 .-]*$/, 'Clave de anexo no válida')

export const ZConceptListQuery = ZPagination.extend({
  kind: ZConceptKind.optional(),
  /** code, description, sub-annex, unit, PTE / OT folio; case and accents do not count */
  q: z.string().trim().max(200).optional(),
  annex: annexParam.optional(),
  status: ZPueStatus.optional(),
  sort: z.enum(CONCEPT_SORTS).default('code'),
  dir: z.enum(['asc', 'desc']).default('asc'),
})
export type TConceptListQuery = z.infer<typeof ZConceptListQuery>
/** An export of the list (a job, docs/jobs.md): the list's filters and order, without pagination. */
export const ZConceptExportRequest = ZConceptListQuery.omit({ limit: true, offset: true })
export type TConceptExportRequest = z.infer<typeof ZConceptExportRequest>

const decimal = z.string()

export const ZConcept = z.object({
  id: z.uuid(),
  kind: ZConceptKind,
  /** the sub-annex: of an ordinary concept; of a PUE, the one it was converted into (null otherwise) */
  annex: z.string().nullable(),
  /** as the file shows it (`2.1.`, `4.7`, `C3EXT-0977`) */
  code: z.string(),
  /** as compared: no white space, upper case, no trailing dots (`2.1`) */
  codeKey: z.string(),
  description: z.string(),
  /** unit as shown (`DÍA`), the unit of the units catalog it resolves to */
  unit: z.string(),
  unitId: z.uuid().nullable(),
  /** reference quantity and unit prices, exact decimal strings */
  quantity: decimal,
  unitPriceMxn: decimal,
  unitPriceUsd: decimal,
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  classification: z.string().nullable(),
  /** 1, or n for the n-th repetition of the same line in one sub-annex (see docs/imports.md) */
  occurrence: z.number().int(),
  // extraordinary concepts (PUE) only; null for ordinary ones
  status: ZPueStatus.nullable(),
  proposalNumber: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  sanctionDate: z.string().nullable(),
  /** a PUE converted to an ordinary concept: its ordinary code (its sub-annex is `annex`) */
  convertedCode: z.string().nullable(),
  comment: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TConcept = z.infer<typeof ZConcept>
export const ZConceptList = listOf(ZConcept)
export type TConceptList = z.infer<typeof ZConceptList>

export const ZConceptFacetsQuery = z.object({ kind: ZConceptKind.optional() })
export const ZConceptFacets = z.object({
  counts: z.object({ ordinary: z.number().int(), extraordinary: z.number().int() }),
  /** sub-annexes in natural order (`C-2` … `C-10`), with their number of concepts */
  annexes: z.array(z.object({ annex: z.string(), concepts: z.number().int() })),
})
export type TConceptFacets = z.infer<typeof ZConceptFacets>

/** One bad row of an import: where it is, which field, why; `values` are the row's cells as text. */
export const ZConceptImportError = z.object({
  sheet: z.string(),
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  values: z.record(z.string(), z.string().nullable()).optional(),
})
export type TConceptImportError = z.infer<typeof ZConceptImportError>

export const ZConceptImportNote = z.object({ sheet: z.string(), row: z.number().int(), message: z.string() })

export const ZConceptImportSummary = z.object({
  kind: ZConceptImportKind,
  fileName: z.string(),
  /** `saved`: the catalog now matches the file; `rejected`: error rows, nothing was saved */
  status: z.enum(['saved', 'rejected']),
  /** concept rows read from the file (when saved: created + updated + unchanged) */
  concepts: z.number().int(),
  /** concept rows without a problem (when saved: every concept; when rejected: the rows that were fine) */
  validRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** rows that are not concepts (titles, headers, section headings, TOTAL, signatures) */
  skipped: z.number().int(),
  skippedByReason: z.record(z.string(), z.number().int()),
  /** concepts of this kind in the catalog that the file does not contain (kept as they are) */
  notInFile: z.number().int(),
  errors: z.array(ZConceptImportError),
  /** things worth knowing that are not errors (a line repeated within a sub-annex, text cleaned) */
  notes: z.array(ZConceptImportNote),
  /** control characters dropped from the file's text (Excel's `_x0002_` and the like); rows kept, one note each */
  controlCharactersRemoved: z.number().int(),
  /** concepts per sub-annex in the file */
  annexes: z.array(z.object({ annex: z.string(), concepts: z.number().int() })),
  durationMs: z.number().int(),
})
export type TConceptImportSummary = z.infer<typeof ZConceptImportSummary>
