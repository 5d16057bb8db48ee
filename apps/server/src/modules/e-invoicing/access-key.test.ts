import { describe, expect, it } from 'vitest'
import { buildAccessKey, documentNumber, isValidAccessKey, modulo11CheckDigit } from './access-key'

describe('módulo 11 (SRI)', () => {
  it('matches keys of invoices the SRI authorized', () => {
    // authorized invoices published as examples (their last digit is the SRI's check digit)
    for (const key of [
      '0312202201019007200200120029020004874985766297216',
      '2110201101179214673900110020010000000011234567813',
    ])
      expect(modulo11CheckDigit(key.slice(0, 48))).toBe(Number(key[48]))
  })
  it('maps 11 to 0 and 10 to 1', () => {
    // weights 2,3 from the right: "0" → sum 0 → 11 → 0
    expect(modulo11CheckDigit('0')).toBe(0)
    // "5" → 10 → 11 − 10 = 1
    expect(modulo11CheckDigit('5')).toBe(1)
    // "1" → 2 → 9
    expect(modulo11CheckDigit('1')).toBe(9)
    // "41" → 1·2 + 4·3 = 14 → 14 mod 11 = 3 → 8
    expect(modulo11CheckDigit('41')).toBe(8)
  })
  it('refuses anything but digits', () => {
    expect(() => modulo11CheckDigit('12a')).toThrow()
  })
})

describe('access key', () => {
  const parts = {
    issueDate: '2026-12-07',
    documentType: '01',
    ruc: '1790011001001',
    environment: '1',
    establishment: '001',
    emissionPoint: '002',
    sequential: 123,
    numericCode: '12345678',
  } as const
  it('has 49 digits in the SRI order with a valid check digit', () => {
    const key = buildAccessKey(parts)
    expect(key).toHaveLength(49)
    expect(key.slice(0, 48)).toBe(
      '07122026' + '01' + '1790011001001' + '1' + '001002' + '000000123' + '12345678' + '1',
    )
    expect(isValidAccessKey(key)).toBe(true)
    const tampered = key.slice(0, 20) + ((Number(key[20]) + 1) % 10) + key.slice(21)
    expect(isValidAccessKey(tampered)).toBe(false)
  })
  it('refuses malformed parts', () => {
    expect(() => buildAccessKey({ ...parts, ruc: '179001100' })).toThrow()
    expect(() => buildAccessKey({ ...parts, sequential: 0 })).toThrow()
    expect(() => buildAccessKey({ ...parts, issueDate: '07/12/2026' })).toThrow()
  })
  it('prints the document number', () => {
    expect(documentNumber('001', '002', 123)).toBe('001-002-000000123')
  })
})
