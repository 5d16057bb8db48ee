import { describe, expect, it } from 'vitest'
import type { FamilyProductionCell } from '../production'
import { productionFigures, type ProductionInputs } from './production-figures'

const concept = (mxn: string, usd: string, volume: string, annexKey: string | null) => ({
  unitPriceMxn: mxn,
  unitPriceUsd: usd,
  authorizedVolume: volume,
  annexKey,
})
const cell = (
  date: string,
  conceptId: string,
  volume: string,
  over: Partial<FamilyProductionCell> = {},
): FamilyProductionCell => ({
  familyId: 'F1',
  siteId: 'S1',
  conceptId,
  date,
  timeType: 'TE',
  volume,
  ...over,
})

const base = (over: Partial<ProductionInputs> = {}): ProductionInputs => ({
  families: [
    {
      familyId: 'F1',
      number: 'OT-1',
      concepts: new Map([
        ['A', concept('10.5', '1', '100', 'C-2')],
        ['B', concept('3', '0', '10', null)],
      ]),
    },
  ],
  cells: [
    cell('2026-01-10', 'A', '2'),
    cell('2026-01-11', 'B', '1.5', { siteId: 'S2' }),
    cell('2026-02-01', 'A', '0.1', { timeType: 'CMA' }),
    cell('2026-03-01', 'A', '4'),
  ],
  scope: {},
  asOf: '2026-02-15',
  billed: (c) => c.date === '2026-01-10',
  evidenceAnnexes: new Set(['C-2']),
  evidenceStatus: (c) => (c.date === '2026-02-01' ? 'signed' : 'pending'),
  rateOfMonth: (m) => (m === '2026-01' ? { rate: '17.5', validFrom: '2026-01-01' } : null),
  rateAsOf: { rate: '18', validFrom: '2026-02-01' },
  ...over,
})

describe('production figures of the offshore dashboard', () => {
  it('values production at the family price by month, homologated at each month rate', () => {
    const p = productionFigures(base())
    expect(p.executedByMonth).toEqual([
      {
        month: '2026-01',
        mxn: '25.5',
        usd: '2',
        homologatedMxn: '60.5',
        rate: '17.5',
        rateFrom: '2026-01-01',
      },
      { month: '2026-02', mxn: '1.05', usd: '0.1', homologatedMxn: null, rate: null, rateFrom: null },
      { month: '2026-03', mxn: '42', usd: '4', homologatedMxn: null, rate: null, rateFrom: null },
    ])
    // a month without a rate leaves the homologated total unknown
    expect(p.executed).toEqual({ mxn: '68.55', usd: '6.1', homologatedMxn: null })
  })

  it('remaining = authorized − executed up to asOf, homologated at the rate of asOf', () => {
    const p = productionFigures(base())
    // authorized 100×10.5 + 10×3 = 1080 MXN, 100 USD; executed to 2026-02-15: 21 + 4.5 + 1.05, 2 + 0.1
    expect(p.remaining).toMatchObject({
      authorizedMxn: '1080',
      authorizedUsd: '100',
      executedMxn: '26.55',
      executedUsd: '2.1',
      mxn: '1053.45',
      usd: '97.9',
      homologatedMxn: '2815.65',
    })
  })

  it('unbilled and evidence completion in the scope (period and site)', () => {
    const p = productionFigures(base({ scope: { from: '2026-01-01', to: '2026-02-28', siteId: 'S1' } }))
    expect(p.executedByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02'])
    expect(p.unbilled).toEqual({ cells: 1, mxn: '1.05', usd: '0.1' })
    expect(p.evidence).toMatchObject({ needed: 2, signed: 1, percent: '50.0' })
    expect(p.byWorkOrder).toEqual([
      {
        workOrderId: 'F1',
        number: 'OT-1',
        executedMxn: '22.05',
        executedUsd: '2.1',
        unbilledCells: 1,
        unbilledMxn: '1.05',
        unbilledUsd: '0.1',
        evidenceNeeded: 2,
        evidenceSigned: 1,
      },
    ])
  })

  it('nothing needing evidence: no percentage', () => {
    const p = productionFigures(base({ evidenceAnnexes: new Set() }))
    expect(p.evidence.percent).toBeNull()
    expect(p.evidence.needed).toBe(0)
  })
})
