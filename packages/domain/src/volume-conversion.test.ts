import { describe, expect, it } from 'vitest'
import { convertVolume, isVolume, tryConvertVolume } from './volume-conversion'

describe('volume conversion (docs/rental-billing.md#volume-conversions)', () => {
  it.each([
    // unit, typed, gallons, barrels, m³
    ['gallons', '180', '180.00', '4.29', '0.68'],
    ['gallons', '100', '100.00', '2.38', '0.38'],
    ['gallons', '21', '21.00', '0.50', '0.08'],
    ['gallons', '0.21', '0.21', '0.01', '0.00'], // 0.005 exactly → half-up 0.01
    ['barrels', '1', '42.00', '1.00', '0.16'],
    ['barrels', '12.5', '525.00', '12.50', '1.99'],
    ['barrels', '1.25', '52.50', '1.25', '0.20'],
    ['cubicMeters', '1', '264.17', '6.29', '1.00'],
    ['cubicMeters', '0.01', '2.64', '0.06', '0.01'],
    ['gallons', '99999999.99', '99999999.99', '2380952.38', '378541.00'],
  ] as const)('%s %s → %s gal, %s bbl, %s m³', (unit, typed, gallons, barrels, cubicMeters) => {
    expect(convertVolume(unit, typed)).toEqual({ gallons, barrels, cubicMeters })
  })

  it('refuses what is not a volume', () => {
    for (const v of ['', ' 1', '-1', '1.234', '1e3', '0x10', '123456789', '1,5']) {
      expect(isVolume(v), v).toBe(false)
      expect(() => convertVolume('gallons', v)).toThrow(RangeError)
    }
    expect(() => convertVolume('litres' as never, '1')).toThrow(RangeError)
  })

  it('converts text being typed, or answers null', () => {
    expect(tryConvertVolume('gallons', ' 42 ')).toEqual({
      gallons: '42.00',
      barrels: '1.00',
      cubicMeters: '0.16',
    })
    expect(tryConvertVolume('gallons', '4,2')).toBeNull()
    expect(tryConvertVolume('gallons', '')).toBeNull()
  })
})
