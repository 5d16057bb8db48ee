import Decimal from 'decimal.js'
import type { CellValue } from '../../platform/spreadsheet/read-workbook'

/**
 * Text and number normalisation shared by the concept importers (contract workbook, PUE workbook).
 * Pure functions, no I/O. The rules are described in docs/imports.md.
 */

/** The outcome of reading one cell: a value, or the reason it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

/**
 * The decimal text of a number read from Excel: what Excel itself shows in the formula bar, i.e. the
 * binary double rounded to 15 significant digits, in plain notation, without trailing zeros.
 * `4.4` → `'4.4'`, `897810.7999999999` → `'897810.8'`, `1049146` → `'1049146'`, `1e21` → `'1000000000000000000000'`.
 * A number formatted with padding zeros (`0.00`) cannot be told apart from the same number without them:
 * a numeric code `4.10` is the number 4.1 in the file and becomes `'4.1'`.
 */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`)
  if (n === 0) return '0'
  return new Decimal(n.toPrecision(15)).toFixed()
}

/** Collapse every run of white space (line breaks, tabs, no-break spaces) into one space and trim; NFC. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, ' ')
    .trim()
}

/** A cell as text: strings normalised (empty → null), numbers as Excel shows them, dates as `YYYY-MM-DD`. */
export function cellText(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'string') {
    const t = normalizeText(cell)
    return t === '' ? null : t
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? excelNumberText(cell) : null
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10)
}

/**
 * A concept code as the file shows it (kept for display): text trimmed with white space collapsed,
 * numbers written as Excel shows them (`4.4` → `'4.4'`). Dates and booleans are not codes → null.
 */
export function codeText(cell: CellValue | undefined): string | null {
  if (typeof cell === 'string' || typeof cell === 'number') return cellText(cell)
  return null
}

/**
 * The form codes are compared in: the code as shown, without white space, upper case, without trailing
 * dots. `'2.1.'`, `'2.1'`, the number 2.1 and `' 2.1. '` are the same code; `'c3ext-0977'` = `'C3EXT-0977'`.
 */
export function normalizeCode(code: string | number): string {
  const text = typeof code === 'number' ? excelNumberText(code) : code
  return text
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, '')
    .toUpperCase()
    .replace(/\.+$/u, '')
}

/** Case, accents and white space do not count: NFKD, combining marks removed, upper case, spaces collapsed. */
export function foldText(s: string): string {
  return normalizeText(s.normalize('NFKD').replace(/\p{M}/gu, '')).toUpperCase()
}

/**
 * The key a unit of measure is matched by (same rule as the catalogs module's `normalizeUnitKey`):
 * accents, case and white space do not count, so `HOM/DÍA` = `hom / dia`. Idempotent.
 */
export function unitKey(unit: string): string {
  return unit.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/gu, '').toLowerCase()
}

/** A unit as shown in the catalog: white space collapsed, upper case, accents kept (`'Día '` → `'DÍA'`). */
export function unitText(unit: string): string {
  return normalizeText(unit).toUpperCase()
}

/**
 * The identity of a concept, per issue 3: (code, description, unit). Codes compare by `normalizeCode`,
 * descriptions by `foldText` (case, accents and white-space runs do not count), units by `unitKey`.
 * `unit` may be the unit text or an already-folded unit key (the fold is idempotent).
 * The sub-annex is not part of the identity: callers that need one concept per sub-annex add it.
 */
export function conceptIdentity(code: string | number, description: string, unit: string): string {
  return [normalizeCode(code), foldText(description), unitKey(unit)].join('\u001f')
}

/**
 * A sub-annex key: `'C-2'`, `'c 4-1'`, `'C-007.'` → `'C-2'`, `'C-4-1'`, `'C-7'`. Keys of other shapes
 * (`'C2EXT'`) come back upper case without spaces or trailing dots.
 */
export function normalizeAnnex(annex: string): string {
  const compact = normalizeText(annex).toUpperCase().replace(/\s+/gu, '').replace(/\.+$/u, '')
  const m = /^C-?(\d+)(?:-(\d+))?$/u.exec(compact)
  if (!m) return compact
  return m[2] === undefined ? `C-${Number(m[1])}` : `C-${Number(m[1])}-${Number(m[2])}`
}

/** A column header folded for matching: accents, case, spaces and punctuation do not count (`P.U. M.N.` → `PUMN`). */
export function normalizeHeader(header: CellValue | undefined): string {
  const text = cellText(header)
  if (text === null) return ''
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/gu, '')
}

const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/u
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u
const CURRENCY_PREFIX = /^(?:US\$|MXN\$?|USD\$?|M\.?N\.?|\$)\s*/iu
const CURRENCY_SUFFIX = /\s*(?:MXN|USD|M\.?N\.?|U\.?S\.?D\.?)$/iu

/**
 * An exact decimal string from a money or quantity cell, or null for an empty cell.
 * - numbers: `excelNumberText` (15 significant digits, what Excel shows), so float noise does not leak;
 * - text: currency marks (`$`, `MXN`, `USD`, `M.N.`) and spaces removed, `,` as thousands separator
 *   (Mexican format: `'$ 1,234.50'` → `'1234.5'`), a lone `-` is the accounting zero → `'0'`;
 *   ambiguous or foreign shapes (`'1,5'`, `'1.234,50'`, `'1e3'`) are refused;
 * - negative values are refused unless `allowNegative` (a leading `-` or accounting parentheses);
 * - dates, booleans, NaN and infinities are refused. Trailing zeros are dropped (`'1.50'` → `'1.5'`).
 */
export function parseDecimal(
  cell: CellValue | undefined,
  options: { allowNegative?: boolean } = {},
): Parsed<string | null> {
  if (cell === null || cell === undefined) return ok(null)
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('not a finite number')
    if (cell < 0 && !options.allowNegative) return fail(`negative value ${excelNumberText(cell)}`)
    return ok(excelNumberText(cell))
  }
  if (typeof cell === 'boolean') return fail(`not a number: ${String(cell)}`)
  if (cell instanceof Date) return fail('not a number: a date')
  let s = normalizeText(cell)
  if (s === '') return ok(null)
  let negative = false
  // peel signs, accounting parentheses and currency marks in any order: `-$ 7`, `$ (1,234.00)`, `(USD 5)`
  for (let previous = ''; previous !== s;) {
    previous = s
    if (/^\(.*\)$/u.test(s)) {
      negative = !negative
      s = s.slice(1, -1).trim()
    }
    if (s.startsWith('-')) {
      negative = !negative
      s = s.slice(1).trim()
    }
    s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim()
  }
  // `-` alone (or `$ -`) is how the accounting format shows zero
  if (s === '') return ok('0')
  s = s.replace(/\s+/gu, '')
  if (!PLAIN.test(s) && !GROUPED.test(s)) return fail(`not a number: ${JSON.stringify(cellText(cell))}`)
  const value = new Decimal(s.replace(/,/gu, ''))
  if (value.isZero()) return ok('0')
  if (negative && !options.allowNegative) return fail(`negative value -${value.toFixed()}`)
  return ok(negative ? value.negated().toFixed() : value.toFixed())
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000
/** Years a business date of these workbooks can plausibly have; anything else is a typo. */
export const PLAUSIBLE_YEARS = { min: 1990, max: 2100 } as const

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null
  return t.toISOString().slice(0, 10)
}

function plausible(iso: string, raw: string): Parsed<string | null> {
  const year = Number(iso.slice(0, 4))
  if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) return fail(`date out of range: ${raw}`)
  return ok(iso)
}

/**
 * A business date (`YYYY-MM-DD`) from a cell, or null for an empty cell. Accepts real Excel dates
 * (read as UTC midnight; the UTC calendar day is taken), Excel serial numbers, and the texts
 * `YYYY-MM-DD` and `DD/MM/YYYY` (Mexican order). Anything else (`'13/112023'`, `'15/04/204'`), impossible
 * calendar days and years outside 1990–2100 are refused with the reason.
 */
export function parseDateCell(cell: CellValue | undefined): Parsed<string | null> {
  if (cell === null || cell === undefined) return ok(null)
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('invalid date')
    const iso = cell.toISOString().slice(0, 10)
    return plausible(iso, iso)
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1) return fail(`not a date: ${String(cell)}`)
    const iso = new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS).toISOString().slice(0, 10)
    return plausible(iso, String(cell))
  }
  if (typeof cell === 'boolean') return fail(`not a date: ${String(cell)}`)
  const s = normalizeText(cell)
  if (s === '') return ok(null)
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(s)
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return iso ? plausible(iso, s) : fail(`not a calendar date: ${JSON.stringify(s)}`)
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(s)
  if (m) {
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]))
    return iso ? plausible(iso, s) : fail(`not a calendar date: ${JSON.stringify(s)}`)
  }
  return fail(`not a date: ${JSON.stringify(s)} (expected YYYY-MM-DD or DD/MM/YYYY)`)
}
