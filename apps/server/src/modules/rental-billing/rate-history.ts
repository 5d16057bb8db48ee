import { billedDates, isBusinessDate, type Frequency } from './billing-dates'
import { parseAmount } from './billing-decimal'

/**
 * Rate history of an assignment (docs/rental-projects.md#rate-history) and what a change of an assignment
 * does to the billing of a period — pure, no database.
 *
 * A history is a list of `{ from, dailyRate }` sorted by `from`; the first entry has `from` null (in force
 * from the operation start), each later one takes effect on its date. An empty history means one rate
 * (the assignment's `dailyRate`) from the start.
 */

export type RateEntry = { from: string | null; dailyRate: string }

/** The history as a well-formed list: never empty, first entry from the start, sorted, one entry per date. */
export function normaliseRates(
  rates: readonly RateEntry[] | null | undefined,
  dailyRate: string,
): RateEntry[] {
  const dated = (rates ?? [])
    .filter((r): r is { from: string; dailyRate: string } => r.from !== null)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const first = (rates ?? []).find((r) => r.from === null)
  const out: RateEntry[] = [{ from: null, dailyRate: first?.dailyRate ?? dailyRate }]
  for (const r of dated) {
    const last = out[out.length - 1]!
    if (last.from === r.from) last.dailyRate = r.dailyRate
    else out.push({ from: r.from, dailyRate: r.dailyRate })
  }
  return out
}

/** Index (in the normalised history) of the entry in force on `date`. */
export function rateIndexOn(rates: readonly RateEntry[], date: string): number {
  let idx = 0
  rates.forEach((r, i) => {
    if (r.from !== null && r.from <= date) idx = i
  })
  return idx
}

/** The daily rate in force on `date`. */
export function rateOn(
  rates: readonly RateEntry[] | null | undefined,
  dailyRate: string,
  date: string,
): string {
  const h = normaliseRates(rates, dailyRate)
  return h[rateIndexOn(h, date)]!.dailyRate
}

/**
 * The history after "rate `dailyRate` from `from` on" (`from` null or on/before the operation start = the
 * whole assignment): the entries from that date on are replaced by the new one.
 */
export function withRateFrom(
  rates: readonly RateEntry[] | null | undefined,
  current: string,
  from: string | null,
  dailyRate: string,
  operationStart: string,
): RateEntry[] {
  const h = normaliseRates(rates, current)
  if (from === null || from <= operationStart) return [{ from: null, dailyRate }]
  const kept = h.filter((r) => r.from === null || r.from < from)
  const last = kept[kept.length - 1]!
  // a "change" to the rate already in force is no entry at all
  if (parseAmount(last.dailyRate, 'rate').eq(parseAmount(dailyRate, 'rate'))) return kept
  return [...kept, { from, dailyRate }]
}

/** The latest rate of a history (what the assignment shows as its daily rate). */
export const latestRate = (rates: readonly RateEntry[]): string => rates[rates.length - 1]!.dailyRate

/** What decides the billing of an assignment over a period: its billed dates and the rate of each. */
export type BilledTerms = {
  operationStart: string
  /** last day on site: the retirement date, else the planned end, else null */
  departure: string | null
  frequency: Frequency
  dailyRate: string
  rates?: readonly RateEntry[] | null
}

function billedWithRates(period: { start: string; end: string }, t: BilledTerms | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!t) return out
  if (t.departure !== null && t.departure < t.operationStart) return out
  const h = normaliseRates(t.rates, t.dailyRate)
  for (const d of billedDates({
    periodStart: period.start,
    periodEnd: period.end,
    operationStart: t.operationStart,
    operationEnd: t.departure,
    frequency: t.frequency,
  }))
    out.set(d, h[rateIndexOn(h, d)]!.dailyRate)
  return out
}

/**
 * Does a change of an assignment (before → after; null = does not exist) change what it bills in the
 * period — a billed date added or dropped, or another rate on a billed date? Used to refuse changes that
 * touch a liquidated or invoiced sheet (docs/rental-billing.md#frozen-periods).
 */
export function billingChangesIn(
  period: { start: string; end: string },
  before: BilledTerms | null,
  after: BilledTerms | null,
): boolean {
  if (!isBusinessDate(period.start) || !isBusinessDate(period.end)) throw new RangeError('bad period')
  const a = billedWithRates(period, before)
  const b = billedWithRates(period, after)
  if (a.size !== b.size) return true
  for (const [d, rate] of a) {
    const other = b.get(d)
    if (other === undefined || !parseAmount(rate, 'rate').eq(parseAmount(other, 'rate'))) return true
  }
  return false
}
