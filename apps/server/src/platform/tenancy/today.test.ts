import { describe, expect, it } from 'vitest'
import { calendarDate, createOrgToday, todayIn } from './today'

describe('todayIn', () => {
  it('is the calendar date in the time zone, not in UTC', () => {
    const instant = new Date('2026-03-10T03:30:00Z')
    expect(todayIn('America/Mexico_City', instant)).toBe('2026-03-09')
    expect(todayIn('America/Guayaquil', instant)).toBe('2026-03-09')
    expect(todayIn('UTC', instant)).toBe('2026-03-10')
  })

  it('crosses the year boundary per time zone', () => {
    const instant = new Date('2027-01-01T02:00:00Z')
    expect(todayIn('America/Guayaquil', instant)).toBe('2026-12-31')
    expect(todayIn('UTC', instant)).toBe('2027-01-01')
  })

  it('pads month and day', () => {
    expect(todayIn('UTC', new Date('2026-02-05T12:00:00Z'))).toBe('2026-02-05')
  })

  it('is calendarDate with the arguments in the other order', () => {
    const instant = new Date('2026-07-01T04:59:00Z')
    expect(todayIn('America/Mexico_City', instant)).toBe(calendarDate(instant, 'America/Mexico_City'))
  })
})

describe('createOrgToday', () => {
  it('reads the clock and the organization time zone at call time', async () => {
    let now = new Date('2026-03-10T03:30:00Z')
    const zones: Record<string, string> = { mx: 'America/Mexico_City', utc: 'UTC' }
    const today = createOrgToday(
      () => now,
      async (orgId) => zones[orgId] ?? 'UTC',
    )
    expect(await today('mx')).toBe('2026-03-09')
    expect(await today('utc')).toBe('2026-03-10')
    now = new Date('2026-03-10T12:00:00Z')
    expect(await today('mx')).toBe('2026-03-10')
  })
})
