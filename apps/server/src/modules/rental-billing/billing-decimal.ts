import Decimal from 'decimal.js'

/**
 * Exact decimal arithmetic for the rental billing engine (docs/architecture.md#money-and-volumes-are-exact).
 *
 * - `Dec` is a private decimal.js constructor with 40 significant digits, far above the 12 digits of
 *   the money columns, so sums and products of amounts are exact; the default rounding mode of this
 *   constructor is half-up, but every rounding point in this module names its rule and its mode explicitly.
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

/** Round half-up to cents (the only rounding mode of this module). `rule` names the business rule that asks for it. */
export function roundHalfUpToCents(value: Decimal, rule: RoundingRule): Decimal {
  void rule
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/**
 * The rounding points of rental billing (docs/rental-billing.md#rounding-points). Nothing else in the module rounds.
 * - LINE_TOTAL_CENTS: a line total = quantity × unit price, to cents, half-up (only matters when a price
 *   has more than two decimals).
 * - IVA_CENTS: tax = subtotal × organization rate, to cents, half-up (docs/rental-billing.md#totals).
 * - VOLUME_CONVERSION: a derived volume (gallons / barrels / m³) to 2 decimals, half-up
 *   (docs/rental-billing.md#volume-conversions).
 */
export type RoundingRule = 'LINE_TOTAL_CENTS' | 'IVA_CENTS' | 'VOLUME_CONVERSION'

/** Money / volume as a string with at least two decimals (`6` → `6.00`; `3.125` stays `3.125`). */
export const toMoneyString = (value: Decimal): string => value.toFixed(Math.max(2, value.decimalPlaces()))

/** A value already rounded to cents as a string with exactly two decimals. */
export const toCentsString = (value: Decimal): string => value.toFixed(2)
