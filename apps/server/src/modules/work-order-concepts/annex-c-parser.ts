import Decimal from 'decimal.js'
import {
  controlCharactersWarning,
  ImportLimitError,
  readRows,
  type CellValue,
  type SheetRow,
} from '../../platform/spreadsheet/read-workbook'
import { normalizeUnitKey } from '../catalogs'

/** Exact arithmetic: 40 significant digits, far above numeric(25,6) sums and products; nothing here rounds. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

/**
 * The per-work-order Anexo C workbook (docs/work-order-concepts.md#reading-the-workbook): locate the table, classify its columns, normalise
 * every row and check it against the concept catalog; all-or-nothing. Pure apart from reading the bytes;
 * the catalog is injected (`createAnnexCCatalog` builds one from plain lists the service loads).
 *
 * Deliberate differences from the system we replace (each one fixes a defect or a silent data loss):
 * - `P.U. USD` and `P.U.USD` are both recognised (the old screen advertised the second, read only the first);
 *   headers compare with white space collapsed.
 * - Codes compare without white space and trailing dots (`2.1.` = `2.1` = the number 2.1); descriptions
 *   compare ignoring case, accents and white-space runs; units by `normalizeUnitKey` (case, accents, spaces).
 * - Numbers: `$`, spaces and thousands commas are removed and `-`/empty mean 0, as before, but a value that
 *   is still not a number (`abc`, `1,5`, `1.234,50`) or is negative rejects the row with a reason instead of
 *   silently becoming 0.
 * - When several catalog concepts share (code, description, unit), the one of the row's ANEXO wins; if that
 *   still leaves concepts with different prices the row is rejected ("Posible duplicidad en catálogo.").
 * - A header cell that is a formula returning a date arrives as an Excel serial number: integers between
 *   36 526 and 73 050 (years 2000–2099) in the header row are read as dates too.
 */

// ---------------------------------------------------------------- catalog (injected)

export type CatalogUnit = { id: string; key: string; description: string | null }
export type CatalogConcept = {
  id: string
  /** ordinary code, or the extraordinary code when the concept has no ordinary one */
  code: string
  description: string
  unitId: string
  /** sub-annex key (`C-2`, `C3EXT`…) or null */
  annex: string | null
  priceMxn: string
  priceUsd: string
}
export type ConceptMatch = { ok: true; concept: CatalogConcept } | { ok: false; reasons: string[] }

/** What the parser asks of the catalog. */
export interface AnnexCCatalog {
  /** unit by its key or its description (normalised) */
  findUnit(raw: string): CatalogUnit | undefined
  /** the concept (code, description, unit) of a row, or the reasons why there is none (docs/imports.md#matching-rows-against-the-catalog) */
  matchConcept(row: {
    code: string
    description: string
    unit: CatalogUnit
    unitRaw: string
    annex: string
  }): ConceptMatch
}

/**
 * In-memory catalog over every unit (active or not) and every ACTIVE concept, as the old import had it
 * (docs/work-order-concepts.md#catalog-checks).
 * Units are found by normalised key first, then by normalised description.
 */
export function createAnnexCCatalog(input: {
  units: CatalogUnit[]
  concepts: CatalogConcept[]
}): AnnexCCatalog {
  const unitByKey = new Map<string, CatalogUnit>()
  for (const u of input.units)
    if (!unitByKey.has(normalizeUnitKey(u.key))) unitByKey.set(normalizeUnitKey(u.key), u)
  for (const u of input.units) {
    const k = u.description ? normalizeUnitKey(u.description) : ''
    if (k !== '' && !unitByKey.has(k)) unitByKey.set(k, u)
  }
  const unitById = new Map(input.units.map((u) => [u.id, u]))
  const byIdentity = new Map<string, CatalogConcept[]>()
  const byCode = new Map<string, CatalogConcept[]>()
  const descriptions = new Set<string>()
  for (const c of input.concepts) {
    push(byIdentity, identity(c.code, c.description, c.unitId), c)
    push(byCode, compareCode(c.code), c)
    descriptions.add(foldText(c.description))
  }
  return {
    findUnit(raw) {
      const k = normalizeUnitKey(raw)
      return k === '' ? undefined : unitByKey.get(k)
    },
    matchConcept({ code, description, unit, unitRaw, annex }) {
      let candidates = byIdentity.get(identity(code, description, unit.id)) ?? []
      if (candidates.length > 0) {
        if (candidates.length > 1) {
          const sameAnnex = candidates.filter(
            (c) => c.annex !== null && normalizeAnnex(c.annex) === normalizeAnnex(annex),
          )
          if (sameAnnex.length > 0) candidates = sameAnnex
        }
        const first = candidates[0]!
        const samePrices = candidates.every(
          (c) => decimalEq(c.priceMxn, first.priceMxn) && decimalEq(c.priceUsd, first.priceUsd),
        )
        return samePrices
          ? { ok: true, concept: first }
          : { ok: false, reasons: ['Posible duplicidad en catálogo.'] }
      }
      const sameCode = byCode.get(compareCode(code))
      if (sameCode) {
        const desc = foldText(description)
        const sameDescription = sameCode.find((c) => foldText(c.description) === desc)
        const unitDiff = (c: CatalogConcept) =>
          `UNIDAD DIFERENTE. Excel: '${unitRaw}' vs Catálogo: '${unitById.get(c.unitId)?.key ?? '?'}'`
        if (sameDescription) return { ok: false, reasons: [unitDiff(sameDescription)] }
        const reasons = ['DESCRIPCIÓN DIFERENTE.']
        if (!sameCode.some((c) => c.unitId === unit.id)) reasons.push(unitDiff(sameCode[0]!))
        return { ok: false, reasons }
      }
      if (descriptions.has(foldText(description)))
        return { ok: false, reasons: [`CÓDIGO INCORRECTO. Partida '${code}' no existe.`] }
      return { ok: false, reasons: ['NO ENCONTRADO en catálogo.'] }
    },
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function identity(code: string, description: string, unitId: string): string {
  return [compareCode(code), foldText(description), unitId].join('\u001f')
}

function decimalEq(a: string, b: string): boolean {
  try {
    return new D(a || 0).eq(b || 0)
  } catch {
    return a === b
  }
}

// ---------------------------------------------------------------- normalisation

/**
 * Cell text (docs/work-order-concepts.md#text-and-numbers): empty → "", upper case, CR/LF/TAB and other white space → one space, trimmed,
 * literal NAN/NONE → "". Numbers as Excel shows them (`4.4` → "4.4"); dates as YYYY-MM-DD.
 */
export function normalizeAnnexText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return ''
  let s: string
  if (typeof cell === 'number') s = Number.isFinite(cell) ? excelNumberText(cell) : ''
  else if (typeof cell === 'boolean') s = cell ? 'TRUE' : 'FALSE'
  else if (cell instanceof Date) s = Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  else s = cell
  s = s
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, ' ')
    .trim()
    .toUpperCase()
  return s === 'NAN' || s === 'NONE' ? '' : s
}

/** Codes compare without white space, upper case, without trailing dots: `' 2.1. '` = `'2.1'` = 2.1. */
export function compareCode(code: string): string {
  return code
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, '')
    .toUpperCase()
    .replace(/\.+$/u, '')
}

/** Case, accents and white-space runs do not count. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\u200B\uFEFF]+/gu, ' ')
    .trim()
    .toUpperCase()
}

/** `'C-2'`, `'c 4-1'`, `'C-007.'` → `'C-2'`, `'C-4-1'`, `'C-7'`; other shapes upper case without spaces or trailing dots. */
export function normalizeAnnex(annex: string): string {
  const compact = annex.normalize('NFC').toUpperCase().replace(/\s+/gu, '').replace(/\.+$/u, '')
  const m = /^C-?(\d+)(?:-(\d+))?$/u.exec(compact)
  if (!m) return compact
  return m[2] === undefined ? `C-${Number(m[1])}` : `C-${Number(m[1])}-${Number(m[2])}`
}

/** The decimal text of an Excel number: 15 significant digits, plain notation (`897810.7999999999` → `897810.8`). */
export function excelNumberText(n: number): string {
  if (n === 0) return '0'
  return new D(n.toPrecision(15)).toFixed()
}

export type NumberCell = { ok: true; value: string } | { ok: false; problem: 'not-a-number' | 'negative' }

const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/u
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u

/**
 * Cell number (docs/work-order-concepts.md#text-and-numbers): empty, NaN, `-` → 0; `$`, spaces and thousands commas removed (`'$ 1,234.50'` → 1234.5).
 * Refused (instead of becoming 0): text that is still not a number (`'abc'`, `'1,5'`, `'1.234,50'`),
 * negative values, dates and booleans.
 */
export function parseAnnexNumber(cell: CellValue | undefined): NumberCell {
  if (cell === null || cell === undefined) return { ok: true, value: '0' }
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return { ok: true, value: '0' }
    if (!Number.isFinite(cell)) return { ok: false, problem: 'not-a-number' }
    if (cell < 0) return { ok: false, problem: 'negative' }
    return { ok: true, value: excelNumberText(cell) }
  }
  if (typeof cell !== 'string') return { ok: false, problem: 'not-a-number' }
  let s = cell.normalize('NFC').replace(/[\s\u200B\uFEFF$]+/gu, '')
  if (s === '' || s === '-' || s.toUpperCase() === 'NAN') return { ok: true, value: '0' }
  let negative = false
  if (s.startsWith('-') || /^\(.*\)$/u.test(s)) {
    negative = true
    s = s.replace(/^-|^\(|\)$/gu, '')
  }
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false, problem: 'not-a-number' }
  const value = new D(s.replace(/,/gu, ''))
  if (value.isZero()) return { ok: true, value: '0' }
  if (negative) return { ok: false, problem: 'negative' }
  return { ok: true, value: value.toFixed() }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000
const SERIAL_MIN = 36_526 // 2000-01-01
const SERIAL_MAX = 73_050 // 2099-12-31

const MONTHS: Record<string, number> = {
  ene: 1,
  enero: 1,
  jan: 1,
  january: 1,
  feb: 2,
  febrero: 2,
  february: 2,
  mar: 3,
  marzo: 3,
  march: 3,
  abr: 4,
  abril: 4,
  apr: 4,
  april: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  june: 6,
  jul: 7,
  julio: 7,
  july: 7,
  ago: 8,
  agosto: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  oct: 10,
  octubre: 10,
  october: 10,
  nov: 11,
  noviembre: 11,
  november: 11,
  dic: 12,
  diciembre: 12,
  dec: 12,
  december: 12,
}

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null
  return t.toISOString().slice(0, 10)
}

/**
 * The calendar date (YYYY-MM-DD) a header cell stands for, or null when it is not a date: Excel dates (UTC
 * calendar day, rounded to the nearest minute), serial numbers of years 2000–2099, and texts read day first —
 * `01/03/2025`, `1-3-25`, `01.03.2025`, `2025-03-01`, `1-mar-2025`, `01 marzo 2025` (optionally followed by
 * `00:00[:00]`).
 */
export function headerDate(cell: CellValue | undefined): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    return new Date(Math.round(cell.getTime() / 60_000) * 60_000).toISOString().slice(0, 10)
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return null
    return new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10)
  }
  if (typeof cell !== 'string') return null
  const s = cell
    .trim()
    .replace(/[T ]00:00(:00(\.0+)?)?$/u, '')
    .toLowerCase()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(s)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/u.exec(s)
  if (m) return isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2})[\s/.-]*(?:de\s+)?([a-záéíóú]+)\.?[\s/.-]*(?:de\s+)?(\d{2}|\d{4})$/u.exec(s)
  if (m) {
    const month = MONTHS[m[2]!.normalize('NFD').replace(/\p{M}/gu, '')]
    return month ? isoDate(fullYear(m[3]!), month, Number(m[1])) : null
  }
  return null
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y)
}

/** Header text as compared: trimmed, upper case, white space collapsed. */
export function headerText(cell: CellValue | undefined): string {
  return normalizeAnnexText(typeof cell === 'string' || typeof cell === 'number' ? cell : null)
}

// ---------------------------------------------------------------- table location and column roles

export type ColumnRole =
  | 'annex'
  | 'code'
  | 'description'
  | 'unit'
  | 'volume'
  | 'priceMxn'
  | 'priceUsd'
  | 'ok'
  | 'date'
  | 'other'
  | 'unnamed'

export type AnnexCColumn = {
  /** 0-based; cells[index] */
  index: number
  /** the header cell as the file has it (text, or a Date for date headers) */
  raw: CellValue
  /** header text as compared (`VOLUMEN PTE`), or the date as DD/MM/YYYY for date columns; '' when empty */
  label: string
  role: ColumnRole
  /** YYYY-MM-DD for date columns */
  date: string | null
}

const REQUIRED_LABELS: [ColumnRole, string][] = [
  ['code', 'PARTIDA'],
  ['description', 'CONCEPTO'],
  ['unit', 'UNIDAD'],
  ['volume', 'VOLUMEN PTE'],
]

function roleOf(label: string): ColumnRole {
  const compact = label.replace(/\s+/gu, '')
  if (label === 'ANEXO') return 'annex'
  if (label === 'PARTIDA') return 'code'
  if (label === 'CONCEPTO') return 'description'
  if (label === 'UNIDAD') return 'unit'
  if (label === 'VOLUMEN PTE') return 'volume'
  if (compact === 'P.U.M.N.') return 'priceMxn'
  if (compact === 'P.U.USD') return 'priceUsd'
  if (label === 'OK') return 'ok'
  return label === '' ? 'unnamed' : 'other'
}

/**
 * A row is the header when its texts include PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE and P.U. M.N.
 * (docs/work-order-concepts.md#locating-the-table).
 */
export function isHeaderRow(cells: CellValue[]): boolean {
  const roles = new Set(cells.map((c) => roleOf(headerText(c))))
  return REQUIRED_LABELS.every(([role]) => roles.has(role)) && roles.has('priceMxn')
}

/** Column roles of the header row (docs/work-order-concepts.md#columns); for repeated headers the first column wins. */
export function classifyColumns(cells: CellValue[]): AnnexCColumn[] {
  const taken = new Set<ColumnRole>()
  return cells.map((raw, index) => {
    const date = headerDate(raw)
    if (date !== null)
      return {
        index,
        raw,
        label: `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`,
        role: 'date' as const,
        date,
      }
    const label = headerText(raw)
    let role = roleOf(label)
    if (role !== 'other' && role !== 'unnamed') {
      if (taken.has(role)) role = 'other'
      taken.add(role)
    }
    return { index, raw, label, role, date: null }
  })
}

/** Sheets whose name contains ANEXO C or RECURSOS PROGRAMADOS are tried first (docs/work-order-concepts.md#locating-the-table). */
export function isPreferredSheet(name: string): boolean {
  const n = name.toUpperCase()
  return n.includes('ANEXO C') || n.includes('RECURSOS PROGRAMADOS')
}

export const HEADER_SCAN_ROWS = 100

export type AnnexCTable = {
  sheet: string
  headerRowNumber: number
  headerCells: CellValue[]
  /** data rows after the header (empty rows are not included) */
  rows: SheetRow[]
}

export type AnnexCFileErrorCode =
  'NOT_XLSX' | 'NO_TABLE' | 'MISSING_ANEXO' | 'MISSING_COLUMNS' | 'NO_VALID_ROWS' | 'TOO_MANY_ROWS'
export type AnnexCFileError = { ok: false; kind: 'file'; code: AnnexCFileErrorCode; message: string }

const fileError = (code: AnnexCFileErrorCode, message: string): AnnexCFileError => ({
  ok: false,
  kind: 'file',
  code,
  message,
})

export const DEFAULT_MAX_DATA_ROWS = 20_000

/**
 * Streams the workbook once and returns the table: the header row (first row among the first 100 of a sheet
 * that qualifies) of the first preferred sheet that has one, else of the first sheet that has one, with the
 * rows below it. Sheets come in the order the workbook stores them.
 */
export async function locateAnnexCTable(
  bytes: Buffer,
  options: { maxDataRows?: number } = {},
): Promise<{ ok: true; table: AnnexCTable } | AnnexCFileError> {
  const maxDataRows = options.maxDataRows ?? DEFAULT_MAX_DATA_ROWS
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return fileError(
      'NOT_XLSX',
      'El archivo es un libro de Excel 97-2003 (.xls). Guárdalo como .xlsx y vuelve a subirlo.',
    )
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return fileError('NOT_XLSX', 'El archivo no es un libro de Excel (.xlsx o .xlsm).')
  }
  type Candidate = AnnexCTable & { preferred: boolean; tooMany: boolean }
  const sheets: string[] = []
  const candidates: Candidate[] = []
  type SheetState = { name: string; candidate: Candidate | null; buffering: boolean }
  let current = null as SheetState | null
  const wanted = (preferred: boolean) =>
    preferred ? !candidates.some((c) => c.preferred) : candidates.length === 0
  try {
    for await (const row of readRows(bytes, { sheets: (name) => (sheets.push(name), true) })) {
      // (no early exit once a preferred table is complete: stopping the reader midway leaves its temporary files behind)
      if (current?.name !== row.sheet) current = { name: row.sheet, candidate: null, buffering: false }
      if (current.candidate === null) {
        if (row.rowNumber > HEADER_SCAN_ROWS || !wanted(isPreferredSheet(row.sheet))) continue
        if (isHeaderRow(row.cells)) {
          const candidate: Candidate = {
            sheet: row.sheet,
            headerRowNumber: row.rowNumber,
            headerCells: row.cells,
            rows: [],
            preferred: isPreferredSheet(row.sheet),
            tooMany: false,
          }
          candidates.push(candidate)
          current.candidate = candidate
          current.buffering = true
        }
        continue
      }
      if (!current.buffering) continue
      if (current.candidate.rows.length >= maxDataRows) {
        current.candidate.tooMany = true
        current.buffering = false
        continue
      }
      const { rowNumber, cells, controlCharacters } = row
      current.candidate.rows.push(
        controlCharacters ? { rowNumber, cells, controlCharacters } : { rowNumber, cells },
      )
    }
  } catch (err) {
    if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
    return fileError('NOT_XLSX', 'El archivo no se pudo leer como libro de Excel (.xlsx o .xlsm).')
  }
  const chosen = candidates.find((c) => c.preferred) ?? candidates[0]
  if (!chosen) {
    const examined = [...sheets.filter(isPreferredSheet), ...sheets.filter((s) => !isPreferredSheet(s))]
    const checked = examined.map((s) => `[${s}]: Sin cabeceras completas.`).join(', ')
    return fileError(
      'NO_TABLE',
      `No se encontró tabla válida con columna PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. Revisado: ${checked || 'el libro no tiene hojas con datos.'}`,
    )
  }
  if (chosen.tooMany) {
    return fileError(
      'TOO_MANY_ROWS',
      `La hoja "${chosen.sheet}" tiene más de ${maxDataRows} filas de datos; divide el archivo.`,
    )
  }
  const { sheet, headerRowNumber, headerCells, rows } = chosen
  return { ok: true, table: { sheet, headerRowNumber, headerCells, rows } }
}

// ---------------------------------------------------------------- rows

export type ConceptRef = { id: string; code: string; description: string; annex: string | null }

export type AnnexCRow = {
  /** row number in the sheet (1-based) */
  rowNumber: number
  /** position below the header (`orden_fila`): rowNumber − header row; skipped and blank rows count */
  position: number
  /** normalised ANEXO, or `S/A` */
  annex: string
  /** normalised (upper case, collapsed) as the file has it */
  code: string
  description: string
  /** the unit text as the file has it, trimmed */
  unitRaw: string
  /** the catalog unit */
  unitId: string
  unitKey: string
  /** VOLUMEN PTE */
  authorizedVolume: string
  /** the catalog price when > 0, else the file's */
  unitPriceMxn: string
  unitPriceUsd: string
  priceSource: { mxn: 'catalog' | 'file'; usd: 'catalog' | 'file' }
  /** positive values of the date columns; a date repeated in two columns is summed */
  plannedByDay: Record<string, string>
  /** present (true) only when the file has an OK column */
  ok?: boolean
  conceptRef: ConceptRef
}

export type AnnexCBadRow = {
  rowNumber: number
  /** every cell of the row, aligned with `columns` (cells[i] is column i) */
  values: CellValue[]
  /** Spanish, one per problem */
  reasons: string[]
}

export type AnnexCSkipped = {
  notOk: number
  withoutUnit: number
  withoutCodeOrDescription: number
  repeatedHeader: number
}

export type AnnexCParsed = {
  ok: true
  sheet: string
  headerRowNumber: number
  columns: AnnexCColumn[]
  hasOkColumn: boolean
  /** dates of the schedule columns, ascending, without repeats */
  scheduleDates: string[]
  rows: AnnexCRow[]
  skipped: AnnexCSkipped
  warnings: string[]
  /** control characters dropped from the table's text while reading (rows kept, a warning each) */
  controlCharacters: number
}

export type AnnexCRejected = {
  ok: false
  kind: 'rows'
  sheet: string
  headerRowNumber: number
  columns: AnnexCColumn[]
  badRows: AnnexCBadRow[]
  /** rows that were fine (nothing is imported anyway) */
  validRowCount: number
}

export type AnnexCParseResult = AnnexCParsed | AnnexCRejected | AnnexCFileError

export type ParseAnnexCOptions = { catalog: AnnexCCatalog; maxDataRows?: number }

/** Reads and checks a per-OT Anexo C workbook. Never throws for bad input; the result says what is wrong. */
export async function parseAnnexC(bytes: Buffer, options: ParseAnnexCOptions): Promise<AnnexCParseResult> {
  const located = await locateAnnexCTable(bytes, { maxDataRows: options.maxDataRows })
  if (!located.ok) return located
  return interpretAnnexCTable(located.table, options.catalog)
}

const SKIP_UNITS = new Set(['', '-', '.', 'NAN'])

/** Columns, rows, catalog checks and the all-or-nothing verdict on a located table. Pure. */
export function interpretAnnexCTable(
  table: AnnexCTable,
  catalog: AnnexCCatalog,
): AnnexCParsed | AnnexCRejected | AnnexCFileError {
  const columns = classifyColumns(table.headerCells)
  const col = (role: ColumnRole) => columns.find((c) => c.role === role)
  const annexCol = col('annex')
  if (!annexCol) return fileError('MISSING_ANEXO', 'Falta la columna obligatoria: ANEXO')
  const missing = REQUIRED_LABELS.filter(([role]) => !col(role)).map(([, label]) => label)
  if (missing.length > 0)
    return fileError('MISSING_COLUMNS', `Faltan columnas: [${missing.map((m) => `'${m}'`).join(', ')}]`)
  const priceMxnCol = col('priceMxn')
  if (!priceMxnCol) return fileError('MISSING_COLUMNS', 'Falta columna P.U. M.N.')
  const codeCol = col('code')!
  const descriptionCol = col('description')!
  const unitCol = col('unit')!
  const volumeCol = col('volume')!
  const priceUsdCol = col('priceUsd')
  const okCol = col('ok')
  const dateCols = columns.filter((c) => c.role === 'date')

  const rows: AnnexCRow[] = []
  const badRows: AnnexCBadRow[] = []
  const skipped: AnnexCSkipped = { notOk: 0, withoutUnit: 0, withoutCodeOrDescription: 0, repeatedHeader: 0 }
  // text cleaned while reading (Excel's `_x0002_` and the like): the rows stay, each with a warning
  const warnings: string[] = table.rows.flatMap((r) =>
    r.controlCharacters ? [`Fila ${r.rowNumber}: ${controlCharactersWarning(r.controlCharacters)}`] : [],
  )
  const seen = new Map<string, number>()
  let okRows = 0

  for (const { rowNumber, cells } of table.rows) {
    const cell = (c: AnnexCColumn) => cells[c.index] ?? null
    // the header repeated further down (a table pasted twice, a print-title row)
    if (isHeaderRow(cells)) {
      skipped.repeatedHeader++
      continue
    }
    const annex = normalizeAnnexText(cell(annexCol)) || 'S/A'
    if (okCol && normalizeAnnexText(cell(okCol)) !== 'OK') {
      skipped.notOk++
      continue
    }
    okRows++
    const unitText = normalizeAnnexText(cell(unitCol))
    if (SKIP_UNITS.has(unitText)) {
      skipped.withoutUnit++
      continue
    }
    const code = normalizeAnnexText(cell(codeCol))
    const description = normalizeAnnexText(cell(descriptionCol))
    if (code === '' || description === '') {
      skipped.withoutCodeOrDescription++
      continue
    }
    const rawUnit = cell(unitCol)
    const unitRaw = typeof rawUnit === 'string' ? rawUnit.trim() : normalizeAnnexText(rawUnit)
    const reasons: string[] = []

    const number = (c: AnnexCColumn, name: string): string => {
      const parsed = parseAnnexNumber(cell(c))
      if (parsed.ok) return parsed.value
      const shown = displayCell(cell(c))
      reasons.push(
        parsed.problem === 'negative'
          ? `Valor negativo en ${name}: '${shown}'.`
          : `Valor no numérico en ${name}: '${shown}'.`,
      )
      return '0'
    }
    const volume = number(volumeCol, 'VOLUMEN PTE')
    const filePriceMxn = number(priceMxnCol, 'P.U. M.N.')
    const filePriceUsd = priceUsdCol ? number(priceUsdCol, 'P.U. USD') : '0'
    const plannedByDay: Record<string, string> = {}
    for (const c of dateCols) {
      const v = number(c, `la columna ${c.label}`)
      if (new D(v).gt(0))
        plannedByDay[c.date!] = plannedByDay[c.date!] ? new D(plannedByDay[c.date!]!).plus(v).toFixed() : v
    }

    const unit = catalog.findUnit(unitRaw)
    let match: ConceptMatch | null = null
    if (!unit) reasons.unshift(`Unidad '${unitRaw}' no existe en el sistema.`)
    else {
      match = catalog.matchConcept({ code, description, unit, unitRaw, annex })
      if (!match.ok) reasons.unshift(...match.reasons)
    }
    if (reasons.length > 0 || !unit || !match?.ok) {
      badRows.push({ rowNumber, values: cells, reasons })
      continue
    }
    const concept = match.concept
    const useCatalog = (price: string) => {
      try {
        return new D(price).gt(0)
      } catch {
        return false
      }
    }
    const mxnFromCatalog = useCatalog(concept.priceMxn)
    const usdFromCatalog = useCatalog(concept.priceUsd)
    const key = concept.id
    const previous = seen.get(key)
    if (previous !== undefined)
      warnings.push(`La partida ${code} aparece en las filas ${previous} y ${rowNumber}.`)
    else seen.set(key, rowNumber)
    rows.push({
      rowNumber,
      position: rowNumber - table.headerRowNumber,
      annex,
      code,
      description,
      unitRaw,
      unitId: unit.id,
      unitKey: unit.key,
      authorizedVolume: volume,
      unitPriceMxn: mxnFromCatalog ? new D(concept.priceMxn).toFixed() : filePriceMxn,
      unitPriceUsd: usdFromCatalog ? new D(concept.priceUsd).toFixed() : filePriceUsd,
      priceSource: { mxn: mxnFromCatalog ? 'catalog' : 'file', usd: usdFromCatalog ? 'catalog' : 'file' },
      plannedByDay,
      ...(okCol ? { ok: true } : {}),
      conceptRef: {
        id: concept.id,
        code: concept.code,
        description: concept.description,
        annex: concept.annex,
      },
    })
  }

  if (badRows.length > 0) {
    return {
      ok: false,
      kind: 'rows',
      sheet: table.sheet,
      headerRowNumber: table.headerRowNumber,
      columns,
      badRows,
      validRowCount: rows.length,
    }
  }
  if (rows.length === 0) {
    const suffix =
      okCol && okRows === 0 ? ' (Se detectó columna OK, pero ninguna fila tenía el valor "OK")' : ''
    return fileError('NO_VALID_ROWS', `El archivo no contenía partidas válidas.${suffix}`)
  }
  return {
    ok: true,
    sheet: table.sheet,
    headerRowNumber: table.headerRowNumber,
    columns,
    hasOkColumn: okCol !== undefined,
    scheduleDates: [...new Set(dateCols.map((c) => c.date!))].sort(),
    rows,
    skipped,
    warnings,
    controlCharacters: table.rows.reduce((n, r) => n + (r.controlCharacters ?? 0), 0),
  }
}

function displayCell(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return v === null ? '' : String(v).trim()
}
