import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  datesBetween,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  fromEpochDay,
  inclusiveDays,
  isCalendarDate,
  isWeekend,
  lastDayOfMonth,
  toDayMonthYear,
  toEpochDay,
  weekdayOf,
} from './calendar-date'

describe('calendar dates', () => {
  it('knows real dates from look-alikes', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1000-01-01', '9999-12-31', '2025-12-31'])
      expect(isCalendarDate(d), d).toBe(true)
    for (const d of [
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-04-31',
      '2025-1-01',
      '0999-12-31',
      '',
      20250101,
    ])
      expect(isCalendarDate(d), String(d)).toBe(false)
  })

  it('counts days since 1970-01-01 both ways', () => {
    expect(toEpochDay('1970-01-01')).toBe(0)
    expect(toEpochDay('1969-12-31')).toBe(-1)
    expect(toEpochDay('2000-03-01')).toBe(11017)
    expect(fromEpochDay(11017)).toBe('2000-03-01')
    for (let n = -300_000; n < 2_900_000; n += 997) expect(toEpochDay(fromEpochDay(n))).toBe(n)
    expect(() => toEpochDay('2025-02-30')).toThrow(RangeError)
    expect(() => toEpochDay('yesterday')).toThrow(RangeError)
  })

  it('adds days and months across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(addDays('2025-03-09', 0)).toBe('2025-03-09')
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15')
  })

  it('counts days between dates (exclusive and inclusive)', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0)
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364)
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9)
    expect(inclusiveDays('2025-01-01', '2025-01-01')).toBe(1)
    expect(inclusiveDays('2024-02-01', '2024-03-01')).toBe(30)
    // a daylight-saving change (Mexico until 2022, the US now) never loses or adds a day
    expect(inclusiveDays('2022-04-01', '2022-04-30')).toBe(30)
    expect(inclusiveDays('2025-03-01', '2025-03-31')).toBe(31)
  })

  it('names weekdays Monday = 0 … Sunday = 6', () => {
    expect(weekdayOf('1970-01-01')).toBe(3) // a Thursday
    expect(weekdayOf('2025-06-02')).toBe(0)
    expect(weekdayOf('2025-06-08')).toBe(6)
    expect(isWeekend('2025-06-07')).toBe(true)
    expect(isWeekend('2025-06-06')).toBe(false)
  })

  it('lists the dates of a span and the bounds of a month', () => {
    expect(datesBetween('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ])
    expect(datesBetween('2025-01-02', '2025-01-01')).toEqual([])
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2025, 4)).toBe(30)
    expect(firstDayOfMonth('2025-07-19')).toBe('2025-07-01')
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29')
  })

  it('prints dd/mm/yyyy', () => {
    expect(toDayMonthYear('2026-01-05')).toBe('05/01/2026')
    expect(toDayMonthYear(null)).toBe('')
  })
})
