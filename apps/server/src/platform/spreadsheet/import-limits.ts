import { z } from 'zod'
import { AppError } from '../errors'

/**
 * The bounds of every uploaded workbook and XML document, in one place (docs/imports.md, "Limits").
 * The spreadsheet reader checks them while it streams and stops as soon as one is passed, with 413 naming
 * the limit and the sheet; nothing is loaded whole. Defaults leave 2× room over the largest real imports
 * (50,000-row catalogs of 19 columns); the `FAENA_IMPORT_*` variables change the main ones.
 */
export type ImportLimits = {
  /** entries in the zip (an .xlsx has a few dozen) */
  maxEntries: number
  /** uncompressed bytes of one worksheet or of the shared strings */
  maxPartBytes: number
  /** uncompressed bytes of the small parts (workbook, relationships, styles) */
  maxMetadataBytes: number
  /** uncompressed bytes of every part read from one workbook, together */
  maxTotalBytes: number
  /** rows holding a value, over every sheet read */
  maxRows: number
  /** the last column holding a value, in any row */
  maxColumns: number
  /** cells over every sheet read, each row counting up to its last column with a value */
  maxCells: number
  /** entries of the shared-strings table */
  maxSharedStrings: number
  /** characters between two pieces of markup (an Excel cell holds at most 32,767) */
  maxTextLength: number
  /** nesting of XML elements (a worksheet needs 6) */
  maxDepth: number
  /** elements the tree of an XML document read whole gets (MS Project XML; ~350 bytes each) */
  maxElements: number
}

const MB = 1024 * 1024

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxEntries: 10_000,
  maxPartBytes: 100 * MB,
  maxMetadataBytes: 16 * MB,
  maxTotalBytes: 200 * MB,
  maxRows: 100_000,
  maxColumns: 256,
  maxCells: 3_000_000,
  maxSharedStrings: 1_000_000,
  maxTextLength: 1_000_000,
  maxDepth: 64,
  maxElements: 1_000_000,
})

const count = z.coerce.number().int().positive().optional()
const ZLimitsEnv = z.object({
  FAENA_IMPORT_MAX_ROWS: count,
  FAENA_IMPORT_MAX_COLUMNS: count,
  FAENA_IMPORT_MAX_CELLS: count,
  FAENA_IMPORT_MAX_PART_MB: z.coerce.number().positive().max(4096).optional(),
  FAENA_IMPORT_MAX_TOTAL_MB: z.coerce.number().positive().max(8192).optional(),
})

/** The limits with the `FAENA_IMPORT_*` variables of `env` applied (a bad value is a start-up error). */
export function importLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const parsed = ZLimitsEnv.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const d = DEFAULT_IMPORT_LIMITS
  return {
    ...d,
    maxRows: e.FAENA_IMPORT_MAX_ROWS ?? d.maxRows,
    maxColumns: e.FAENA_IMPORT_MAX_COLUMNS ?? d.maxColumns,
    maxCells: e.FAENA_IMPORT_MAX_CELLS ?? d.maxCells,
    maxPartBytes: e.FAENA_IMPORT_MAX_PART_MB ? Math.round(e.FAENA_IMPORT_MAX_PART_MB * MB) : d.maxPartBytes,
    maxTotalBytes: e.FAENA_IMPORT_MAX_TOTAL_MB
      ? Math.round(e.FAENA_IMPORT_MAX_TOTAL_MB * MB)
      : d.maxTotalBytes,
  }
}

let current: ImportLimits | undefined
/** The limits of this process (environment read once). */
export function importLimits(): ImportLimits {
  current ??= importLimitsFromEnv()
  return current
}

export type ImportLimitName =
  | 'entries'
  | 'partBytes'
  | 'totalBytes'
  | 'rows'
  | 'columns'
  | 'cells'
  | 'sharedStrings'
  | 'textLength'
  | 'depth'
  | 'elements'

/** A bound passed: 413 with the limit, its value and where (sheet or part), in Spanish and English. */
export class ImportLimitError extends AppError {
  constructor(
    readonly limit: ImportLimitName,
    readonly max: number,
    readonly where: string | null,
    es: string,
    en: string,
  ) {
    super('PAYLOAD_TOO_LARGE', es, [
      { path: 'file', message: en, limit, max, ...(where === null ? {} : { where }) },
    ])
    this.name = 'ImportLimitError'
  }
}

const n = (v: number, locale: string) => v.toLocaleString(locale)
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10

/**
 * Where the limit was passed, for the messages: a sheet (`{ sheet }`) or a part of the file (`{ part }`,
 * e.g. `xl/sharedStrings.xml`), or the file as a whole.
 */
export type LimitPlace = { sheet: string } | { part: string } | null

const place = (p: LimitPlace) =>
  p === null
    ? { es: 'El archivo', en: 'The file', where: null }
    : 'sheet' in p
      ? { es: `La hoja «${p.sheet}»`, en: `Sheet "${p.sheet}"`, where: p.sheet }
      : { es: `La parte ${p.part} del archivo`, en: `Part ${p.part} of the file`, where: p.part }

/** The error for a limit passed at `at`; `row` names the row for per-row limits. */
export function limitError(
  limit: ImportLimitName,
  max: number,
  at: LimitPlace,
  row?: number,
): ImportLimitError {
  const p = place(at)
  const es = (tail: string) => `${p.es} ${tail}`
  const en = (tail: string) => `${p.en} ${tail}`
  const split = {
    es: ' Divide el archivo o quita lo que sobra.',
    en: ' Split the file or remove what is not needed.',
  }
  switch (limit) {
    case 'entries':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`tiene más de ${n(max, 'es-MX')} partes (límite por archivo).`),
        en(`has more than ${n(max, 'en-US')} parts (limit per file).`),
      )
    case 'partBytes':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`ocupa más de ${mb(max)} MB sin comprimir (límite por hoja o parte).${split.es}`),
        en(`takes more than ${mb(max)} MB uncompressed (limit per sheet or part).${split.en}`),
      )
    case 'totalBytes':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        `El libro ocupa más de ${mb(max)} MB sin comprimir (límite por importación); se pasó al leer ${lower(p.es)}.${split.es}`,
        `The workbook takes more than ${mb(max)} MB uncompressed (limit per import); passed while reading ${lower(p.en)}.${split.en}`,
      )
    case 'rows':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`lleva el libro a más de ${n(max, 'es-MX')} filas con datos (límite por importación).${split.es}`),
        en(`takes the workbook past ${n(max, 'en-US')} rows with data (limit per import).${split.en}`),
      )
    case 'columns':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(
          `tiene datos en la fila ${row ?? '?'} más allá de la columna ${n(max, 'es-MX')} (límite de columnas).`,
        ),
        en(`has data in row ${row ?? '?'} beyond column ${n(max, 'en-US')} (column limit).`),
      )
    case 'cells':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`lleva el libro a más de ${n(max, 'es-MX')} celdas (límite por importación).${split.es}`),
        en(`takes the workbook past ${n(max, 'en-US')} cells (limit per import).${split.en}`),
      )
    case 'sharedStrings':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`tiene más de ${n(max, 'es-MX')} textos compartidos (límite por importación).${split.es}`),
        en(`has more than ${n(max, 'en-US')} shared strings (limit per import).${split.en}`),
      )
    case 'textLength':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`tiene un texto de más de ${n(max, 'es-MX')} caracteres (límite por texto).`),
        en(`has a text longer than ${n(max, 'en-US')} characters (limit per text).`),
      )
    case 'depth':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`anida elementos XML a más de ${n(max, 'es-MX')} niveles (límite de anidamiento).`),
        en(`nests XML elements more than ${n(max, 'en-US')} levels deep (nesting limit).`),
      )
    case 'elements':
      return new ImportLimitError(
        limit,
        max,
        p.where,
        es(`tiene más de ${n(max, 'es-MX')} elementos XML (límite por archivo).${split.es}`),
        en(`has more than ${n(max, 'en-US')} XML elements (limit per file).${split.en}`),
      )
  }
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
