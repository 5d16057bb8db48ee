import { describe, expect, it } from 'vitest'
import { amountTimes } from './amounts'

describe('amountTimes', () => {
  it('multiplies exactly, two decimals', () => {
    expect(amountTimes('150.25', 3)).toBe('450.75')
    expect(amountTimes('0.10', 3)).toBe('0.30') // a float gives 0.30000000000000004
    expect(amountTimes('99999999999.99', 31)).toBe('3099999999999.69')
    expect(amountTimes('12', 0)).toBe('0.00')
    expect(amountTimes(' 7.5 ', 2)).toBe('15.00')
  })
  it('rounds half-up to cents only when the amount has more than two decimals', () => {
    expect(amountTimes('0.125', 1)).toBe('0.13')
    expect(amountTimes('0.1249', 1)).toBe('0.12')
    expect(amountTimes('1.005', 3)).toBe('3.02') // 3.015 → 3.02
  })
  it('answers null for what is not an amount or a whole count', () => {
    for (const a of ['', '-1', '1e3', '1,5', 'abc']) expect(amountTimes(a, 2), a).toBeNull()
    expect(amountTimes('1', 1.5)).toBeNull()
    expect(amountTimes('1', -1)).toBeNull()
  })
})
