import { render } from '../../platform/i18n/messages'
import { describe, expect, it } from 'vitest'
import { cedulaCheckDigit, checkRuc, mod11CheckDigit, rucKind } from './ruc'

describe('checkRuc', () => {
  it('accepts natural persons (cédula + establishment)', () => {
    expect(checkRuc('1710034065001')).toEqual({ ok: true, kind: 'natural', checkDigitOk: true })
    expect(checkRuc('1713175071001')).toMatchObject({ ok: true, kind: 'natural' })
    // a second establishment of the same person
    expect(checkRuc('1710034065002')).toMatchObject({ ok: true, kind: 'natural' })
  })

  it('accepts public entities (module 11 on the 9th digit)', () => {
    expect(checkRuc('1760013210001')).toEqual({ ok: true, kind: 'public', checkDigitOk: true })
    expect(checkRuc('1760001550001')).toMatchObject({ ok: true, kind: 'public' })
  })

  it('accepts private companies and reports their module-11 digit', () => {
    expect(checkRuc('2191744791001')).toEqual({ ok: true, kind: 'private', checkDigitOk: true })
    expect(checkRuc('1790011674001')).toEqual({ ok: true, kind: 'private', checkDigitOk: true })
    // an active company whose RUC fails module 11 (SRI sequences longer than 6 digits): still accepted
    expect(checkRuc('1793213150001')).toEqual({ ok: true, kind: 'private', checkDigitOk: false })
  })

  it('accepts province 30 (registered abroad)', () => {
    const first9 = [3, 0, 1, 2, 3, 4, 5, 6, 7]
    const ruc = `${first9.join('')}${cedulaCheckDigit(first9)}001`
    expect(checkRuc(ruc)).toMatchObject({ ok: true, kind: 'natural' })
  })

  it.each([
    ['', 'exactamente 13'],
    ['171003406500', 'exactamente 13'],
    ['17100340650011', 'exactamente 13'],
    ['17100340650A1', 'exactamente 13'],
    [' 1710034065001', 'exactamente 13'],
    ['0010034065001', 'provincia'],
    ['2510034065001', 'provincia'],
    ['1710034064001', 'cédula'],
    ['1710034065000', 'establecimiento'],
    ['1760013220001', 'entidad pública'],
    ['1760013210000', 'establecimiento'],
    ['1790011674000', 'establecimiento'],
    ['1770011674001', 'tercer dígito'],
    ['1780011674001', 'tercer dígito'],
    ['1234567890123', 'cédula'],
  ])('rejects %j (%s)', (ruc, fragment) => {
    const r = checkRuc(ruc)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(render(r.message, 'es')).toContain(fragment)
  })
})

describe('check digits', () => {
  it('computes the cédula digit (module 10)', () => {
    expect(cedulaCheckDigit([1, 7, 1, 0, 0, 3, 4, 0, 6])).toBe(5)
    // sum multiple of 10 → 0
    expect(cedulaCheckDigit([0, 1, 0, 0, 0, 0, 0, 0, 8])).toBe(
      (10 - ((0 + 1 + 0 + 0 + 0 + 0 + 0 + 0 + 7) % 10)) % 10,
    )
  })

  it('computes module 11 with its 11 → 0 and 10 → none cases', () => {
    expect(mod11CheckDigit([1, 7, 9, 0, 0, 1, 1, 6, 7], [4, 3, 2, 7, 6, 5, 4, 3, 2])).toBe(4)
    expect(mod11CheckDigit([1, 1], [11, 0])).toBe(0) // sum 11 → remainder 0 → 0
    expect(mod11CheckDigit([1], [1])).toBeNull() // 11 − 1 = 10 → no digit
  })

  it('tells the kind of a stored RUC', () => {
    expect(rucKind('1710034065001')).toBe('natural')
    expect(rucKind('1760013210001')).toBe('public')
    expect(rucKind('2191744791001')).toBe('private')
  })
})
