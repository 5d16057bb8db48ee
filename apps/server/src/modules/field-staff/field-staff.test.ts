import { describe, expect, it } from 'vitest'
import { classifyExpiry, countByStatus, daysLeft, validOn, worstStatus } from './compliance-rules'
import { checkCedula, normalizePlate } from './identity'
import { render } from '../../platform/i18n/messages'

describe('cédula (module 10)', () => {
  it('accepts valid cédulas', () => {
    for (const c of ['1710034065', '0926687856', '1713175071', '0102030400', '0912345675'])
      expect(checkCedula(c), c).toEqual({ ok: true })
  })
  it('refuses a wrong check digit, province, third digit or length', () => {
    expect(checkCedula('1710034066').ok).toBe(false)
    expect(checkCedula('2510034065').ok).toBe(false)
    expect(checkCedula('1760034065').ok).toBe(false)
    expect(checkCedula('171003406').ok).toBe(false)
    expect(checkCedula('17100340651').ok).toBe(false)
    const r = checkCedula('1710034066')
    expect(!r.ok && render(r.message, 'es')).toMatch(/verificador/)
  })
})

describe('plates', () => {
  it('normalizes upper case and one hyphen', () => {
    expect(normalizePlate('pba-1234')).toBe('PBA-1234')
    expect(normalizePlate('PBA 1234')).toBe('PBA-1234')
    expect(normalizePlate('GBA123')).toBe('GBA-123')
  })
  it('refuses what is not a plate', () => {
    for (const p of ['PB-1234', 'PBA-12', 'PBA-12345', 'DBA-1234', 'FBA-123', '123-ABCD', ''])
      expect(normalizePlate(p), p).toBeNull()
  })
})

describe('classification', () => {
  const today = '2026-12-07'
  it('is expired from the day after the expiry', () => {
    expect(classifyExpiry('2026-12-06', today)).toBe('expired')
    expect(classifyExpiry('2026-12-07', today)).toBe('due10')
  })
  it('due in ≤ 10 days, ≤ 30 days, ok', () => {
    expect(classifyExpiry('2026-12-17', today)).toBe('due10')
    expect(classifyExpiry('2026-12-18', today)).toBe('due30')
    expect(classifyExpiry('2027-01-06', today)).toBe('due30')
    expect(classifyExpiry('2027-01-07', today)).toBe('ok')
  })
  it('counts days across months and years', () => {
    expect(daysLeft('2027-01-06', today)).toBe(30)
    expect(daysLeft('2026-11-12', today)).toBe(-25)
  })
  it('worst status and counts', () => {
    expect(worstStatus([])).toBeNull()
    expect(worstStatus(['ok', 'due30', 'due10'])).toBe('due10')
    expect(worstStatus(['ok', 'expired', 'due10'])).toBe('expired')
    expect(countByStatus(['2026-01-01', '2026-12-10', '2026-12-30', '2027-06-01'], today)).toEqual({
      expired: 1,
      due10: 1,
      due30: 1,
    })
  })
  it('a gating document is valid through its expiry date', () => {
    expect(validOn(['2026-11-12'], '2026-11-12')).toBe(true)
    expect(validOn(['2026-11-12'], '2026-11-13')).toBe(false)
    expect(validOn(['2026-11-12', '2027-11-12'], '2026-11-13')).toBe(true)
    expect(validOn([], '2026-11-13')).toBe(false)
  })
})
