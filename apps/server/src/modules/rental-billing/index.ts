/**
 * Rental billing engine: pure maths of the billing sheet (planilla) — dates, lines, totals, volume
 * conversions and document numbers. No database, no HTTP. Rules: docs/rental-billing.md.
 */
export * from './billing-dates'
export * from './billing-lines'
export * from './billing-sheet'
export * from './sheet-totals'
export * from './series-code'
export * from './volume-conversion'
export { isPlainDecimal, type RoundingRule } from './billing-decimal'
