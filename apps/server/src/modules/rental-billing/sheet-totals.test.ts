import { describe, expect, it } from 'vitest'
import { computeSheetTotals, taxOf } from './sheet-totals'

const chain = (
  status: 'draft' | 'closed' | 'cancelled',
  gallons: string,
  barrels: string,
  cubicMeters: string,
) => ({
  status,
  gallons,
  barrels,
  cubicMeters,
})

describe('IVA half-up to cents (rule IVA_CENTS)', () => {
  it.each([
    ['1200.30', '0.15', '180.05'], // 180.045 → 180.05 (half-even: 180.04)
    ['477.00', '0.15', '71.55'],
    ['455.00', '0.15', '68.25'],
    ['0.30', '0.15', '0.05'], // 0.045 → 0.05 (half-even: 0.04)
    ['0.10', '0.15', '0.02'], // 0.015 → 0.02
    ['0.01', '0.15', '0.00'], // 0.0015 → 0.00
    ['114.99', '0.15', '17.25'], // 17.2485 → 17.25 (the old system's unrounded echo)
    ['1000.00', '0.1500', '150.00'],
    ['1200.30', '0.16', '192.05'], // 192.048
    ['0.00', '0.15', '0.00'],
    ['99999999.99', '0.15', '15000000.00'], // 14999999.9985
  ])('%s × %s → %s', (subtotal, rate, tax) => {
    expect(taxOf(subtotal, rate).toFixed(2)).toBe(tax)
  })

  it('refuses a rate given as a percentage or a malformed one', () => {
    expect(() => taxOf('1.00', '15')).toThrow(RangeError)
    expect(() => taxOf('1.00', '-0.15')).toThrow(RangeError)
  })
})

describe('computeSheetTotals', () => {
  it('subtotal = Σ lines, tax, total = subtotal + tax (1200.30 → 180.05 → 1380.35)', () => {
    const totals = computeSheetTotals({
      lines: [{ total: '1000.00' }, { total: '200.00' }, { total: '0.30' }],
      taxRate: '0.15',
      custodyChains: [],
    })
    expect(totals).toEqual({
      subtotal: '1200.30',
      tax: '180.05',
      total: '1380.35',
      gallons: '0.00',
      barrels: '0.00',
      cubicMeters: '0.00',
    })
  })

  it('no lines → zeros', () => {
    expect(computeSheetTotals({ lines: [], taxRate: '0.15', custodyChains: [] })).toMatchObject({
      subtotal: '0.00',
      tax: '0.00',
      total: '0.00',
    })
  })

  it('volumes are exact decimal sums of non-cancelled chains (no integer truncation, no 32,767 ceiling)', () => {
    const totals = computeSheetTotals({
      lines: [],
      taxRate: '0.15',
      custodyChains: [
        chain('draft', '180.00', '4.29', '0.68'),
        chain('closed', '30000.55', '714.30', '113.57'),
        chain('closed', '5000.45', '119.06', '18.93'),
        chain('cancelled', '999.99', '23.81', '3.79'),
      ],
    })
    expect(totals).toMatchObject({ gallons: '35181.00', barrels: '837.65', cubicMeters: '133.18' })
  })
})
