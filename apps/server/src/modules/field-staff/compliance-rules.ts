import type { TComplianceStatus } from '@faena/contracts'
import { daysBetween } from '@faena/domain/calendar-date'

/**
 * Pure rules of compliance documents (docs/field-staff.md#rules). `today` is the organization's calendar date
 * (its own time zone, never UTC). A document is valid through its expiry date: it is expired from the next day.
 */

export const DUE_SOON_DAYS = 10
export const DUE_LATER_DAYS = 30

/** Days from `today` to the expiry: 0 on the expiry date, negative once expired. */
export const daysLeft = (expiresOn: string, today: string): number => daysBetween(today, expiresOn)

/** expired · due in ≤ 10 days · due in ≤ 30 days · ok */
export function classifyExpiry(expiresOn: string, today: string): TComplianceStatus {
  const left = daysLeft(expiresOn, today)
  if (left < 0) return 'expired'
  if (left <= DUE_SOON_DAYS) return 'due10'
  if (left <= DUE_LATER_DAYS) return 'due30'
  return 'ok'
}

const RANK: Record<TComplianceStatus, number> = { expired: 0, due10: 1, due30: 2, ok: 3 }

/** The worst of several statuses (null for none): what a person's or vehicle's badge shows. */
export function worstStatus(statuses: readonly TComplianceStatus[]): TComplianceStatus | null {
  let worst: TComplianceStatus | null = null
  for (const s of statuses) if (worst === null || RANK[s] < RANK[worst]) worst = s
  return worst
}

/** Counts of the documents that need attention. */
export function countByStatus(expiries: readonly string[], today: string) {
  const counts = { expired: 0, due10: 0, due30: 0 }
  for (const e of expiries) {
    const s = classifyExpiry(e, today)
    if (s !== 'ok') counts[s]++
  }
  return counts
}

/** Is a gating document (licence, registration) valid on `date`? The latest expiry of its kind counts. */
export const validOn = (expiries: readonly string[], date: string): boolean => expiries.some((e) => e >= date)

/** The hour (0–23) of `now` in `timeZone`: the daily alert goes at the organization's chosen hour. */
export function localHour(now: Date, timeZone: string): number {
  const h = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now)
  return Number(h)
}
