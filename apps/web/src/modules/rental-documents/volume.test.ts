import { describe, expect, it } from 'vitest'
import { convertVolume } from './volume'

describe('custody-chain volume conversion (web, same rule as the server)', () => {
  it('keeps the typed value and derives the other two, 2 decimals half-up', () => {
    expect(convertVolume('gallons', '180')).toEqual({
      gallons: '180.00',
      barrels: '4.29',
      cubicMeters: '0.68',
    })
    expect(convertVolume('gallons', '100')).toEqual({
      gallons: '100.00',
      barrels: '2.38',
      cubicMeters: '0.38',
    })
    expect(convertVolume('barrels', '1')).toEqual({ gallons: '42.00', barrels: '1.00', cubicMeters: '0.16' })
    expect(convertVolume('cubicMeters', '1')).toEqual({
      gallons: '264.17',
      barrels: '6.29',
      cubicMeters: '1.00',
    })
    expect(convertVolume('gallons', '21')).toEqual({ gallons: '21.00', barrels: '0.50', cubicMeters: '0.08' })
    expect(convertVolume('barrels', '12.5')).toEqual({
      gallons: '525.00',
      barrels: '12.50',
      cubicMeters: '1.99',
    })
    expect(convertVolume('gallons', '0')).toEqual({ gallons: '0.00', barrels: '0.00', cubicMeters: '0.00' })
  })
  it('refuses what is not a volume', () => {
    expect(convertVolume('gallons', '')).toBeNull()
    expect(convertVolume('gallons', '-1')).toBeNull()
    expect(convertVolume('gallons', '1.234')).toBeNull()
    expect(convertVolume('gallons', '1e3')).toBeNull()
  })
})
