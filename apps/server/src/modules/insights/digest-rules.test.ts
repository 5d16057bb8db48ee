import { describe, expect, it } from 'vitest'
import { activitySummary, digestPeriod, isDigestDue, localClock, overallPercent } from './digest-rules'

describe('digest period and schedule', () => {
  it('reads the day, weekday and hour in the organization time zone, not in UTC', () => {
    // 2026-12-07 03:30 UTC is still Sunday 6 December, 21:30 in Mexico City
    expect(localClock(new Date('2026-12-07T03:30:00Z'), 'America/Mexico_City')).toEqual({
      date: '2026-12-06',
      weekday: 7,
      hour: 21,
    })
    expect(localClock(new Date('2026-12-07T03:30:00Z'), 'UTC')).toEqual({
      date: '2026-12-07',
      weekday: 1,
      hour: 3,
    })
  })

  it('covers the seven days that ended yesterday', () => {
    expect(digestPeriod('2026-12-07')).toEqual({ start: '2026-11-30', end: '2026-12-06' })
    expect(digestPeriod('2027-01-01')).toEqual({ start: '2026-12-25', end: '2026-12-31' })
  })

  it('is due on its weekday and hour of the organization, once an hour', () => {
    const monday7 = { weekday: 1, hour: 7 }
    // Monday 7 December 2026, 07:00 in Guayaquil (UTC-5) is 12:00 UTC
    expect(isDigestDue(new Date('2026-12-07T12:00:00Z'), 'America/Guayaquil', monday7)).toBe(true)
    expect(isDigestDue(new Date('2026-12-07T12:59:59Z'), 'America/Guayaquil', monday7)).toBe(true)
    expect(isDigestDue(new Date('2026-12-07T13:00:00Z'), 'America/Guayaquil', monday7)).toBe(false)
    expect(isDigestDue(new Date('2026-12-07T07:00:00Z'), 'America/Guayaquil', monday7)).toBe(false)
  })
})

describe('activity summary', () => {
  const row = (userId: string, user: string, module: string, count: number) => ({
    userId,
    user,
    module,
    count,
  })

  it('ranks users by their changes, modules within each, and totals per module', () => {
    const s = activitySummary([
      row('a', 'Ana', 'proposals', 3),
      row('b', 'Beto', 'work-orders', 5),
      row('a', 'Ana', 'work-orders', 4),
      row('c', 'Carla', 'production', 2),
    ])
    expect(s.users.map((u) => [u.user, u.total])).toEqual([
      ['Ana', 7],
      ['Beto', 5],
      ['Carla', 2],
    ])
    expect(s.users[0]!.modules).toEqual([
      { module: 'work-orders', count: 4 },
      { module: 'proposals', count: 3 },
    ])
    expect(s.modules).toEqual([
      { module: 'work-orders', count: 9 },
      { module: 'proposals', count: 3 },
      { module: 'production', count: 2 },
    ])
  })

  it('keeps the ten most active users', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`u${i}`, `Usuario ${i}`, 'proposals', i + 1))
    const s = activitySummary(rows)
    expect(s.users).toHaveLength(10)
    expect(s.users[0]!.total).toBe(12)
    expect(s.users.at(-1)!.total).toBe(3)
  })
})

describe('overall percent', () => {
  it('is Σ done / Σ total, two decimals half-up, null without anything to count', () => {
    expect(overallPercent([])).toBeNull()
    expect(overallPercent([{ projectManager: 'x', done: 0, total: 0 }])).toBeNull()
    expect(
      overallPercent([
        { projectManager: 'x', done: 1, total: 3 },
        { projectManager: 'y', done: 1, total: 3 },
      ]),
    ).toBe('33.33')
    expect(overallPercent([{ projectManager: 'x', done: 2, total: 3 }])).toBe('66.67')
    expect(overallPercent([{ projectManager: 'x', done: 1, total: 8 }])).toBe('12.50')
    expect(overallPercent([{ projectManager: 'x', done: 5, total: 5 }])).toBe('100.00')
  })
})
