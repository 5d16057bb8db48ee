import {
  addDays,
  billingChangesIn,
  normaliseRates,
  type BilledTerms,
  type FrozenPeriod,
} from '../rental-billing'
import { engineFrequency } from './assignment-rules'

/**
 * Assignment changes against frozen billing periods (docs/rental-projects.md#frozen-billing-periods) —
 * pure. A liquidated or invoiced sheet's period is frozen: a change that alters what the assignment bills
 * in it (a billed date added or dropped, another rate on a billed date) is refused unless the user asks
 * for it to take effect from the first open day, the day after the last frozen period.
 */

/** The billing terms of a stored assignment (a service bills its chains: only its window and rate matter). */
export function termsOf(r: {
  kind: string
  operation_start: string
  operation_end: string | null
  retired_on: string | null
  frequency: string
  frequency_days: number[]
  daily_rate: string
  rate_history?: readonly { from: string | null; dailyRate: string }[] | null
}): BilledTerms {
  return {
    operationStart: r.operation_start,
    departure: r.retired_on ?? r.operation_end,
    frequency: r.kind === 'service' ? { kind: 'daily' } : engineFrequency(r.frequency, r.frequency_days),
    dailyRate: r.daily_rate,
    rates: normaliseRates(r.rate_history, r.daily_rate),
  }
}

/** The first frozen sheet whose billing the change alters, if any. */
export const touchedPeriod = (
  frozen: readonly FrozenPeriod[],
  before: BilledTerms | null,
  after: BilledTerms | null,
): FrozenPeriod | undefined =>
  frozen.find((f) => billingChangesIn({ start: f.periodStart, end: f.periodEnd }, before, after))

/**
 * A start date that takes effect from the first open day: moved inside the frozen periods, it stays where
 * it was; moved from the open days into them, it is the first open day.
 */
export function startFromOpenDay(before: string | null, wanted: string, open: string): string {
  if (wanted >= open) return wanted
  if (before !== null && before < open) return before
  return open
}

/**
 * A last day on site (null = open) that takes effect from the first open day: set inside the frozen
 * periods, it becomes their last day (they keep billing what they billed) — or stays where it was when
 * that was already inside them.
 */
export function endFromOpenDay(before: string | null, wanted: string | null, open: string): string | null {
  if (wanted === null || wanted >= open) return wanted
  if (before !== null && before < open) return before
  return addDays(open, -1)
}
