import { describe, expect, it } from 'vitest'
import {
  cellText,
  codeText,
  conceptIdentity,
  excelNumberText,
  foldText,
  normalizeAnnex,
  normalizeCode,
  normalizeHeader,
  normalizeText,
  parseDateCell,
  parseDecimal,
  unitKey,
  unitText,
} from './concept-text'

describe('excelNumberText (what Excel shows: 15 significant digits, plain notation)', () => {
  it.each([
    [4.4, '4.4'],
    [4.11, '4.11'],
    [1.1, '1.1'],
    [1049146, '1049146'],
    [897810.7999999999, '897810.8'],
    [0.1 + 0.2, '0.3'],
    [147.14999999999998, '147.15'],
    [135177954.896, '135177954.896'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-0, '0'],
    [-2.5, '-2.5'],
  ])('%s → %s', (n, text) => expect(excelNumberText(n)).toBe(text))

  it('refuses NaN and infinities', () => {
    expect(() => excelNumberText(Number.NaN)).toThrow(RangeError)
    expect(() => excelNumberText(Infinity)).toThrow(RangeError)
  })
})

describe('normalizeText', () => {
  it('collapses white space, line breaks and no-break spaces, and trims', () => {
    expect(normalizeText('  SUMINISTRO\r\n  DE\tTUBO\u00a0 ')).toBe('SUMINISTRO DE TUBO')
    expect(normalizeText('\u00a0PERSONAL (MAR)')).toBe('PERSONAL (MAR)')
    expect(normalizeText('')).toBe('')
  })
  it('composes accents (NFC) so decomposed and composed forms are the same text', () => {
    expect(normalizeText('DI\u0301A')).toBe('DÍA')
  })
})

describe('codes', () => {
  it('codeText keeps the code as shown', () => {
    expect(codeText(' 2.1. ')).toBe('2.1.')
    expect(codeText(4.4)).toBe('4.4')
    expect(codeText(2)).toBe('2')
    expect(codeText('')).toBeNull()
    expect(codeText(null)).toBeNull()
    expect(codeText(new Date('2024-01-01'))).toBeNull()
    expect(codeText(true)).toBeNull()
  })

  it.each([
    ['2.1.', '2.1'],
    ['2.1', '2.1'],
    [' 2.1. ', '2.1'],
    ['2.1..', '2.1'],
    ['1C-010.', '1C-010'],
    ['c3ext-0977', 'C3EXT-0977'],
    ['C-4-1', 'C-4-1'],
    ['4. 7.', '4.7'],
  ])('normalizeCode(%j) = %j', (code, key) => expect(normalizeCode(code)).toBe(key))

  it('numbers from Excel compare equal to their text twins', () => {
    expect(normalizeCode(4.7)).toBe(normalizeCode('4.7.'))
    expect(normalizeCode(4.11)).toBe('4.11')
    expect(normalizeCode(1.1)).toBe('1.1')
    // a padded 4.10 is the number 4.1 in the file: it cannot be told apart (documented)
    expect(normalizeCode(4.1)).toBe('4.1')
  })
})

describe('units, descriptions, identity', () => {
  it('unitText shows units upper case with accents; unitKey folds them', () => {
    expect(unitText(' Día ')).toBe('DÍA')
    expect(unitKey('HOM/DÍA')).toBe('hom/dia')
    expect(unitKey('hom / dia')).toBe('hom/dia')
    expect(unitKey(unitKey('HOM/DÍA'))).toBe('hom/dia')
  })

  it('foldText ignores case, accents and white-space runs', () => {
    expect(foldText(' Operario  especialista.\n(ELÉCTRICO) ')).toBe('OPERARIO ESPECIALISTA. (ELECTRICO)')
  })

  it('conceptIdentity is (code, description, unit) with the comparison rules', () => {
    const a = conceptIdentity('4.7.', 'OPERARIO ESPECIALISTA. (TUBERO)', 'JORNADA')
    expect(conceptIdentity(4.7, ' operario  especialista. (tubero)', 'jornada')).toBe(a)
    expect(conceptIdentity('4.7', 'OPERARIO ESPECIALISTA. (SOLDADOR)', 'JORNADA')).not.toBe(a)
    expect(conceptIdentity('4.7', 'OPERARIO ESPECIALISTA. (TUBERO)', 'HORA')).not.toBe(a)
    expect(conceptIdentity('4.8', 'OPERARIO ESPECIALISTA. (TUBERO)', 'JORNADA')).not.toBe(a)
    expect(conceptIdentity('3.646.', 'BUCEO', 'DÍA')).toBe(conceptIdentity('3.646', 'buceo', 'dia'))
  })

  it.each([
    ['C-2', 'C-2'],
    [' c-4-1 ', 'C-4-1'],
    ['C-007.', 'C-7'],
    ['C 10', 'C-10'],
    ['C2', 'C-2'],
    ['C2EXT', 'C2EXT'],
    ['ANEXO CD', 'ANEXOCD'],
  ])('normalizeAnnex(%j) = %j', (raw, key) => expect(normalizeAnnex(raw)).toBe(key))

  it('normalizeHeader ignores accents, case, spaces and punctuation', () => {
    expect(normalizeHeader('P.U. M.N.')).toBe('PUMN')
    expect(normalizeHeader('P.U. MN')).toBe('PUMN')
    expect(normalizeHeader('p.u.  usd')).toBe('PUUSD')
    expect(normalizeHeader(' Fecha Sanción ')).toBe('FECHASANCION')
    expect(normalizeHeader(null)).toBe('')
  })

  it('cellText turns any cell into text or null', () => {
    expect(cellText('  a  b ')).toBe('a b')
    expect(cellText('   ')).toBeNull()
    expect(cellText(12.5)).toBe('12.5')
    expect(cellText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29')
    expect(cellText(false)).toBe('FALSE')
  })
})

describe('parseDecimal', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
    [0, '0'],
    [11813.3, '11813.3'],
    [897810.7999999999, '897810.8'],
    [1049146, '1049146'],
    ['1234.50', '1234.5'],
    ['$ 1,234.50', '1234.5'],
    ['$1,234,567.891', '1234567.891'],
    ['MXN 10', '10'],
    ['10 USD', '10'],
    ['US$ 3,358.13', '3358.13'],
    ['-', '0'],
    ['$ -', '0'],
    ['.5', '0.5'],
    ['0012', '12'],
  ])('%j → %j', (cell, value) => expect(parseDecimal(cell)).toEqual({ ok: true, value }))

  it.each([
    [-5, /negative/],
    ['-5', /negative/],
    ['$ (1,234.00)', /negative/],
    [Number.NaN, /finite/],
    [Infinity, /finite/],
    ['ten', /not a number/],
    ['1,5', /not a number/],
    ['1.234,50', /not a number/],
    ['1e3', /not a number/],
    ['0x10', /not a number/],
    ['12,34', /not a number/],
    [true, /not a number/],
    [new Date('2024-01-01'), /date/],
  ])('%j is refused with a reason', (cell, reason) => {
    const r = parseDecimal(cell)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it('accepts negatives when asked', () => {
    expect(parseDecimal(-2.5, { allowNegative: true })).toEqual({ ok: true, value: '-2.5' })
    expect(parseDecimal('(1,234.00)', { allowNegative: true })).toEqual({ ok: true, value: '-1234' })
    expect(parseDecimal('-$ 7', { allowNegative: true })).toEqual({ ok: true, value: '-7' })
  })

  it('keeps more digits than a double can hold when they come as text', () => {
    expect(parseDecimal('12345678901234567890.123456')).toEqual({
      ok: true,
      value: '12345678901234567890.123456',
    })
  })
})

describe('parseDateCell', () => {
  it.each([
    [null, null],
    ['', null],
    [new Date(Date.UTC(2023, 3, 17)), '2023-04-17'],
    [new Date(Date.UTC(2023, 3, 17, 18, 30)), '2023-04-17'],
    ['2023-04-17', '2023-04-17'],
    ['2023-4-7', '2023-04-07'],
    ['17/04/2023', '2023-04-17'],
    ['7/4/2023', '2023-04-07'],
    [45033, '2023-04-17'],
  ])('%j → %j', (cell, value) => expect(parseDateCell(cell)).toEqual({ ok: true, value }))

  it.each([
    ['13/112023', /not a date/],
    ['15/04/204', /not a date/],
    ['31/02/2024', /calendar/],
    ['2024-13-01', /calendar/],
    [new Date(Date.UTC(204, 3, 15)), /out of range/],
    ['15/04/2204', /out of range/],
    [new Date(Number.NaN), /invalid/],
    [true, /not a date/],
  ])('%j is refused with a reason', (cell, reason) => {
    const r = parseDateCell(cell)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })
})
