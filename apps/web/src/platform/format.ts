/**
 * The ONE place that formats money, quantities, percentages and dates for display.
 * Never use toFixed / toLocaleString / Number(amount) / new Intl.* elsewhere: use `useFormat()` (session.tsx),
 * which binds these functions to the organization and the UI language.
 *
 * Amounts arrive as decimal strings ("1234.5", "-0.125"). They are rounded half-up on the digits
 * themselves (no JS number): the integer part is grouped through BigInt and the fraction digits are
 * copied from the string; Intl only supplies the locale's symbols, separators and sign placement.
 *
 * Conventions follow the ORGANIZATION, whatever the UI language: an es-MX organization reads
 * "$1,234.50" (MXN), "USD 1,234.50" and 25/11/2025 in Spanish and in English alike; es-EC reads
 * "$1.234,50" (USD). Only words (month and weekday names) follow the UI language (`wordsLocaleFor`).
 * Where two currencies meet (an organization that works in more than one), amounts carry the ISO
 * code ("MXN 1,234.50", "USD 1,234.50") so "$" is never ambiguous.
 */

export type DecimalString = string

type Decimal = { negative: boolean; int: string; frac: string }

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/

const parseDecimal = (value: DecimalString | number | bigint): Decimal | null => {
  const s = typeof value === 'string' ? value.trim() : String(value)
  // Numbers in exponent form (1e21) are not decimal strings: refuse rather than guess.
  const m = DECIMAL_RE.exec(s)
  if (!m || (!m[2] && !m[3])) return null
  const int = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0'
  return { negative: m[1] === '-', int, frac: m[3] ?? '' }
}

/** Adds one unit to a string of digits ("199" -> "200"). */
const incrementDigits = (digits: string): string => {
  const arr = digits.split('')
  for (let i = arr.length - 1; i >= 0; i--) {
    if (arr[i] === '9') {
      arr[i] = '0'
    } else {
      arr[i] = String(Number(arr[i]) + 1)
      return arr.join('')
    }
  }
  return '1' + arr.join('')
}

/** Moves the decimal point `places` to the right (x100 for percentages). */
const shiftLeftPoint = (d: Decimal, places: number): Decimal => {
  const frac = d.frac.padEnd(places, '0')
  const int = (d.int + frac.slice(0, places)).replace(/^0+(?=\d)/, '')
  return { negative: d.negative, int, frac: frac.slice(places) }
}

/** Half-up (away from zero) rounding to `digits` fraction digits. */
const roundHalfUp = (d: Decimal, digits: number): Decimal => {
  if (d.frac.length <= digits) return { ...d, frac: d.frac.padEnd(digits, '0') }
  const keep = d.frac.slice(0, digits)
  const roundUp = (d.frac[digits] ?? '0') >= '5'
  if (!roundUp) return { ...d, frac: keep }
  const bumped = incrementDigits(d.int + keep)
  const intLen = bumped.length - digits
  return { negative: d.negative, int: bumped.slice(0, intLen) || '0', frac: bumped.slice(intLen) }
}

const isZero = (d: Decimal) => /^0*$/.test(d.int) && /^0*$/.test(d.frac)

const nfCache = new Map<string, Intl.NumberFormat>()
const numberFormat = (locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = locale + JSON.stringify(opts)
  let nf = nfCache.get(key)
  if (!nf) {
    nf = new Intl.NumberFormat(locale, opts)
    nfCache.set(key, nf)
  }
  return nf
}

type ExactOptions = {
  style: 'decimal' | 'currency' | 'percent'
  currency?: string
  currencyDisplay?: 'code' | 'symbol'
  minFractionDigits: number
  maxFractionDigits: number
}

const formatExact = (value: DecimalString | number | bigint, locale: string, o: ExactOptions): string => {
  const parsed = parseDecimal(value)
  if (!parsed) return typeof value === 'string' ? value : String(value)
  let d = o.style === 'percent' ? shiftLeftPoint(parsed, 2) : parsed
  d = roundHalfUp(d, o.maxFractionDigits)
  // Trim optional trailing zeros down to the minimum.
  let frac = d.frac
  while (frac.length > o.minFractionDigits && frac.endsWith('0')) frac = frac.slice(0, -1)
  const negative = d.negative && !isZero(d)
  const fd = frac.length

  // Template in the target locale: gives sign/currency/percent placement and the decimal separator.
  const template = numberFormat(locale, {
    style: o.style,
    ...(o.currency ? { currency: o.currency, currencyDisplay: o.currencyDisplay ?? 'symbol' } : {}),
    minimumFractionDigits: fd,
    maximumFractionDigits: fd,
  }).formatToParts(o.style === 'percent' ? (negative ? -0.01 : 0.01) : negative ? -1 : 1)
  // The grouped integer digits, exact through BigInt.
  const groupedInt = numberFormat(locale, { style: 'decimal', maximumFractionDigits: 0 }).format(
    BigInt(d.int),
  )

  let out = ''
  let intDone = false
  for (const p of template) {
    if (p.type === 'integer' || p.type === 'group') {
      if (!intDone) out += groupedInt
      intDone = true
    } else if (p.type === 'fraction') {
      out += frac
    } else {
      out += p.value
    }
  }
  return out
}

const currencyDigitsCache = new Map<string, number>()
/** Minor-unit digits of a currency (2 for MXN and USD). */
export const currencyDigits = (currency: string): number => {
  let n = currencyDigitsCache.get(currency)
  if (n === undefined) {
    n =
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    currencyDigitsCache.set(currency, n)
  }
  return n
}

/**
 * "1234.5", "MXN", "es-MX" -> "$1,234.50"; "USD" in es-MX -> "USD 1,234.50"; es-EC -> "$1.234,50".
 * `code: true` always names the currency: "MXN 1,234.50".
 */
export const formatMoney = (
  amount: DecimalString,
  currency: string,
  locale: string,
  opts: { fractionDigits?: number; code?: boolean } = {},
): string => {
  const digits = opts.fractionDigits ?? currencyDigits(currency)
  return formatExact(amount, locale, {
    style: 'currency',
    currency,
    currencyDisplay: opts.code ? 'code' : 'symbol',
    minFractionDigits: digits,
    maxFractionDigits: digits,
  })
}

/** Volumes and quantities: up to `maxFractionDigits` (default 4), trailing zeros trimmed to the minimum. */
export const formatQuantity = (
  value: DecimalString | number,
  locale: string,
  opts: { minFractionDigits?: number; maxFractionDigits?: number } = {},
): string => {
  const max = opts.maxFractionDigits ?? 4
  return formatExact(value, locale, {
    style: 'decimal',
    minFractionDigits: Math.min(opts.minFractionDigits ?? 0, max),
    maxFractionDigits: max,
  })
}

/**
 * Percentages. By default `value` is a ratio ("0.16" -> "16 %"); pass `{ ratio: false }` when the
 * value is already in percent points ("87.5" -> "87.5 %").
 */
export const formatPercent = (
  value: DecimalString | number,
  locale: string,
  opts: { ratio?: boolean; minFractionDigits?: number; maxFractionDigits?: number } = {},
): string => {
  const max = opts.maxFractionDigits ?? 2
  const min = Math.min(opts.minFractionDigits ?? 0, max)
  if (opts.ratio === false) {
    const parsed = parseDecimal(value)
    if (!parsed) return String(value)
    // Shift the point two places left so the percent style's x100 yields the same points.
    const int = parsed.int.padStart(3, '0')
    const shifted = `${parsed.negative ? '-' : ''}${int.slice(0, -2)}.${int.slice(-2)}${parsed.frac}`
    return formatExact(shifted, locale, { style: 'percent', minFractionDigits: min, maxFractionDigits: max })
  }
  return formatExact(value, locale, { style: 'percent', minFractionDigits: min, maxFractionDigits: max })
}

const dtfCache = new Map<string, Intl.DateTimeFormat>()
const dateTimeFormat = (locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = locale + JSON.stringify(opts)
  let f = dtfCache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts)
    dtfCache.set(key, f)
  }
  return f
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

const utcDate = (date: string): Date | null => {
  const m = DATE_RE.exec(date.slice(0, 10))
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
}

/**
 * A business date `YYYY-MM-DD` (no time zone: it is the same calendar day everywhere).
 * `style: 'short'` -> 25/11/2025 (digits in the organization's order); `'medium'` -> 25 nov 2025;
 * `'long'` -> 25 de noviembre de 2025. Month names come from `wordsLocale` (default: `locale`).
 */
export const formatDate = (
  date: string | null | undefined,
  locale: string,
  style: 'short' | 'medium' | 'long' = 'short',
  wordsLocale: string = locale,
): string => {
  if (!date) return ''
  const utc = utcDate(date)
  if (!utc) return date
  if (style === 'short') {
    return dateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(utc)
  }
  return dateTimeFormat(wordsLocale, { dateStyle: style, timeZone: 'UTC' }).format(utc)
}

/** A month (`YYYY-MM` or a date in it): `'long'` -> "noviembre de 2025" / "November 2025"; `'short'` -> "nov 25". */
export const formatMonth = (
  month: string | null | undefined,
  wordsLocale: string,
  style: 'long' | 'short' = 'long',
): string => {
  if (!month) return ''
  const utc = utcDate(month.length === 7 ? `${month}-01` : month)
  if (!utc) return month
  return dateTimeFormat(
    wordsLocale,
    style === 'long'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', year: '2-digit', timeZone: 'UTC' },
  ).format(utc)
}

/** The weekday of a business date: `'narrow'` -> "L" / "M"; `'short'` -> "lun" / "Mon". */
export const formatWeekday = (
  date: string,
  wordsLocale: string,
  style: 'narrow' | 'short' | 'long' = 'narrow',
): string => {
  const utc = utcDate(date)
  return utc ? dateTimeFormat(wordsLocale, { weekday: style, timeZone: 'UTC' }).format(utc) : date
}

/** An instant (ISO string from the server) shown in the organization's time zone. */
export const formatDateTime = (
  iso: string | null | undefined,
  timeZone: string,
  locale: string,
  opts: { seconds?: boolean } = {},
): string => {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(opts.seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone,
  }).format(d)
}

/** Today's business date (`YYYY-MM-DD`) in the organization's time zone. */
export const todayIn = (timeZone: string): string => {
  const parts = dateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(new Date())
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** Plain integer counts (rows, pages): grouping only. */
export const formatInteger = (n: number, locale: string): string =>
  numberFormat(locale, { maximumFractionDigits: 0 }).format(n)

/**
 * The organization's convention (es-MX, es-EC) for digits, separators, currency symbols and date order.
 * It does NOT depend on the UI language: an English-speaking user of a Mexican organization still reads
 * "$" as pesos and 25/11/2025 as the 25th of November.
 */
export const formatLocaleFor = (orgLocale: string | undefined): string =>
  orgLocale && /^es-[A-Z]{2}$/.test(orgLocale) ? orgLocale : 'es-MX'

/**
 * Month and weekday names: in the UI language, in the organization's order. In English, en-GB
 * ("25 November 2025": day first, as in the organization's Spanish convention).
 */
export const wordsLocaleFor = (uiLanguage: string, orgLocale: string | undefined): string =>
  uiLanguage.startsWith('en') ? 'en-GB' : formatLocaleFor(orgLocale)
