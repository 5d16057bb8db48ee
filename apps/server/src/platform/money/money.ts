import Decimal from 'decimal.js'

/**
 * Exact money and volumes on the server (docs/architecture.md#money-and-volumes-are-exact): decimal
 * strings at every boundary, decimal.js inside, rounding only where a business rule says so, half-up.
 *
 * - `Dec` is a private decimal.js constructor with 40 significant digits, far above the 12 digits of the
 *   money columns, so sums and products of amounts are exact; its default rounding is half-up, and every
 *   rounding point still names its rule and mode.
 * - Inputs are plain decimal strings (`"6"`, `"1200.30"`); exponents, signs, hex and blanks are refused
 *   (decimal.js alone would accept `"1e3"` or `"0x10"`).
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
export type Dec = Decimal

const PLAIN_DECIMAL = /^\d{1,12}(\.\d{1,8})?$/

/** True when `value` is a plain non-negative decimal string (at most 12 integer and 8 fraction digits). */
export const isPlainDecimal = (value: unknown): value is string =>
  typeof value === 'string' && PLAIN_DECIMAL.test(value)

/** Parses a plain non-negative decimal string; throws RangeError naming `field` otherwise. */
export function parseAmount(value: string, field: string): Decimal {
  if (!isPlainDecimal(value))
    throw new RangeError(`${field}: not a non-negative decimal string: ${JSON.stringify(value)}`)
  return new Dec(value)
}

/**
 * Round half-up to cents. `rule` names the business rule that asks for it (each module lists its
 * rounding points as a union type), so a search for the rule finds every place it applies.
 */
export function roundHalfUpToCents(value: Decimal, rule: string): Decimal {
  void rule
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/** Exact sum of decimal strings or decimals (0 for none). */
export const sumAmounts = (values: Iterable<Decimal.Value>): Decimal => {
  let total = new Dec(0)
  for (const v of values) total = total.plus(v)
  return total
}

/** Money / volume as a string with at least two decimals (`6` → `6.00`; `3.125` stays `3.125`). */
export const toMoneyString = (value: Decimal): string => value.toFixed(Math.max(2, value.decimalPlaces()))

/** A value already rounded to cents as a string with exactly two decimals. */
export const toCentsString = (value: Decimal): string => value.toFixed(2)

/**
 * A decimal string with the locale's separators and two decimals, for printed documents. Exact:
 * `Intl.NumberFormat` formats the decimal string itself, never a float (`'1234567890.125'` keeps its digits).
 */
export function formatAmount(value: string, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value as unknown as number,
  )
}

/** A decimal string as money in the locale and currency (`$1.234,50` for es-EC USD), exact like formatAmount. */
export function formatMoney(value: string, locale: string, currency: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value as unknown as number)
}
