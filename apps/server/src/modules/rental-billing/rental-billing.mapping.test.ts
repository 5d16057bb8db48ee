import { describe, expect, it } from 'vitest'
import { money } from './rental-billing.mapping'

describe('amounts from the database', () => {
  it('show at least two decimals, exactly as stored (no rounding)', () => {
    expect(money('100')).toBe('100.00')
    expect(money('100.5')).toBe('100.50')
    expect(money('0.125')).toBe('0.125')
    expect(money('999999999999.99')).toBe('999999999999.99')
    expect(money('-3.1')).toBe('-3.10')
  })
})
