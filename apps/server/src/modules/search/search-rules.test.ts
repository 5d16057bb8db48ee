import { describe, expect, it } from 'vitest'
import { SEARCH_KINDS } from '@faena/contracts'
import type { Permission } from '../../platform/access'
import {
  groupHits,
  likePrefix,
  recordUrl,
  searchableKinds,
  searchTerms,
  type ScoredHit,
} from './search-rules'

const hit = (kind: ScoredHit['kind'], title: string, score: number, id = title): ScoredHit => ({
  kind,
  id,
  parentId: null,
  title,
  subtitle: null,
  score,
})

describe('searchableKinds', () => {
  const all = () => true
  it('gives every kind of the organization lines to a role that reads everything', () => {
    expect(searchableKinds({ can: all, linesOfBusiness: ['offshore', 'rental'] })).toEqual([...SEARCH_KINDS])
  })

  it('gives a rental organization no offshore kind, and the other way round', () => {
    expect(searchableKinds({ can: all, linesOfBusiness: ['rental'] })).toEqual([
      'rentalProject',
      'rentalClient',
      'equipment',
      'maintenanceSheet',
      'custodyChain',
      'shippingGuide',
    ])
    expect(searchableKinds({ can: all, linesOfBusiness: ['offshore'] })).toEqual([
      'proposal',
      'proposalStep',
      'workOrder',
      'workOrderStep',
      'concept',
    ])
  })

  it('drops the kinds of a module the role may not read', () => {
    const without = (p: Permission) => (q: Permission) => q !== p
    const kinds = searchableKinds({ can: without('proposal.read'), linesOfBusiness: ['offshore'] })
    expect(kinds).toEqual(['workOrder', 'workOrderStep', 'concept'])
    expect(searchableKinds({ can: without('rental.read'), linesOfBusiness: ['rental'] })).toEqual([])
    expect(searchableKinds({ can: () => false, linesOfBusiness: ['offshore', 'rental'] })).toEqual([])
  })

  it('keeps only the kinds asked for, never more than allowed', () => {
    expect(
      searchableKinds({ can: all, linesOfBusiness: ['rental'], requested: ['proposal', 'equipment'] }),
    ).toEqual(['equipment'])
  })
})

describe('searchTerms', () => {
  it('refuses a query too short, but for a number', () => {
    expect(searchTerms('')).toBeNull()
    expect(searchTerms('  a ')).toBeNull()
    expect(searchTerms('7')).toEqual({ phrase: '7', terms: ['7'], numberKeys: ['000007', '0000007'] })
  })

  it('collapses spaces, drops one-letter words and repeats, keeps at most six words', () => {
    expect(searchTerms('  Inspección   y  tuberías  INSPECCIÓN ')).toEqual({
      phrase: 'Inspección y tuberías INSPECCIÓN',
      terms: ['Inspección', 'tuberías'],
      numberKeys: [],
    })
    expect(searchTerms('a b c d e f g h i j')!.terms).toEqual(['a b c d e f g h i j'])
    expect(searchTerms('uno dos tres cuatro cinco seis siete')!.terms).toHaveLength(6)
  })

  it('reads a document number without its zeros', () => {
    expect(searchTerms('1234567')!.numberKeys).toEqual(['1234567'])
    expect(searchTerms('12345678')!.numberKeys).toEqual([])
    expect(searchTerms('OT-12')!.numberKeys).toEqual([])
  })
})

describe('likePrefix', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePrefix('50%_a\\b')).toBe('50\\%\\_a\\\\b%')
  })
})

describe('recordUrl', () => {
  it('links each kind to its page', () => {
    expect(recordUrl('proposal', 'p1', null, 'X')).toBe('/proposals/p1')
    expect(recordUrl('proposalStep', 's1', 'p1', 'X')).toBe('/proposals/p1')
    expect(recordUrl('workOrderStep', 's1', 'w1', 'X')).toBe('/work-orders/w1?tab=steps')
    expect(recordUrl('concept', 'c1', null, 'A.1 / 2')).toBe('/concepts?q=A.1%20%2F%202')
    expect(recordUrl('equipment', 'e1', null, 'BS-01 · Batería')).toBe('/rental/equipment?q=BS-01')
    expect(recordUrl('custodyChain', 'c1', null, '0000001')).toBe('/rental/custody-chains/c1')
  })
})

describe('groupHits', () => {
  it('orders groups by their best hit and hits by score, then title', () => {
    const groups = groupHits(
      [
        hit('concept', 'B', 0.6),
        hit('proposal', 'Z', 0.9),
        hit('concept', 'A', 0.6),
        hit('concept', 'C', 2.5),
        hit('proposal', 'Y', 0.95),
      ],
      5,
    )
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.title)])).toEqual([
      ['concept', ['C', 'A', 'B']],
      ['proposal', ['Y', 'Z']],
    ])
  })

  it('caps each group and breaks ties between groups by kind order', () => {
    const groups = groupHits(
      [
        hit('equipment', 'E', 1),
        hit('proposal', 'P', 1),
        hit('proposal', 'Q', 0.5),
        hit('proposal', 'R', 0.4),
      ],
      2,
    )
    expect(groups.map((g) => g.kind)).toEqual(['proposal', 'equipment'])
    expect(groups[0]!.hits.map((h) => h.title)).toEqual(['P', 'Q'])
  })

  it('counts a record found by several passes once, with its best score', () => {
    const groups = groupHits(
      [hit('proposal', 'P', 0.6, 'x'), hit('proposal', 'P', 2.6, 'x'), hit('proposal', 'Q', 1, 'y')],
      5,
    )
    expect(groups[0]!.hits.map((h) => [h.id, h.score])).toEqual([
      ['x', 2.6],
      ['y', 1],
    ])
  })

  it('sorts accented titles the Spanish way on equal scores', () => {
    const groups = groupHits([hit('concept', 'Zapata', 1), hit('concept', 'Ánodo', 1)], 5)
    expect(groups[0]!.hits.map((h) => h.title)).toEqual(['Ánodo', 'Zapata'])
  })
})
