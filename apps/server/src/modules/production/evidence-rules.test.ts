import { describe, expect, it } from 'vitest'
import { normalizeAnnex } from '../concepts'
import {
  annexOfConcept,
  effectiveStatus,
  evidenceAnnexesOrDefault,
  evidenceCounts,
  evidenceRows,
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
      {
        path: 'note',
        key: 'production.rejectionNeedsNote',
        params: {},
        message: expect.stringContaining('nota'),
      },
    ])
    expect(statusChangeProblems({ status: 'rejected', note: 'Foto borrosa', itemCount: 0 })).toEqual([])
    expect(statusChangeProblems({ status: 'signed', note: null, itemCount: 0 })).toEqual([
      {
        path: 'status',
        key: 'production.signNeedsEvidence',
        params: {},
        message: expect.stringContaining('archivo o enlace'),
      },
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

describe('evidence rows', () => {
  const concepts = new Map([
    ['a', { annex: 'C-2', code: '2.10', description: 'Tubo', unit: 'M' }],
    ['b', { annex: 'C-2', code: '2.9', description: 'Brida', unit: 'PZA' }],
    ['c', { annex: 'C-4', code: '4.1', description: 'Pintura', unit: 'M2' }],
  ])
  const p = (concept_id: string, day: string, time_type: string, volume: string, site_id = 's1') => ({
    site_id,
    concept_id,
    day,
    time_type,
    volume,
  })

  it('one row per concept on an evidence annex, site and time type; TE and CMA of a day apart', () => {
    const { rows, cells } = evidenceRows({
      production: [
        p('a', '2026-05-03', 'CMA', '1'),
        p('a', '2026-05-03', 'TE', '2'),
        p('b', '2026-05-04', 'TE', '3'),
        p('c', '2026-05-04', 'TE', '9'),
        p('a', '2026-05-01', 'TE', '4', 's0'),
      ],
      records: [],
      concepts,
      annexes: ['C-2', 'C-3'],
    })
    // natural code order (2.9 before 2.10), then site, TE before CMA; the C-4 concept needs no evidence
    expect(rows.map((r) => `${r.code} ${r.siteId} ${r.timeType}`)).toEqual([
      '2.9 s1 TE',
      '2.10 s0 TE',
      '2.10 s1 TE',
      '2.10 s1 CMA',
    ])
    expect(cells).toHaveLength(4)
    expect(rows[2]!.cells).toEqual([
      {
        date: '2026-05-03',
        volume: '2',
        status: 'pending',
        note: null,
        fileCount: 0,
        linkCount: 0,
        pending: true,
      },
    ])
  })

  it('a record without production keeps its cell (volume 0, not pending); records fill status and counts', () => {
    const { rows } = evidenceRows({
      production: [p('a', '2026-05-05', 'TE', '2')],
      records: [
        {
          site_id: 's1',
          concept_id: 'a',
          day: '2026-05-05',
          time_type: 'TE',
          status: 'signed',
          note: null,
          file_count: 2,
          link_count: 1,
        },
        {
          site_id: 's1',
          concept_id: 'a',
          day: '2026-05-02',
          time_type: 'TE',
          status: 'rejected',
          note: 'Borrosa',
          file_count: 1,
          link_count: 0,
        },
        {
          site_id: 's1',
          concept_id: 'c',
          day: '2026-05-02',
          time_type: 'TE',
          status: 'signed',
          note: null,
          file_count: 1,
          link_count: 0,
        },
      ],
      concepts,
      annexes: ['C-2'],
    })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.cells).toEqual([
      {
        date: '2026-05-02',
        volume: '0',
        status: 'rejected',
        note: 'Borrosa',
        fileCount: 1,
        linkCount: 0,
        pending: false,
      },
      {
        date: '2026-05-05',
        volume: '2',
        status: 'signed',
        note: null,
        fileCount: 2,
        linkCount: 1,
        pending: false,
      },
    ])
  })
})
