import { describe, expect, it } from 'vitest'
import { CARDINAL_ES, CARDINAL_POINTS, cardinalPointEs, printedLocation } from './location'

describe('printed location', () => {
  it('spells every cardinal point once', () => {
    expect(Object.keys(CARDINAL_ES).sort()).toEqual([...CARDINAL_POINTS].sort())
    expect(cardinalPointEs('north')).toBe('Norte')
    expect(cardinalPointEs('southwest')).toBe('Suroeste')
    expect(cardinalPointEs('up')).toBe('up')
    expect(cardinalPointEs(null)).toBeNull()
  })
  it('joins location and cardinal point with a dash, either alone, null when both are missing', () => {
    expect(printedLocation('CAMPO NORTE', 'north')).toBe('CAMPO NORTE – Norte')
    expect(printedLocation('  MDC CPF ', null)).toBe('MDC CPF')
    expect(printedLocation(null, 'east')).toBe('Este')
    expect(printedLocation('  ', undefined)).toBeNull()
    expect(printedLocation(null, null)).toBeNull()
  })
})
