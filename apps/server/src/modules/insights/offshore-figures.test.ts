import { describe, expect, it } from 'vitest'
import { authorizedByMonth, proposalFigures, workOrderFigures } from './offshore-figures'

const line = (key: string, volume: string, priceMxn: string, priceUsd = '0') => ({
  key,
  volume,
  priceMxn,
  priceUsd,
})

describe('authorizedByMonth', () => {
  const members = [
    { id: 'w1', familyId: 'f', reprogrammingNumber: null, plannedStart: '2026-01-05' },
    { id: 'r1', familyId: 'f', reprogrammingNumber: 1, plannedStart: '2026-02-01' },
    { id: 'w2', familyId: 'g', reprogrammingNumber: null, plannedStart: null },
  ]
  const lines = new Map([
    ['w1', [line('A', '10', '1.5'), line('B', '2', '3')]],
    // the reprogramming replaces B and repeats C twice (paired by occurrence)
    ['r1', [line('B', '4', '3'), line('C', '1', '0.1'), line('C', '1', '0.2')]],
    ['w2', [line('A', '0.333', '3', '1')]],
  ])

  it('consolidates a family by key (latest member wins) and counts each line in its giver’s month', () => {
    const all = authorizedByMonth(members, lines, new Set(['w1', 'r1', 'w2']))
    expect(all.byMonth).toEqual([
      { month: '2026-01', mxn: '15', usd: '0', workOrders: 1 },
      { month: '2026-02', mxn: '12.3', usd: '0', workOrders: 1 },
      { month: null, mxn: '0.999', usd: '0.333', workOrders: 1 },
    ])
    expect(all.total).toEqual({ mxn: '28.299', usd: '0.333' })
    expect(all.withoutAnnex).toBe(0)
  })

  it('leaves out the lines given by work orders the filters did not select', () => {
    const only = authorizedByMonth(members, lines, new Set(['w1', 'x']))
    expect(only.byMonth).toEqual([{ month: '2026-01', mxn: '15', usd: '0', workOrders: 1 }])
    expect(only.withoutAnnex).toBe(1)
  })
})

describe('counts', () => {
  it('proposals by status in pipeline order and by client, most first', () => {
    const f = proposalFigures(
      [
        { status: 'active', clientId: 'a', overdue: true, count: 2 },
        { status: 'active', clientId: 'a', overdue: false, count: 1 },
        { status: 'finished', clientId: 'b', overdue: false, count: 4 },
      ],
      (id) => id.toUpperCase(),
    )
    expect(f.total).toBe(7)
    expect(f.overdue).toBe(2)
    expect(f.byStatus[0]).toEqual({ status: 'active', count: 3 })
    expect(f.byClient.map((c) => [c.clientName, c.total])).toEqual([
      ['B', 4],
      ['A', 3],
    ])
  })

  it('work orders by front, without a front last', () => {
    const wo = (id: string, frontId: string | null, overdue = false) => ({
      id,
      familyId: id,
      reprogrammingNumber: null,
      status: 'assigned' as const,
      frontId,
      plannedStart: null,
      overdue,
    })
    const f = workOrderFigures([wo('1', null, true), wo('2', null), wo('3', 'x')], () => 'X')
    expect(f.byFront).toEqual([
      { frontId: 'x', frontName: 'X', count: 1, overdue: 0 },
      { frontId: null, frontName: null, count: 2, overdue: 1 },
    ])
    expect(f.overdue).toBe(1)
  })
})
