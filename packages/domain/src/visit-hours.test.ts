import { describe, expect, it } from 'vitest'
import { visitHours } from './visit-hours'

describe('visit hours (rule CHAIN_DURATION)', () => {
  it('is hours with 2 decimals, half-up', () => {
    expect(visitHours('08:00', '09:20')).toEqual({ valid: true, hours: '1.33' })
    expect(visitHours('08:00', '08:01')).toEqual({ valid: true, hours: '0.02' }) // 0.01666…
    expect(visitHours('08:00', '08:03')).toEqual({ valid: true, hours: '0.05' }) // exactly 0.05
    expect(visitHours('08:00', '08:09')).toEqual({ valid: true, hours: '0.15' }) // exactly 0.15
    expect(visitHours('00:00', '23:59')).toEqual({ valid: true, hours: '23.98' })
    expect(visitHours('07:30:00', '10:00:00')).toEqual({ valid: true, hours: '2.50' })
  })
  it('has no hours without both times, and is invalid when the end is not after the start', () => {
    expect(visitHours(null, '09:00')).toEqual({ valid: true, hours: null })
    expect(visitHours('09:00', '')).toEqual({ valid: true, hours: null })
    expect(visitHours('09:00', '09:00')).toEqual({ valid: false, hours: null })
    expect(visitHours('10:00', '09:00')).toEqual({ valid: false, hours: null })
  })
})
