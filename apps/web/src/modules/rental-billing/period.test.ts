import { describe, expect, it } from 'vitest'
import { monthRange, periodWithinProject } from './period'

describe('billing sheet periods', () => {
  it('gives a month, shifted across the year, with its last day', () => {
    expect(monthRange('2026-03-15')).toEqual({ start: '2026-03-01', end: '2026-03-31' })
    expect(monthRange('2026-01-31', -1)).toEqual({ start: '2025-12-01', end: '2025-12-31' })
    expect(monthRange('2028-03-31', -1)).toEqual({ start: '2028-02-01', end: '2028-02-29' })
  })

  it("keeps a month inside the project's dates, as the server requires", () => {
    const march = { start: '2026-03-01', end: '2026-03-31' }
    // started mid-month: from its first day
    expect(periodWithinProject(march, { startDate: '2026-03-10', endDate: null })).toEqual({
      start: '2026-03-10',
      end: '2026-03-31',
    })
    // ended mid-month: to its last day
    expect(periodWithinProject(march, { startDate: '2026-01-01', endDate: '2026-03-20' })).toEqual({
      start: '2026-03-01',
      end: '2026-03-20',
    })
    // the whole month, and no project chosen yet
    expect(periodWithinProject(march, { startDate: '2026-01-01', endDate: null })).toEqual(march)
    expect(periodWithinProject(march)).toEqual(march)
    // a project that does not touch the month: the month, for the server to explain
    expect(periodWithinProject(march, { startDate: '2026-05-01', endDate: null })).toEqual(march)
  })
})
