/**
 * The pure rules of the estimate reports (docs/estimates.md#reports): how old a month of unbilled production is
 * and in which bucket it falls, and what a volume is worth at the family's unit prices.
 */
import { daysBetween, lastDayOfMonth } from '@faena/domain/calendar-date'
import type { TAgingBucket } from '@faena/contracts'
import { Dec, roundHalfUpToCents } from '../../platform/money/money'

/** The rounding point of the reports: a row's money, volume × unit price, half-up to cents. */
export type EstimateReportRounding = 'estimate-report-amount'

/** Days from the month's last day to `asOf`; 0 while the month has not ended by then. */
export function monthAgeDays(month: string, asOf: string): number {
  return Math.max(0, daysBetween(lastDayOfMonth(`${month}-01`), asOf))
}

/** 0–30, 31–60, 61–90, more than 90 days. */
export function agingBucket(days: number): TAgingBucket {
  if (days <= 30) return '0-30'
  if (days <= 60) return '31-60'
  if (days <= 90) return '61-90'
  return '90+'
}

/** volume × unit price per currency, half-up to cents (`estimate-report-amount`). */
export function volumeMoney(
  volume: string,
  prices: { unitPriceMxn: string; unitPriceUsd: string } | undefined,
): { mxn: string; usd: string } {
  const rule: EstimateReportRounding = 'estimate-report-amount'
  if (!prices) return { mxn: '0.00', usd: '0.00' }
  const v = new Dec(volume)
  return {
    mxn: roundHalfUpToCents(v.times(prices.unitPriceMxn), rule).toFixed(2),
    usd: roundHalfUpToCents(v.times(prices.unitPriceUsd), rule).toFixed(2),
  }
}
