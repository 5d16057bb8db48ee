import { describe, expect, it } from 'vitest'
import {
  addDays,
  allowedDates,
  billedDates,
  datesBetween,
  daysInMonth,
  frequencyErrors,
  fromDayNumber,
  isBusinessDate,
  toDayNumber,
  weekdayOf,
  type BilledDatesInput,
  type Weekday,
} from './billing-dates'

const JAN: Pick<BilledDatesInput, 'periodStart' | 'periodEnd'> = {
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
}
const daily = { kind: 'daily' } as const

/** Oracle for the calendar maths: UTC-only Date arithmetic (never local time). */
function oracleDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000
}

describe('calendar primitives', () => {
  it('validates real YYYY-MM-DD dates only', () => {
    for (const ok of ['2026-01-31', '2028-02-29', '2000-02-29', '1999-12-31'])
      expect(isBusinessDate(ok)).toBe(true)
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-1-1',
      '2026-01-01T00:00',
      '',
      20260101,
      null,
    ]) {
      expect(isBusinessDate(bad)).toBe(false)
    }
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError)
  })

  it('day numbers agree with UTC Date arithmetic from 1900 to 2100, both ways', () => {
    for (let n = oracleDayNumber('1900-01-01'); n <= oracleDayNumber('2100-12-31'); n += 1) {
      const date = new Date(n * 86_400_000).toISOString().slice(0, 10)
      expect(toDayNumber(date)).toBe(n)
      expect(fromDayNumber(n)).toBe(date)
    }
  })

  it('weekday: 0 = Monday … 6 = Sunday', () => {
    expect(weekdayOf('2026-01-05')).toBe(0) // Monday
    expect(weekdayOf('2026-01-01')).toBe(3) // Thursday
    expect(weekdayOf('2026-01-04')).toBe(6) // Sunday
    expect(weekdayOf('1969-12-31')).toBe(2) // Wednesday, before the epoch
  })

  it('month lengths, leap years, addDays across year ends', () => {
    expect([daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)]).toEqual([
      28, 29, 28, 29,
    ])
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([])
  })
})

describe('billedDates', () => {
  it('daily, open operation: the whole period, both ends inclusive', () => {
    const dates = billedDates({ ...JAN, operationStart: '2025-12-01', operationEnd: null, frequency: daily })
    expect(dates).toHaveLength(31)
    expect(dates[0]).toBe('2026-01-01')
    expect(dates[30]).toBe('2026-01-31')
  })

  it('docs example: period Jan 1–31, start Jan 10, no end → 22 days', () => {
    const dates = billedDates({ ...JAN, operationStart: '2026-01-10', operationEnd: null, frequency: daily })
    expect(dates).toHaveLength(22)
    expect(dates[0]).toBe('2026-01-10')
  })

  it('operation start and end inside the period: both inclusive', () => {
    const dates = billedDates({
      ...JAN,
      operationStart: '2026-01-10',
      operationEnd: '2026-01-12',
      frequency: daily,
    })
    expect(dates).toEqual(['2026-01-10', '2026-01-11', '2026-01-12'])
    expect(
      billedDates({ ...JAN, operationStart: '2026-01-31', operationEnd: '2026-01-31', frequency: daily }),
    ).toEqual(['2026-01-31'])
  })

  it('operation window outside the period (or inverted) → nothing', () => {
    expect(
      billedDates({ ...JAN, operationStart: '2026-02-01', operationEnd: null, frequency: daily }),
    ).toEqual([])
    expect(
      billedDates({ ...JAN, operationStart: '2025-11-01', operationEnd: '2025-12-31', frequency: daily }),
    ).toEqual([])
    expect(
      billedDates({ ...JAN, operationStart: '2026-01-20', operationEnd: '2026-01-10', frequency: daily }),
    ).toEqual([])
  })

  it('a period spanning two months bills DATES: Jan 10 – Feb 20 every day = 42 (the old day numbers gave 31)', () => {
    const dates = billedDates({
      periodStart: '2026-01-10',
      periodEnd: '2026-02-20',
      operationStart: '2026-01-01',
      operationEnd: null,
      frequency: daily,
    })
    expect(dates).toHaveLength(42)
    expect(dates).toContain('2026-01-15')
    expect(dates).toContain('2026-02-15')
    expect(dates.at(-1)).toBe('2026-02-20')
  })

  it('across a year end and a leap day', () => {
    const dates = billedDates({
      periodStart: '2027-12-30',
      periodEnd: '2028-03-01',
      operationStart: '2027-01-01',
      operationEnd: null,
      frequency: { kind: 'monthdays', days: [29, 30, 1] },
    })
    expect(dates).toEqual([
      '2027-12-30',
      '2028-01-01',
      '2028-01-29',
      '2028-01-30',
      '2028-02-01',
      '2028-02-29',
      '2028-03-01',
    ])
  })

  it('weekdays: numbers with Monday = 0, or names', () => {
    // January 2026: Mondays 5, 12, 19, 26; Fridays 2, 9, 16, 23, 30.
    const byNumber = billedDates({
      ...JAN,
      operationStart: '2026-01-01',
      operationEnd: null,
      frequency: { kind: 'weekdays', days: [0, 4] },
    })
    expect(byNumber).toEqual([
      '2026-01-02',
      '2026-01-05',
      '2026-01-09',
      '2026-01-12',
      '2026-01-16',
      '2026-01-19',
      '2026-01-23',
      '2026-01-26',
      '2026-01-30',
    ])
    const byName = billedDates({
      ...JAN,
      operationStart: '2026-01-01',
      operationEnd: null,
      frequency: { kind: 'weekdays', days: ['fri', 'mon', 'mon'] },
    })
    expect(byName).toEqual(byNumber)
    const sundays = billedDates({
      ...JAN,
      operationStart: '2026-01-01',
      operationEnd: null,
      frequency: { kind: 'weekdays', days: [6] },
    })
    expect(sundays).toEqual(['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25'])
  })

  it('weekdays combined with an operation window inside the period', () => {
    const dates = billedDates({
      ...JAN,
      operationStart: '2026-01-06',
      operationEnd: '2026-01-19',
      frequency: { kind: 'weekdays', days: ['mon'] },
    })
    expect(dates).toEqual(['2026-01-12', '2026-01-19'])
  })

  it('monthdays: listed days; 29–31 are not billed in months without them (no clamping)', () => {
    const feb = {
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      operationStart: '2026-01-01',
      operationEnd: null,
    }
    expect(billedDates({ ...feb, frequency: { kind: 'monthdays', days: [29, 30, 31] } })).toEqual([])
    expect(billedDates({ ...feb, frequency: { kind: 'monthdays', days: [1, 15, 28, 31] } })).toEqual([
      '2026-02-01',
      '2026-02-15',
      '2026-02-28',
    ])
    const leapFeb = { ...feb, periodStart: '2028-02-01', periodEnd: '2028-02-29' }
    expect(billedDates({ ...leapFeb, frequency: { kind: 'monthdays', days: [29, 30, 31] } })).toEqual([
      '2028-02-29',
    ])
    const april = { ...feb, periodStart: '2026-04-01', periodEnd: '2026-04-30' }
    expect(billedDates({ ...april, frequency: { kind: 'monthdays', days: [30, 31] } })).toEqual([
      '2026-04-30',
    ])
  })

  it('monthdays across two months bill each month once', () => {
    const dates = billedDates({
      periodStart: '2026-01-15',
      periodEnd: '2026-02-20',
      operationStart: '2026-01-01',
      operationEnd: null,
      frequency: { kind: 'monthdays', days: [1, 15, 20] },
    })
    expect(dates).toEqual(['2026-01-15', '2026-01-20', '2026-02-01', '2026-02-15', '2026-02-20'])
  })

  it('an empty frequency list bills nothing', () => {
    expect(
      billedDates({
        ...JAN,
        operationStart: '2026-01-01',
        operationEnd: null,
        frequency: { kind: 'weekdays', days: [] },
      }),
    ).toEqual([])
  })

  it('refuses malformed input', () => {
    const base = { ...JAN, operationStart: '2026-01-01', operationEnd: null, frequency: daily }
    expect(() => billedDates({ ...base, periodStart: '2026-02-01' })).toThrow(RangeError)
    expect(() => billedDates({ ...base, operationStart: '2026-1-1' })).toThrow(RangeError)
    expect(() => billedDates({ ...base, frequency: { kind: 'weekdays', days: [7 as Weekday] } })).toThrow(
      RangeError,
    )
    expect(() => billedDates({ ...base, frequency: { kind: 'monthdays', days: [0] } })).toThrow(RangeError)
    expect(() => billedDates({ ...base, frequency: { kind: 'monthdays', days: [1.5] } })).toThrow(RangeError)
  })

  it('allowedDates ignores the frequency', () => {
    expect(allowedDates({ ...JAN, operationStart: '2026-01-30', operationEnd: null })).toEqual([
      '2026-01-30',
      '2026-01-31',
    ])
  })
})

describe('frequencyErrors', () => {
  it('reports empty lists and out-of-range days with paths', () => {
    expect(frequencyErrors({ kind: 'daily' })).toEqual([])
    expect(frequencyErrors({ kind: 'weekdays', days: [] })).toMatchObject([
      { path: 'frequency.days', message: expect.any(String) as string },
    ])
    expect(frequencyErrors({ kind: 'weekdays', days: [0, 'sun', 7 as 0] }).map((e) => e.path)).toEqual([
      'frequency.days.2',
    ])
    expect(frequencyErrors({ kind: 'monthdays', days: [1, 31, 32, 0] }, 'f').map((e) => e.path)).toEqual([
      'f.days.2',
      'f.days.3',
    ])
  })
})
