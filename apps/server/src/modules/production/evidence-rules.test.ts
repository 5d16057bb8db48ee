import { describe, expect, it } from 'vitest'
import { normalizeAnnex } from '../concepts'
import {
  annexOfConcept,
  effectiveStatus,
  evidenceAnnexesOrDefault,
  evidenceCounts,
  isPending,
  needsEvidence,
  normalizeAnnexList,
  statusChangeProblems,
} from './evidence-rules'

describe('evidence annexes', () => {
  it('defaults to C-2, C-3, C2EXT and C3EXT until the organization chooses (an empty choice is kept)', () => {
    expect(evidenceAnnexesOrDefault(null)).toEqual(['C-2', 'C-3', 'C2EXT', 'C3EXT'])
    expect(evidenceAnnexesOrDefault([])).toEqual([])
    expect(evidenceAnnexesOrDefault(['C-4'])).toEqual(['C-4'])
  })

  it('normalizes a list like the catalog keys sub-annexes and drops duplicates', () => {
    expect(normalizeAnnexList(['c 2', 'C-2', 'c3ext', ' C-003. ', ''], normalizeAnnex)).toEqual([
      'C-2',
      'C3EXT',
      'C-3',
    ])
  })

  it('a concept needs evidence when its annex is in the list; a PUE takes its code prefix', () => {
    expect(needsEvidence('C-2', ['C-2', 'C-3'])).toBe(true)
    expect(needsEvidence('C-4', ['C-2', 'C-3'])).toBe(false)
    expect(needsEvidence(null, ['C-2'])).toBe(false)
    expect(annexOfConcept({ annex: 'C-3', code: '2.1' })).toBe('C-3')
    expect(annexOfConcept({ annex: null, code: 'c3ext-0977' })).toBe('C3EXT')
    expect(annexOfConcept({ annex: null, code: '977' })).toBeNull()
  })
})

describe('status', () => {
  it('a cell without a record is pending', () => {
    expect(effectiveStatus(undefined)).toBe('pending')
    expect(effectiveStatus(null)).toBe('pending')
    expect(effectiveStatus('signed')).toBe('signed')
  })

  it('a rejection needs a note; signing needs a file or link; other changes go through', () => {
    expect(statusChangeProblems({ status: 'rejected', note: '  ', itemCount: 3 })).toEqual([
      { path: 'note', message: expect.stringContaining('nota') },
    ])
    expect(statusChangeProblems({ status: 'rejected', note: 'Foto borrosa', itemCount: 0 })).toEqual([])
    expect(statusChangeProblems({ status: 'signed', note: null, itemCount: 0 })).toEqual([
      { path: 'status', message: expect.stringContaining('archivo o enlace') },
    ])
    expect(statusChangeProblems({ status: 'signed', note: null, itemCount: 1 })).toEqual([])
    expect(statusChangeProblems({ status: 'in_process', note: undefined, itemCount: 0 })).toEqual([])
    expect(statusChangeProblems({ status: 'pending', note: undefined, itemCount: 0 })).toEqual([])
  })
})

describe('pending list and counts', () => {
  it('a cell is pending while it has production and is not signed', () => {
    expect(isPending('2.5', 'pending')).toBe(true)
    expect(isPending('2.5', 'rejected')).toBe(true)
    expect(isPending('2.5', 'signed')).toBe(false)
    expect(isPending('0', 'pending')).toBe(false)
    expect(isPending(null, 'in_process')).toBe(false)
  })

  it('counts cells with production per status; records without production apart', () => {
    const r = evidenceCounts([
      { volume: '1', status: 'pending' },
      { volume: '0.000001', status: 'pending' },
      { volume: '3', status: 'signed' },
      { volume: '4', status: 'rejected' },
      { volume: '0', status: 'in_process' },
      { volume: '2', status: 'missing_client_signature' },
    ])
    expect(r.counts).toEqual({
      pending: 2,
      in_process: 0,
      missing_client_signature: 1,
      signed: 1,
      rejected: 1,
    })
    expect(r.pendingCount).toBe(4)
    expect(r.withoutProduction).toBe(1)
  })
})
