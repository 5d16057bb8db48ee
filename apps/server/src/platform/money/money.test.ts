import { describe, expect, it } from 'vitest'
import {
  Dec,
  formatAmount,
  formatMoney,
  isPlainDecimal,
  parseAmount,
  roundHalfUpToCents,
  sumAmounts,
  toCentsString,
  toMoneyString,
} from './money'

describe('platform/money', () => {
  it('parses plain decimal strings only', () => {
    expect(parseAmount('1200.30', 'price').toString()).toBe('1200.3')
    for (const v of ['1e3', '0x10', '-1', ' 1', '', '1.123456789', '1234567890123'])
      expect(isPlainDecimal(v), v).toBe(false)
    expect(() => parseAmount('1e3', 'price')).toThrow(/price/)
  })

  it('rounds half-up to cents, never half-even', () => {
    expect(toCentsString(roundHalfUpToCents(new Dec('0.125'), 'TEST'))).toBe('0.13')
    expect(toCentsString(roundHalfUpToCents(new Dec('0.135'), 'TEST'))).toBe('0.14')
    expect(toCentsString(roundHalfUpToCents(new Dec('2.5049'), 'TEST'))).toBe('2.50')
  })

  it('sums exactly', () => {
    expect(toCentsString(sumAmounts(['0.10', '0.20', '0.70']))).toBe('1.00')
    expect(toCentsString(sumAmounts([]))).toBe('0.00')
    expect(toMoneyString(sumAmounts(['999999999999.99', '0.01']))).toBe('1000000000000.00')
    expect(toMoneyString(new Dec('3.125'))).toBe('3.125')
  })

  it('formats decimal strings for documents without going through a float', () => {
    expect(formatAmount('1234.5', 'es-EC')).toBe('1.234,50')
    expect(formatAmount('1234.5', 'es-MX')).toBe('1,234.50')
    expect(formatAmount('123456789012.125', 'es-MX')).toBe('123,456,789,012.13')
    expect(formatMoney('1480000', 'es-MX', 'MXN')).toBe('$1,480,000.00')
    expect(formatMoney('12.5', 'es-EC', 'USD')).toMatch(/12,50/)
  })
})
