/**
 * The ONE parser for numbers typed by users: it accepts what the app itself displays in the
 * organization's convention (format.ts), and gives back the canonical decimal string the API takes.
 *
 *   es-MX: "1,250,000.50" -> "1250000.50"   "1250.5" -> "1250.5"    "12,50" -> refused (',' groups thousands)
 *   es-EC: "1.250,00"     -> "1250.00"      "1.250"  -> "1250"      "12,5"  -> "12.5"   "12.5" -> refused
 *
 * Grouping separators are optional but, when present, must group by thousands (so "1.25" in es-EC is not
 * silently read as 125). A currency symbol or ISO code and spaces, as the app displays money, are ignored.
 * No JS number is involved: the digits are copied.
 */

export type DecimalParse =
  | { ok: true; value: string }
  | {
      ok: false
      /** `format`: not a number in this convention; `fraction`: too many decimals; `negative`: below zero. */
      reason: 'format' | 'fraction' | 'negative'
    }

export type Separators = { group: string; decimal: string }

const separatorsCache = new Map<string, Separators>()

/** The grouping and decimal separators of a locale ("," and "." in es-MX; "." and "," in es-EC). */
export const separatorsOf = (locale: string): Separators => {
  let s = separatorsCache.get(locale)
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5)
    s = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    }
    separatorsCache.set(locale, s)
  }
  return s
}

const SPACES = /[\s\u00a0\u202f]/g
const CURRENCY = /^(?:[A-Z]{3}|\$|US\$|MX\$)|(?:[A-Z]{3}|\$)$/g
const GROUPED = /^\d{1,3}(?:G\d{3})*$/

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export type DecimalParseOptions = {
  /** Most decimals accepted (default: any). */
  maxFractionDigits?: number
  /** Accept a leading minus (default: no). */
  allowNegative?: boolean
}

/** Parses a typed number in `locale`'s convention. Empty text is `{ ok: true, value: '' }`. */
export const parseDecimalInput = (
  text: string,
  locale: string,
  opts: DecimalParseOptions = {},
): DecimalParse => {
  const { group, decimal } = separatorsOf(locale)
  let s = text.replace(SPACES, '')
  if (s === '') return { ok: true, value: '' }
  let negative = false
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true
    s = s.slice(1)
  } else if (s.startsWith('+')) {
    s = s.slice(1)
  }
  s = s.replace(CURRENCY, '')
  if (!negative && (s.startsWith('-') || s.startsWith('−'))) {
    // "$-1.234,50" as es-EC displays a negative amount
    negative = true
    s = s.slice(1)
  }
  const decimalAt = s.indexOf(decimal)
  const intPart = decimalAt < 0 ? s : s.slice(0, decimalAt)
  const fracPart = decimalAt < 0 ? '' : s.slice(decimalAt + decimal.length)
  if (decimalAt >= 0 && !/^\d+$/.test(fracPart)) return { ok: false, reason: 'format' }
  if (intPart === '' && decimalAt < 0) return { ok: false, reason: 'format' }
  let digits: string
  if (intPart === '') digits = '0'
  else if (/^\d+$/.test(intPart)) digits = intPart
  else if (new RegExp(GROUPED.source.replace('G', escape(group))).test(intPart))
    digits = intPart.split(group).join('')
  else return { ok: false, reason: 'format' }
  if (opts.maxFractionDigits !== undefined && fracPart.length > opts.maxFractionDigits)
    return { ok: false, reason: 'fraction' }
  const int = digits.replace(/^0+(?=\d)/, '')
  const isZero = /^0*$/.test(int) && /^0*$/.test(fracPart)
  if (negative && !isZero && !opts.allowNegative) return { ok: false, reason: 'negative' }
  const value = `${negative && !isZero ? '-' : ''}${int}${fracPart ? `.${fracPart}` : ''}`
  return { ok: true, value }
}

/** The example the hint shows: "1,250.50" (es-MX), "1.250,50" (es-EC); "1,250.5" with one decimal, none for integers. */
export const decimalExample = (locale: string, fractionDigits = 2): string => {
  const { group, decimal } = separatorsOf(locale)
  const digits = Math.min(fractionDigits, 2)
  return `1${group}250${digits > 0 ? decimal + '50'.slice(0, digits) : ''}`
}

/** A canonical decimal string shown for editing in the convention, grouped as the app displays it. */
export const decimalToInput = (value: string, locale: string): string => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim())
  if (!m) return value
  const { group, decimal } = separatorsOf(locale)
  const grouped = (m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, group)
  return `${m[1]}${grouped}${m[3] ? decimal + m[3] : ''}`
}
