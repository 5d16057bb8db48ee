import { describe, expect, it } from 'vitest'
import { formatQuantity } from './format'
import { decimalExample, decimalToInput, parseDecimalInput } from './decimal-input'

const value = (text: string, locale: string, opts = {}) => {
  const r = parseDecimalInput(text, locale, opts)
  return r.ok ? r.value : `!${r.reason}`
}

describe('decimal input: accepts what the app displays', () => {
  it('es-EC: "." groups thousands, "," is the decimal mark', () => {
    expect(value('1.250,00', 'es-EC')).toBe('1250.00')
    expect(value('1.250', 'es-EC')).toBe('1250')
    expect(value('12,5', 'es-EC')).toBe('12.5')
    expect(value('1250,5', 'es-EC')).toBe('1250.5')
    expect(value('$1.234,50', 'es-EC')).toBe('1234.50')
    // "12.5" would be 125 read as grouping, or 12.5 read the other way: refused, never guessed
    expect(value('12.5', 'es-EC')).toBe('!format')
    expect(value('1.25', 'es-EC')).toBe('!format')
  })

  it('es-MX: "," groups thousands, "." is the decimal mark', () => {
    expect(value('1,250,000.50', 'es-MX')).toBe('1250000.50')
    expect(value('2450000.75', 'es-MX')).toBe('2450000.75')
    expect(value('MXN 1,234.50', 'es-MX')).toBe('1234.50')
    expect(value('.5', 'es-MX')).toBe('0.5')
    expect(value('12,50', 'es-MX')).toBe('!format')
    expect(value('1,2345', 'es-MX')).toBe('!format')
    expect(value('1.2.3', 'es-MX')).toBe('!format')
  })

  it('every quantity the app displays parses back to the same number', () => {
    for (const locale of ['es-MX', 'es-EC']) {
      for (const v of ['0', '7', '1250', '1250.5', '1234567.89', '1000000']) {
        const shown = formatQuantity(v, locale, { maxFractionDigits: 2 })
        const back = parseDecimalInput(shown, locale)
        expect(back.ok && Number(back.value) === Number(v), `${locale} ${shown}`).toBe(true)
      }
    }
  })

  it('empty is empty; limits on decimals and sign', () => {
    expect(value('  ', 'es-MX')).toBe('')
    expect(value('1.234', 'es-MX', { maxFractionDigits: 2 })).toBe('!fraction')
    expect(value('-5', 'es-MX')).toBe('!negative')
    expect(value('-5', 'es-MX', { allowNegative: true })).toBe('-5')
    expect(value('-0', 'es-MX')).toBe('0')
    expect(value('abc', 'es-MX')).toBe('!format')
  })

  it('shows a canonical value for editing, and the example of the hint', () => {
    expect(decimalToInput('1250000.5', 'es-EC')).toBe('1.250.000,5')
    expect(decimalToInput('1250000.5', 'es-MX')).toBe('1,250,000.5')
    expect(decimalToInput('', 'es-MX')).toBe('')
    expect(decimalExample('es-EC')).toBe('1.250,50')
    expect(decimalExample('es-MX', 0)).toBe('1,250')
    expect(decimalExample('es-MX', 6)).toBe('1,250.50')
  })
})
