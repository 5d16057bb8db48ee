import { describe, expect, it } from 'vitest'
import {
  FIRST_SERIES_NUMBER,
  formatCertificateNumber,
  formatSeriesCode,
  nextSeriesNumber,
  parseCertificateNumber,
  parseSeriesCode,
  seriesPrefixOf,
} from './series-code'

describe('billing sheet series code <prefix>-YYYY-NNNN', () => {
  it('starts at 1000 each year and counts up', () => {
    expect(FIRST_SERIES_NUMBER).toBe(1000)
    expect(nextSeriesNumber(null)).toBe(1000)
    expect(nextSeriesNumber(1047)).toBe(1048)
    expect(() => nextSeriesNumber(999)).toThrow(RangeError)
  })

  it('formats', () => {
    expect(formatSeriesCode('PSL-PS', 2026, 1000)).toBe('PSL-PS-2026-1000')
    expect(formatSeriesCode('PSL-PS', 2026, 1047)).toBe('PSL-PS-2026-1047')
    expect(formatSeriesCode('ACME', 2027, 10000)).toBe('ACME-2027-10000')
  })

  it('refuses bad prefixes, years and numbers', () => {
    expect(() => formatSeriesCode('psl-ps', 2026, 1000)).toThrow(RangeError)
    expect(() => formatSeriesCode('PSL--PS', 2026, 1000)).toThrow(RangeError)
    expect(() => formatSeriesCode('PSL-PS', 26, 1000)).toThrow(RangeError)
    expect(() => formatSeriesCode('PSL-PS', 2026, 1)).toThrow(RangeError)
    expect(() => formatSeriesCode('PSL-PS', 2026, 1000.5)).toThrow(RangeError)
  })

  it('parses what it formats, and nothing of the unfinished PSL-PS-NNNNNN-YY shape', () => {
    expect(parseSeriesCode('PSL-PS-2026-1000')).toEqual({ prefix: 'PSL-PS', year: 2026, number: 1000 })
    expect(parseSeriesCode('ACME-2027-10000')).toEqual({ prefix: 'ACME', year: 2027, number: 10000 })
    for (const bad of [
      'PSL-PS-001048-26',
      'PSL-PS-00000-00',
      'PSL-PS-0000-0000',
      'PSL-PS-2026-0999',
      'PSL-PS-2026-01000',
      '2026-1000',
      'psl-ps-2026-1000',
    ]) {
      expect(parseSeriesCode(bad)).toBeNull()
    }
  })
})

describe('final disposition certificate PSL-CDF-YYYYMMDD-NNNNN', () => {
  it('formats and parses', () => {
    expect(formatCertificateNumber('2026-01-31', 1)).toBe('PSL-CDF-20260131-00001')
    expect(formatCertificateNumber('2026-12-05', 12345, 'ACME-CDF')).toBe('ACME-CDF-20261205-12345')
    expect(parseCertificateNumber('PSL-CDF-20260131-00001')).toEqual({
      prefix: 'PSL-CDF',
      date: '2026-01-31',
      consecutive: 1,
    })
  })

  it('refuses bad dates and consecutives', () => {
    expect(() => formatCertificateNumber('2026-02-30', 1)).toThrow(RangeError)
    expect(() => formatCertificateNumber('2026-01-31', 0)).toThrow(RangeError)
    expect(() => formatCertificateNumber('2026-01-31', 100000)).toThrow(RangeError)
    expect(parseCertificateNumber('PSL-CDF-20260230-00001')).toBeNull()
    expect(parseCertificateNumber('PSL-CDF-20260131-00000')).toBeNull()
    expect(parseCertificateNumber('PSL-CDF-20260131-1')).toBeNull()
  })
})

describe('the prefix an organization setting names', () => {
  it('is the setting when it is a valid prefix, else the default', () => {
    expect(seriesPrefixOf('ACME-PS', 'PSL-PS')).toBe('ACME-PS')
    expect(seriesPrefixOf('acme', 'PSL-PS')).toBe('PSL-PS')
    expect(seriesPrefixOf('', 'PSL-CDF')).toBe('PSL-CDF')
    expect(seriesPrefixOf(undefined, 'PSL-PS')).toBe('PSL-PS')
    expect(seriesPrefixOf(42, 'PSL-PS')).toBe('PSL-PS')
  })
})
