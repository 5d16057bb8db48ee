import { DayOfWeek, LocalDate, YearMonth } from '@js-joda/core'

/**
 * Calendar dates (`YYYY-MM-DD`): whole days in the proleptic Gregorian calendar, never instants shifted by
 * a time zone (docs/architecture.md#rules-written-once). Built on js-joda's `LocalDate`; every function
 * takes and answers ISO date strings, so callers never see the library.
 *
 * Dates outside the years 1000..9999 or that do not exist (`2025-02-30`) are refused with a RangeError.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function localDate(date: string): LocalDate {
  const m = DATE_RE.exec(date)
  const y = Number(m?.[1])
  if (!m || y < 1000) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  try {
    return LocalDate.of(y, Number(m[2]), Number(m[3]))
  } catch {
    throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`)
  }
}

const iso = (d: LocalDate): string => d.toString()

/** True for a real calendar date written `YYYY-MM-DD` (years 1000..9999). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    localDate(value)
    return true
  } catch {
    return false
  }
}

/** Days since 1970-01-01 (negative before). Throws RangeError for anything but a calendar date. */
export const toEpochDay = (date: string): number => localDate(date).toEpochDay()

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export const fromEpochDay = (epochDay: number): string => iso(LocalDate.ofEpochDay(epochDay))

/** The date `days` days after `date` (before it when negative). */
export const addDays = (date: string, days: number): string => iso(localDate(date).plusDays(days))

/** The date `months` months after `date`, clamped to the end of a shorter month (Jan 31 + 1 → Feb 28/29). */
export const addMonths = (date: string, months: number): string => iso(localDate(date).plusMonths(months))

/** Calendar days from `start` to `end`: 0 for the same day, negative when `end` is before `start`. */
export const daysBetween = (start: string, end: string): number => toEpochDay(end) - toEpochDay(start)

/** Days from `start` to `end` counting both (2025-01-01 → 2025-01-01 is 1; 0 or less when end < start). */
export const inclusiveDays = (start: string, end: string): number => daysBetween(start, end) + 1

/** Weekday of a date, 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string): number => localDate(date).dayOfWeek().value() - 1

/** True on Saturday and Sunday. */
export const isWeekend = (date: string): boolean => {
  const d = localDate(date).dayOfWeek()
  return d === DayOfWeek.SATURDAY || d === DayOfWeek.SUNDAY
}

/** Every date from `start` to `end`, both inclusive; empty when `start` is after `end`. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = []
  const last = toEpochDay(end)
  for (let n = toEpochDay(start); n <= last; n++) out.push(fromEpochDay(n))
  return out
}

/** Days in a month (month 1..12). */
export const daysInMonth = (year: number, month: number): number => YearMonth.of(year, month).lengthOfMonth()

/** The first day of the date's month. */
export const firstDayOfMonth = (date: string): string => iso(localDate(date).withDayOfMonth(1))

/** The last day of the date's month. */
export const lastDayOfMonth = (date: string): string => {
  const d = localDate(date)
  return iso(d.withDayOfMonth(d.lengthOfMonth()))
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, the printed order of the documents; '' for none. */
export const toDayMonthYear = (date: string | null | undefined): string =>
  date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : ''
