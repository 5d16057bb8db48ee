import { describe, expect, it } from 'vitest'
import { equipmentDays, sheetFigures, utilization, type SheetFigure } from './rental-figures'

describe('equipmentDays', () => {
  it('counts each unit’s days inside the period once, where windows touch or overlap', () => {
    const windows = [
      { equipmentId: 'a', start: '2026-01-01', end: '2026-01-10' },
      { equipmentId: 'a', start: '2026-01-08', end: '2026-01-12' }, // overlaps: 1–12 = 12 days
      { equipmentId: 'a', start: '2026-01-13', end: '2026-01-13' }, // touches: 13
      { equipmentId: 'a', start: '2026-01-20', end: null }, // open: 20–31 = 12
      { equipmentId: 'b', start: '2025-12-01', end: '2026-01-05' }, // clipped: 1–5
      { equipmentId: 'c', start: '2026-02-01', end: null }, // after the period
    ]
    expect(equipmentDays(windows, '2026-01-01', '2026-01-31')).toBe(13 + 12 + 5)
  })

  it('utilization: days on site ÷ fleet × days, one decimal half-up; none without a fleet', () => {
    const w = [{ equipmentId: 'a', start: '2026-01-01', end: '2026-01-02' }]
    // 2 / (3 × 4) = 16.666… → 16.7
    expect(utilization(w, 3, '2026-01-01', '2026-01-04')).toEqual({
      from: '2026-01-01',
      to: '2026-01-04',
      days: 4,
      equipmentDays: 2,
      capacityDays: 12,
      percent: '16.7',
    })
    expect(utilization([], 0, '2026-01-01', '2026-01-04').percent).toBeNull()
  })
})

describe('sheetFigures', () => {
  const sheet = (over: Partial<SheetFigure>): SheetFigure => ({
    status: 'invoiced',
    periodStart: '2026-01-01',
    currency: 'USD',
    subtotal: '0.10',
    total: '0.115',
    clientId: 'c1',
    clientName: 'Uno',
    ...over,
  })
  it('adds exactly per currency; revenue only from liquidated and invoiced sheets', () => {
    const f = sheetFigures([
      sheet({}),
      sheet({ status: 'liquidated', subtotal: '0.20', total: '0.23' }),
      sheet({ status: 'in_progress', subtotal: '100', total: '115' }),
      sheet({ status: 'cancelled', subtotal: '5', total: '5.75' }),
      sheet({ periodStart: '2026-02-01', clientId: 'c2', clientName: 'Dos', subtotal: '1', total: '1.15' }),
    ])
    expect(f.revenueByMonth).toEqual([
      { month: '2026-01', amounts: [{ currency: 'USD', subtotal: '0.3', total: '0.345' }] },
      { month: '2026-02', amounts: [{ currency: 'USD', subtotal: '1', total: '1.15' }] },
    ])
    expect(f.revenueByClient.map((c) => c.clientName)).toEqual(['Dos', 'Uno'])
    expect(f.sheets.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['in_progress', 1],
      ['liquidated', 1],
      ['invoiced', 2],
      ['cancelled', 1],
    ])
  })
})
