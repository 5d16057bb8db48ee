import type Decimal from 'decimal.js'
import { roundHalfUpToCents as roundToCents } from '../../platform/money/money'

/**
 * Exact decimal arithmetic for the rental billing engine: the helpers of platform/money
 * (docs/architecture.md#money-and-volumes-are-exact) with this module's named rounding points.
 */
export { Dec, isPlainDecimal, parseAmount, toCentsString, toMoneyString } from '../../platform/money/money'

/** Round half-up to cents (the only rounding mode of this module). `rule` names the business rule that asks for it. */
export const roundHalfUpToCents = (value: Decimal, rule: RoundingRule): Decimal => roundToCents(value, rule)

/**
 * The rounding points of rental billing (docs/rental-billing.md#rounding-points). Nothing else in the module rounds.
 * - LINE_TOTAL_CENTS: a line total = quantity × unit price, to cents, half-up (only matters when a price
 *   has more than two decimals).
 * - IVA_CENTS: tax = subtotal × organization rate, to cents, half-up (docs/rental-billing.md#totals).
 * - VOLUME_CONVERSION: a derived volume (gallons / barrels / m³) to 2 decimals, half-up
 *   (docs/rental-billing.md#volume-conversions).
 */
export type RoundingRule = 'LINE_TOTAL_CENTS' | 'IVA_CENTS' | 'VOLUME_CONVERSION'
