import { describe, expect, it } from 'vitest'
import {
  extraordinaryIdentity,
  identityDigest,
  naturalSortKey,
  numberOccurrences,
  ordinaryIdentity,
  ordinaryIdentityOfKeys,
  searchTextOf,
} from './concept-identity'
import { foldText, normalizeAnnex, normalizeCode, unitKey } from './concept-text'

describe('ordinary identity', () => {
  it('ignores trailing dots, case, accents and spacing; keeps sub-annex and occurrence apart', () => {
    const a = ordinaryIdentity('C-4-1', '4.7.', 'OPERARIO  ESPECIALISTA.', 'JORNADA', 1)
    expect(ordinaryIdentity('c 4-1', '4.7', 'operario especialista.', 'jornada', 1)).toBe(a)
    expect(ordinaryIdentity('C-4', '4.7', 'OPERARIO ESPECIALISTA.', 'JORNADA', 1)).not.toBe(a)
    expect(ordinaryIdentity('C-4-1', '4.7', 'OPERARIO ESPECIALISTA.', 'JORNADA', 2)).not.toBe(a)
    expect(ordinaryIdentity('C-4-1', '4.7', 'OPERARIO ESPECIALISTA. (SOLDADOR)', 'JORNADA', 1)).not.toBe(a)
    expect(ordinaryIdentity('C-4-1', '4.7', 'OPERARIO ESPECIALISTA.', 'HORA', 1)).not.toBe(a)
    expect(ordinaryIdentity('C-3', '3.646.', 'BUCEO', 'DÍA', 1)).toBe(
      ordinaryIdentity('C-3', '3.646', 'Buceo', 'dia', 1),
    )
  })

  it('is the same from parts normalised beforehand', () => {
    const d = 'Tubo  de acero al carbón\n de 8"Ø'
    expect(
      ordinaryIdentityOfKeys(normalizeAnnex('c 2'), normalizeCode(2.1), foldText(d), unitKey('m'), 3),
    ).toBe(ordinaryIdentity('C-2', '2.1.', d, 'M', 3))
  })

  it('a PUE is its code', () => {
    expect(extraordinaryIdentity('c3ext-0977 ')).toBe(extraordinaryIdentity('C3EXT-0977'))
    expect(extraordinaryIdentity('C3EXT-0977')).not.toBe(extraordinaryIdentity('C3EXT-0978'))
  })

  it('digests to 64 hex characters, deterministically', () => {
    const d = identityDigest(ordinaryIdentity('C-2', '2.1.', 'Tubo', 'M', 1))
    expect(d).toMatch(/^[0-9a-f]{64}$/)
    expect(identityDigest(ordinaryIdentity('C-2', '2.1', 'TUBO', 'm', 1))).toBe(d)
    expect(identityDigest('x'.repeat(100_000))).toHaveLength(64)
  })
})

describe('numberOccurrences', () => {
  it('numbers repetitions in order and reports them', () => {
    const r = numberOccurrences(['a', 'b', 'a', 'c', 'a', 'b'], (x) => x)
    expect(r.occurrences).toEqual([1, 1, 2, 1, 3, 2])
    expect(r.repeats).toEqual([
      { index: 2, firstIndex: 0, occurrence: 2 },
      { index: 4, firstIndex: 0, occurrence: 3 },
      { index: 5, firstIndex: 1, occurrence: 2 },
    ])
  })
})

describe('naturalSortKey', () => {
  const sorted = (xs: string[]) => [...xs].sort((a, b) => (naturalSortKey(a) < naturalSortKey(b) ? -1 : 1))
  it('sorts codes and sub-annexes in natural order', () => {
    expect(sorted(['2.10.', '2.9.', '2.1.', '10.1', '3.1'])).toEqual(['2.1.', '2.9.', '2.10.', '3.1', '10.1'])
    expect(sorted(['C-10', 'C-4-1', 'C-2', 'C-4', 'C-5-1'])).toEqual(['C-2', 'C-4', 'C-4-1', 'C-5-1', 'C-10'])
    expect(sorted(['C3EXT-1000', 'C3EXT-0977', 'C2EXT-1015'])).toEqual([
      'C2EXT-1015',
      'C3EXT-0977',
      'C3EXT-1000',
    ])
  })
  it('ignores trailing dots, case and padding zeros', () => {
    expect(naturalSortKey('2.1.')).toBe(naturalSortKey('2.1'))
    expect(naturalSortKey('c-007.')).toBe(naturalSortKey('C-7'))
  })
})

describe('searchTextOf', () => {
  it('folds every part and skips empty ones', () => {
    expect(searchTextOf(['2.1.', null, 'Tubo  de ACERO al carbón', '', 'M'])).toBe(
      '2.1. | TUBO DE ACERO AL CARBON | M',
    )
    expect(searchTextOf(['2.1.'], ['TUBO', ''])).toBe('2.1. | TUBO')
  })
})
