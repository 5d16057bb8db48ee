import { describe, expect, it } from 'vitest'
import { parsePercentInput, pastedColumn, samePercent } from './progress-input'

describe('percent input', () => {
  it('reads the organization convention and an optional % sign', () => {
    expect(parsePercentInput('12.5', 'es-MX')).toEqual({ ok: true, value: '12.5' })
    expect(parsePercentInput('12.5 %', 'es-MX')).toEqual({ ok: true, value: '12.5' })
    expect(parsePercentInput('12,5%', 'es-EC')).toEqual({ ok: true, value: '12.5' })
    expect(parsePercentInput('100', 'es-MX')).toEqual({ ok: true, value: '100' })
    expect(parsePercentInput('100.00', 'es-MX')).toEqual({ ok: true, value: '100.00' })
    expect(parsePercentInput('  ', 'es-MX')).toEqual({ ok: true, value: '' })
  })
  it('refuses over 100, negatives, 3 decimals and text', () => {
    expect(parsePercentInput('100.01', 'es-MX')).toEqual({ ok: false, reason: 'range' })
    expect(parsePercentInput('250', 'es-MX')).toEqual({ ok: false, reason: 'range' })
    expect(parsePercentInput('-1', 'es-MX')).toEqual({ ok: false, reason: 'range' })
    expect(parsePercentInput('12.345', 'es-MX')).toEqual({ ok: false, reason: 'fraction' })
    expect(parsePercentInput('abc', 'es-MX')).toEqual({ ok: false, reason: 'format' })
  })
  it('a column pasted from Excel: first cell of each line, the last line break dropped', () => {
    expect(pastedColumn('10%\r\n20%\r\n\r\n')).toEqual(['10%', '20%', ''])
    expect(pastedColumn('10\t x\n20\n')).toEqual(['10', '20'])
    expect(pastedColumn('55')).toEqual(['55'])
  })
  it('compares percentages as decimals', () => {
    expect(samePercent('40', '40.00')).toBe(true)
    expect(samePercent('40.5', '40.50')).toBe(true)
    expect(samePercent('40.5', '40.05')).toBe(false)
  })
})
