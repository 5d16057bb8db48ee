import {
  Dec,
  parseAmount,
  roundHalfUpToCents,
  toCentsString,
  toMoneyString,
  type Dec as Decimal,
} from './billing-decimal'
import type { ChainStatus } from './billing-lines'

/**
 * Header totals of a billing sheet (docs/rental-billing.md#totals):
 *
 *   subtotal = Σ line totals                       (exact: every line total is already in cents)
 *   tax      = subtotal × organization tax rate, rounded half-up to cents   (rule IVA_CENTS)
 *   total    = subtotal + tax                      (exact)
 *
 * e.g. 1200.30 × 15 % = 180.045 → 180.05 (half-even would give 180.04); 477.00 → 71.55 → 548.55.
 * The old system never rounded in code and let the database round (half away from zero on PostgreSQL,
 * half-even under SQLite), so the API could echo 17.2485 — fixed (docs/rental-billing.md#rounding-points).
 *
 * Volumes (gallons, barrels, m³) = exact decimal sums of the sheet's NON-cancelled custody chains — no
 * truncation to integers and no 32,767 ceiling, and cancelled chains count nowhere (the old system did both).
 */

export type SheetTotals = {
  subtotal: string
  tax: string
  total: string
  gallons: string
  barrels: string
  cubicMeters: string
}

export type SheetTotalsInput = {
  lines: readonly { total: string }[]
  /** The organization's tax rate as a fraction: '0.15' or '0.1500' for 15 %. */
  taxRate: string
  custodyChains: readonly { status: ChainStatus; gallons: string; barrels: string; cubicMeters: string }[]
}

/** IVA of a subtotal: subtotal × rate rounded half-up to cents (rule IVA_CENTS). */
export function taxOf(subtotal: Decimal | string, taxRate: string): Decimal {
  const rate = parseAmount(taxRate, 'taxRate')
  if (rate.gt(1)) throw new RangeError(`taxRate is a fraction (0.15 = 15 %), got ${taxRate}`)
  const base = typeof subtotal === 'string' ? parseAmount(subtotal, 'subtotal') : subtotal
  return roundHalfUpToCents(base.times(rate), 'IVA_CENTS')
}

export function computeSheetTotals(input: SheetTotalsInput): SheetTotals {
  let subtotal: Decimal = new Dec(0)
  for (const l of input.lines) subtotal = subtotal.plus(parseAmount(l.total, 'line total'))
  const tax = taxOf(subtotal, input.taxRate)
  let gallons: Decimal = new Dec(0)
  let barrels: Decimal = new Dec(0)
  let cubicMeters: Decimal = new Dec(0)
  for (const c of input.custodyChains) {
    if (c.status === 'cancelled') continue
    gallons = gallons.plus(parseAmount(c.gallons, 'chain gallons'))
    barrels = barrels.plus(parseAmount(c.barrels, 'chain barrels'))
    cubicMeters = cubicMeters.plus(parseAmount(c.cubicMeters, 'chain cubicMeters'))
  }
  return {
    subtotal: toMoneyString(subtotal),
    tax: toCentsString(tax),
    total: toMoneyString(subtotal.plus(tax)),
    gallons: toMoneyString(gallons),
    barrels: toMoneyString(barrels),
    cubicMeters: toMoneyString(cubicMeters),
  }
}
