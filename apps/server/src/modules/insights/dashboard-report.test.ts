import type { TOffshoreDashboard } from '@faena/contracts'
import { describe, expect, it } from 'vitest'
import { chartBars, offshoreReport } from './dashboard-report'

const dashboard: TOffshoreDashboard = {
  today: '2026-12-07',
  proposals: {
    total: 3,
    overdue: 1,
    byStatus: [
      { status: 'active', count: 2 },
      { status: 'suspended', count: 1 },
    ],
    byClient: [
      { clientId: '00000000-0000-4000-8000-000000000001', clientName: 'PEMEX', total: 3, byStatus: [] },
    ],
  },
  workOrders: {
    total: 0,
    overdue: 0,
    byStatus: [],
    byFront: [{ frontId: null, frontName: null, count: 2, overdue: 1 }],
  },
  authorized: {
    byMonth: [
      { month: '2026-11', mxn: '1234567.89', usd: '10.00', workOrders: 2 },
      { month: null, mxn: '5.00', usd: '0.00', workOrders: 1 },
    ],
    total: { mxn: '1234572.89', usd: '10.00' },
    withoutAnnex: 0,
  },
  production: {
    executedByMonth: [
      { month: '2026-11', mxn: '100', usd: '2', homologatedMxn: '140', rate: '20', rateFrom: '2026-11-01' },
    ],
    executed: { mxn: '100', usd: '2', homologatedMxn: '140' },
    remaining: {
      asOf: '2026-12-07',
      authorizedMxn: '1000',
      authorizedUsd: '10',
      executedMxn: '100',
      executedUsd: '2',
      mxn: '900',
      usd: '8',
      homologatedMxn: null,
      rate: null,
      rateFrom: null,
    },
    unbilled: { cells: 1, mxn: '100', usd: '2' },
    evidence: { needed: 1, signed: 0, percent: '0.0', byStatus: [] },
    byWorkOrder: [],
  },
}

describe('dashboard report', () => {
  it('turns the offshore dashboard into titled sections with labels in Spanish and exact money', () => {
    const r = offshoreReport(dashboard, 'periodo 2026-01-01 — 2026-12-31')
    expect(r.subtitle).toBe('Al 2026-12-07 · periodo 2026-01-01 — 2026-12-31')
    expect(r.sections[0]).toMatchObject({
      title: 'Propuestas por estatus (3; vencidas: 1)',
      rows: [
        { status: 'Activa', count: 2 },
        { status: 'Suspendida', count: 1 },
      ],
    })
    expect(r.sections[3]!.rows).toEqual([{ front: 'Sin frente', count: 2, overdue: 1 }])
    expect(r.sections[4]!.rows).toEqual([
      { month: '2026-11', mxn: '1234567.89', usd: '10.00', workOrders: 2 },
      { month: 'Sin fecha programada', mxn: '5.00', usd: '0.00', workOrders: 1 },
    ])
  })

  it('draws one bar per row of a section with a chart, none without', () => {
    const r = offshoreReport(dashboard, '')
    expect(chartBars(r.sections[4]!)).toEqual([
      { label: '2026-11', value: 1234567.89 },
      { label: 'Sin fecha programada', value: 5 },
    ])
    expect(chartBars({ ...r.sections[0]!, chart: undefined })).toEqual([])
    expect(r.sections[5]!.rows).toEqual([
      { month: '2026-11', mxn: '100', usd: '2', homologated: '140', rate: '20' },
    ])
  })
})
