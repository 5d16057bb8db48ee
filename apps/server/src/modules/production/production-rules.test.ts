import { describe, expect, it } from 'vitest'
import { basisOf, compareConcepts, consolidate, type AnnexLine } from './production-grid-rules'
import { monthDays, outsideWindow, overlapsMonth, windowAtSite, type FamilyMember } from './production-rules'

const member = (o: Partial<FamilyMember> = {}): FamilyMember => ({
  id: 'wo1',
  type: 'initial',
  status: 'in_execution',
  siteIds: { vesselId: 'V', platformId: 'P', yardId: null, interconnectionId: null },
  plannedStart: '2026-03-05',
  plannedEnd: '2026-03-20',
  actualStart: null,
  actualEnd: null,
  requiresYardPhase: false,
  yardStart: null,
  yardEnd: null,
  ...o,
})

describe('validity window at a site', () => {
  it('runs from the initial start to the latest end of the family; real dates win', () => {
    const fam = [
      member({ actualStart: '2026-03-06' }),
      member({ id: 'r1', type: 'reprogramming', plannedEnd: '2026-04-10' }),
    ]
    expect(windowAtSite(fam, 'V')).toEqual({ start: '2026-03-06', end: '2026-04-10', yardPhase: false })
    expect(windowAtSite(fam, 'X')).toBeNull()
    const w = windowAtSite(fam, 'P')!
    expect(outsideWindow(w, '2026-03-05')).toBe('before_start')
    expect(outsideWindow(w, '2026-04-11')).toBe('after_end')
    expect(outsideWindow(w, '2026-03-31')).toBeNull()
    expect(overlapsMonth(w, '2026-04')).toBe(true)
    expect(overlapsMonth(w, '2026-05')).toBe(false)
  })

  it('uses the yard window at the yard of a family in a yard phase; cancelled members do not count', () => {
    const fam = [
      member({
        requiresYardPhase: true,
        yardStart: '2026-02-20',
        yardEnd: '2026-03-01',
        siteIds: { vesselId: 'V', platformId: null, yardId: 'Y', interconnectionId: null },
      }),
      member({
        id: 'r1',
        type: 'reprogramming',
        status: 'cancelled',
        yardEnd: '2026-03-30',
        plannedEnd: '2026-05-01',
      }),
    ]
    expect(windowAtSite(fam, 'Y')).toEqual({ start: '2026-02-20', end: '2026-03-01', yardPhase: true })
    expect(windowAtSite(fam, 'V')).toEqual({ start: '2026-03-05', end: '2026-03-20', yardPhase: false })
    expect(windowAtSite([member({ status: 'cancelled' })], 'V')).toBeNull()
  })

  it('lists the days of a month', () => {
    expect(monthDays('2028-02')).toHaveLength(29)
    expect(monthDays('2026-03')[30]).toBe('2026-03-31')
  })
})

describe('family concepts', () => {
  const line = (conceptId: string | null, volume: string, o: Partial<AnnexLine> = {}): AnnexLine => ({
    conceptId,
    annex: 'C-2',
    code: '2.1',
    description: 'X',
    unitKey: 'PZA',
    authorizedVolume: volume,
    unitPriceMxn: '10',
    unitPriceUsd: '1',
    ...o,
  })
  it('the latest member that has a concept replaces its volume and prices; duplicates in one Anexo C add up', () => {
    const c = consolidate([
      { workOrderId: 'wo1', lines: [line('a', '10'), line('b', '5'), line(null, '3')] },
      {
        workOrderId: 'r1',
        lines: [line('a', '30', { unitPriceMxn: '12' }), line('a', '2.5', { unitPriceMxn: '12' })],
      },
      { workOrderId: 'r2', lines: undefined },
    ])
    expect([...c.keys()].sort()).toEqual(['a', 'b'])
    expect(c.get('a')).toMatchObject({
      authorizedVolume: '32.5',
      unitPriceMxn: '12',
      sourceWorkOrderId: 'r1',
    })
    expect(c.get('b')).toMatchObject({ authorizedVolume: '5', sourceWorkOrderId: 'wo1' })
  })
  it('orders by annex then code parts as numbers', () => {
    const mk = (annex: string, code: string) =>
      consolidate([{ workOrderId: 'w', lines: [line(code, '1', { annex, code })] }]).get(code)!
    const list = [mk('C-3', '1.1'), mk('C-2', '10.1'), mk('C-2', '2.10'), mk('C-2', '2.9')].sort(
      compareConcepts,
    )
    expect(list.map((c) => `${c.annex} ${c.code}`)).toEqual(['C-2 2.9', 'C-2 2.10', 'C-2 10.1', 'C-3 1.1'])
  })
  it('the excess basis names the active Anexo C versions', () => {
    expect(
      basisOf(
        new Map([
          ['b', { importId: '2' }],
          ['a', { importId: '1' }],
        ]),
      ),
    ).toBe('a:1,b:2')
  })
})
