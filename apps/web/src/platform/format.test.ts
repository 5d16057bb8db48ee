import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatLocaleFor,
  formatMoney,
  formatMonth,
  formatQuantity,
  wordsLocaleFor,
} from './format'
import { buildFormatters } from './session'

// Intl separates a currency code from the digits with a no-break space.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('format: the organization convention, whatever the UI language', () => {
  const mx = (lang: 'es' | 'en') =>
    buildFormatters({
      locale: formatLocaleFor('es-MX'),
      wordsLocale: wordsLocaleFor(lang, 'es-MX'),
      timeZone: 'America/Mexico_City',
      currencies: ['MXN', 'USD'],
    })
  const ec = (lang: 'es' | 'en') =>
    buildFormatters({
      locale: formatLocaleFor('es-EC'),
      wordsLocale: wordsLocaleFor(lang, 'es-EC'),
      timeZone: 'America/Guayaquil',
      currencies: ['USD'],
    })

  it('money and short dates read the same in Spanish and English', () => {
    for (const lang of ['es', 'en'] as const) {
      expect(plain(mx(lang).money('1480000', 'MXN'))).toBe('MXN 1,480,000.00')
      expect(plain(mx(lang).money('1234.5', 'USD'))).toBe('USD 1,234.50')
      expect(ec(lang).money('1234.5', 'USD')).toBe('$1.234,50')
      expect(mx(lang).date('2025-11-25')).toBe('25/11/2025')
      expect(ec(lang).date('2025-11-05')).toBe('05/11/2025')
      expect(ec(lang).quantity('1250')).toBe('1.250')
    }
  })

  it('says the currency code where two currencies meet, the symbol otherwise', () => {
    expect(plain(mx('es').money('10', 'MXN'))).toBe('MXN 10.00')
    expect(mx('es').money('10', 'MXN', { code: false })).toBe('$10.00')
    expect(ec('es').money('10', 'USD')).toBe('$10,00')
    expect(plain(ec('en').money('10', 'USD', { code: true }))).toMatch(/^USD ?10,00$/)
  })

  it('only month and weekday names follow the UI language, day first', () => {
    expect(mx('es').month('2025-11')).toBe('noviembre de 2025')
    expect(mx('en').month('2025-11')).toBe('November 2025')
    expect(mx('en').date('2025-11-25', 'long')).toBe('25 November 2025')
    expect(mx('es').date('2025-11-25', 'long')).toBe('25 de noviembre de 2025')
    expect(mx('en').weekday('2025-11-24', 'short')).toBe('Mon')
    expect(formatMonth('2026-01-15', 'es-EC', 'short')).toMatch(/^ene\.? 26$/)
  })

  it('formats the digits of the string, never through a float', () => {
    // 2^53 + 1 and 20 fraction digits: a JS number would lose them
    expect(formatQuantity('9007199254740993', 'es-MX')).toBe('9,007,199,254,740,993')
    expect(formatMoney('12345678901234567890.125', 'MXN', 'es-MX')).toBe('$12,345,678,901,234,567,890.13')
    expect(formatMoney('0.005', 'USD', 'es-EC')).toBe('$0,01')
    expect(formatMoney('-0.004', 'USD', 'es-EC')).toBe('$0,00')
    expect(formatQuantity('0.1234567', 'es-MX', { maxFractionDigits: 6 })).toBe('0.123457')
  })

  it('leaves what is not a decimal or a date as it came', () => {
    expect(formatMoney('abc', 'MXN', 'es-MX')).toBe('abc')
    expect(formatDate('25/11/2025', 'es-MX')).toBe('25/11/2025')
    expect(formatDate(null, 'es-MX')).toBe('')
  })

  it('falls back to es-MX for an unknown organization locale', () => {
    expect(formatLocaleFor(undefined)).toBe('es-MX')
    expect(formatLocaleFor('en-US')).toBe('es-MX')
    expect(wordsLocaleFor('en', 'es-EC')).toBe('en-GB')
  })
})
