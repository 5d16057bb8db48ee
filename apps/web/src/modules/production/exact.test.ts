import { describe, expect, it } from 'vitest'
import { dAdd, dCmp, dMul, dSub, dSum } from './exact'

describe('exact decimal strings', () => {
  it('adds, subtracts, multiplies and compares without floating point', () => {
    expect(dAdd('0.1', '0.2')).toBe('0.3')
    expect(dSum(['1.25', '3', '0.000001'])).toBe('4.250001')
    expect(dSub('10', '12.5')).toBe('-2.5')
    expect(dSub('3', '3')).toBe('0')
    expect(dMul('3.5', '1234.56')).toBe('4320.96')
    expect(dMul('0', '99.9')).toBe('0')
    expect(dCmp('12.5', '10')).toBe(1)
    expect(dCmp('10.000', '10')).toBe(0)
    expect(dCmp('-1', '0')).toBe(-1)
  })
})
