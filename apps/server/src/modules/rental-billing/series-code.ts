import { isBusinessDate } from './billing-dates'

/**
 * Document numbers of rental billing — formatting and parsing only; the allocation (next number under a
 * lock, unique per organization and year) belongs to the database (docs/rental-billing.md#document-numbers).
 *
 * Billing sheet: `<prefix>-YYYY-NNNN`, e.g. `PSL-PS-2026-1000`. NNNN starts at 1000 every calendar year
 * (the format of every issued document; the old system's unfinished `PSL-PS-NNNNNN-YY` switch is not kept).
 * The number is at least 4 digits; past 9999 it simply grows (`PSL-PS-2026-10000`) instead of wrapping.
 * Year and number are stored as data; `parseSeriesCode` exists for imports and checks, never to derive them.
 *
 * Final disposition certificate: `<prefix>-YYYYMMDD-NNNNN`, e.g. `PSL-CDF-20260131-00001`, the consecutive
 * restarting at 1 every day, 5 digits, 1..99999.
 */

export const FIRST_SERIES_NUMBER = 1000
export const DEFAULT_SHEET_PREFIX = 'PSL-PS'
export const DEFAULT_CERTIFICATE_PREFIX = 'PSL-CDF'

/** Upper-case letters and digits in dash-separated segments: `PSL-PS`, `ABC`, `X1-Y2-Z3`. */
const PREFIX_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/

export const isSeriesPrefix = (prefix: string): boolean => prefix.length <= 20 && PREFIX_RE.test(prefix)

/** The prefix an organization setting names, when it is a valid one; else the default. */
export const seriesPrefixOf = (setting: unknown, fallback: string): string =>
  typeof setting === 'string' && isSeriesPrefix(setting) ? setting : fallback

function checkPrefix(prefix: string): void {
  if (!isSeriesPrefix(prefix)) throw new RangeError(`invalid series prefix: ${JSON.stringify(prefix)}`)
}

/** The number after the highest one already used this year (null when none): 1000 for the first sheet of a year. */
export function nextSeriesNumber(lastNumberThisYear: number | null): number {
  if (lastNumberThisYear === null) return FIRST_SERIES_NUMBER
  if (!Number.isSafeInteger(lastNumberThisYear) || lastNumberThisYear < FIRST_SERIES_NUMBER) {
    throw new RangeError(`invalid last series number: ${lastNumberThisYear}`)
  }
  return lastNumberThisYear + 1
}

/** `<prefix>-YYYY-NNNN`. Throws RangeError for a bad prefix, a year outside 1000..9999 or a number below 1000. */
export function formatSeriesCode(prefix: string, year: number, number: number): string {
  checkPrefix(prefix)
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`invalid series year: ${year}`)
  if (!Number.isSafeInteger(number) || number < FIRST_SERIES_NUMBER)
    throw new RangeError(`invalid series number: ${number}`)
  return `${prefix}-${year}-${String(number).padStart(4, '0')}`
}

export type SeriesCode = { prefix: string; year: number; number: number }

/** Parses `<prefix>-YYYY-NNNN` (the last two segments are year and number); null when it is not one. */
export function parseSeriesCode(code: string): SeriesCode | null {
  const m = /^(.+)-(\d{4})-(\d{4,9})$/.exec(code)
  if (!m || !isSeriesPrefix(m[1] ?? '')) return null
  const year = Number(m[2])
  const number = Number(m[3])
  if (
    year < 1000 ||
    number < FIRST_SERIES_NUMBER ||
    (m[3] ?? '').length !== Math.max(4, String(number).length)
  ) {
    return null
  }
  return { prefix: m[1] ?? '', year, number }
}

/** `<prefix>-YYYYMMDD-NNNNN` for the certificate dated `date` (`YYYY-MM-DD`) with that day's consecutive. */
export function formatCertificateNumber(
  date: string,
  consecutive: number,
  prefix = DEFAULT_CERTIFICATE_PREFIX,
): string {
  checkPrefix(prefix)
  if (!isBusinessDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  if (!Number.isInteger(consecutive) || consecutive < 1 || consecutive > 99_999) {
    throw new RangeError(`certificate consecutive out of range 1..99999: ${consecutive}`)
  }
  return `${prefix}-${date.replaceAll('-', '')}-${String(consecutive).padStart(5, '0')}`
}

export type CertificateNumber = { prefix: string; date: string; consecutive: number }

/** Parses `<prefix>-YYYYMMDD-NNNNN`; null when it is not one (including impossible dates). */
export function parseCertificateNumber(value: string): CertificateNumber | null {
  const m = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{5})$/.exec(value)
  if (!m || !isSeriesPrefix(m[1] ?? '')) return null
  const date = `${m[2]}-${m[3]}-${m[4]}`
  const consecutive = Number(m[5])
  if (!isBusinessDate(date) || consecutive < 1) return null
  return { prefix: m[1] ?? '', date, consecutive }
}
