import type { TFieldError } from '@faena/contracts'
import { fieldError } from '../../platform/errors'
import * as calendar from '@faena/domain/calendar-date'
import { billingMessages as M } from './rental-billing.messages'

/**
 * Billed dates of a rental assignment — pure calendar maths on `YYYY-MM-DD` strings
 * (docs/rental-billing.md#billed-dates).
 *
 * Dates are converted to a day number (days since 1970-01-01 in the proleptic Gregorian calendar) by the
 * shared calendar-date module (`@faena/domain/calendar-date`); no `Date`, no time zone, no daylight-saving
 * surprises.
 *
 * Rules (fixed as issue 4 asks):
 * - billed dates = period ∩ operation window ∩ frequency, every bound inclusive;
 * - the result is a sorted list of DATES (never day-of-month numbers: the old system's period spanning two
 *   months collapsed Jan 15 and Feb 15 onto one billed "15");
 * - `daily` bills every date (the old `interval_days` never mattered for billing);
 * - `weekdays` bills the listed weekdays; numbers are 0 = Monday … 6 = Sunday, the convention of the old
 *   system and of its data — NOT JavaScript's Sunday = 0; names `'mon'…'sun'` are accepted too;
 * - `monthdays` bills the listed days of the month (1..31); a listed day that does not exist in a month
 *   (29–31 in February, 31 in 30-day months) is simply not billed in that month — no clamping to the last
 *   day, which would bill a date nobody listed (and could bill the 28th twice in spirit). Same as the old system.
 */

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6 | WeekdayName
export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export const WEEKDAY_NAMES: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

export type Frequency =
  | { kind: 'daily' }
  | { kind: 'weekdays'; days: readonly Weekday[] }
  | { kind: 'monthdays'; days: readonly number[] }

export type BilledDatesInput = {
  periodStart: string
  periodEnd: string
  operationStart: string
  /** Last day on site (inclusive): the retirement date when retired, else the planned operation end; null = open. */
  operationEnd: string | null
  frequency: Frequency
}

/** Days in a month (month 1..12). */
export const daysInMonth = calendar.daysInMonth

/** True for a real calendar date written `YYYY-MM-DD` (years 1000..9999). */
export const isBusinessDate = calendar.isCalendarDate

/** Day number of a `YYYY-MM-DD` date: days since 1970-01-01. Throws RangeError for anything but a date. */
export const toDayNumber = calendar.toEpochDay

/** `YYYY-MM-DD` of a day number. */
export const fromDayNumber = calendar.fromEpochDay

/** The date `days` days after (or before, when negative) `date`. */
export const addDays = calendar.addDays

/** Weekday of a date, 0 = Monday … 6 = Sunday. */
export const weekdayOf = calendar.weekdayOf

/** Every date from `start` to `end`, both inclusive; empty when start > end. */
export const datesBetween = calendar.datesBetween

/** A weekday number (0 = Monday) from a number or a name; throws RangeError for anything else. */
export function weekdayNumber(day: Weekday): number {
  if (typeof day === 'number') {
    if (!Number.isInteger(day) || day < 0 || day > 6)
      throw new RangeError(`weekday out of range 0..6: ${day}`)
    return day
  }
  const i = WEEKDAY_NAMES.indexOf(day)
  if (i < 0) throw new RangeError(`unknown weekday: ${JSON.stringify(day)}`)
  return i
}

function frequencyMatcher(frequency: Frequency): (dayNumber: number, date: string) => boolean {
  switch (frequency.kind) {
    case 'daily':
      return () => true
    case 'weekdays': {
      const set = new Set(frequency.days.map(weekdayNumber))
      return (n) => set.has((((n + 3) % 7) + 7) % 7)
    }
    case 'monthdays': {
      for (const d of frequency.days) {
        if (!Number.isInteger(d) || d < 1 || d > 31)
          throw new RangeError(`month day out of range 1..31: ${d}`)
      }
      const set = new Set(frequency.days)
      // A listed day that does not exist in a month never matches (Feb 30 is no date): no clamping.
      return (_n, date) => set.has(Number(date.slice(8, 10)))
    }
    default: {
      const never: never = frequency
      throw new RangeError(`unknown frequency: ${JSON.stringify(never)}`)
    }
  }
}

/** Inclusive intersection of two date ranges as day numbers, or null when empty. `end` null = open. */
export function intersectWindow(
  periodStart: string,
  periodEnd: string,
  operationStart: string,
  operationEnd: string | null,
): { from: number; to: number } | null {
  const ps = toDayNumber(periodStart)
  const pe = toDayNumber(periodEnd)
  if (ps > pe) throw new RangeError(`period start ${periodStart} is after period end ${periodEnd}`)
  const from = Math.max(ps, toDayNumber(operationStart))
  const to = operationEnd === null ? pe : Math.min(pe, toDayNumber(operationEnd))
  return from <= to ? { from, to } : null
}

/**
 * The billed dates of one assignment in one period: sorted `YYYY-MM-DD` list of
 * period ∩ [operationStart, operationEnd ?? open] ∩ frequency, every bound inclusive.
 * Throws RangeError for malformed dates, a period whose start is after its end, or bad frequency days.
 */
export function billedDates(input: BilledDatesInput): string[] {
  const window = intersectWindow(input.periodStart, input.periodEnd, input.operationStart, input.operationEnd)
  const matches = frequencyMatcher(input.frequency)
  if (!window) return []
  const out: string[] = []
  for (let n = window.from; n <= window.to; n++) {
    const date = fromDayNumber(n)
    if (matches(n, date)) out.push(date)
  }
  return out
}

/** Every date of the allowed window (period ∩ operation window), ignoring the frequency: where manual days may go. */
export function allowedDates(input: Omit<BilledDatesInput, 'frequency'>): string[] {
  return billedDates({ ...input, frequency: { kind: 'daily' } })
}

/** Field errors of a frequency (Spanish messages, dotted paths under `path`): empty lists and out-of-range days. */
export function frequencyErrors(frequency: Frequency, path = 'frequency'): TFieldError[] {
  if (frequency.kind === 'daily') return []
  if (frequency.days.length === 0) return [fieldError(`${path}.days`, M.daysRequired())]
  const errors: TFieldError[] = []
  frequency.days.forEach((d, i) => {
    const ok =
      frequency.kind === 'weekdays'
        ? (typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 6) ||
          (typeof d === 'string' && (WEEKDAY_NAMES as readonly string[]).includes(d))
        : typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 31
    if (!ok) {
      const message = frequency.kind === 'weekdays' ? M.invalidWeekday() : M.invalidMonthDay()
      errors.push(fieldError(`${path}.days.${i}`, message))
    }
  })
  return errors
}
