import { describe, expect, it } from 'vitest'
import { annexLineKey, diffAnnexC, type AnnexLine } from './annex-c-diff'

const l = (
  code: string,
  description: string,
  volume: string,
  priceMxn = '100',
  priceUsd = '0',
  extra: Partial<AnnexLine> = {},
): AnnexLine => ({
  annex: 'C-2',
  code,
  description,
  unitKey: 'PIEZA',
  volume,
  priceMxn,
  priceUsd,
  ...extra,
})

describe('diffAnnexC', () => {
  it('first import: everything is added; totals exact', () => {
    const d = diffAnnexC([], [l('2.1.', 'Tubo', '0.1', '0.2'), l('2.2.', 'Brida', '3', '1463.99', '10.5')])
    expect(d.added).toHaveLength(2)
    expect(d.removed).toEqual([])
    expect(d.totals).toEqual({
      before: { mxn: '0', usd: '0' },
      after: { mxn: '4391.99', usd: '31.5' }, // 0.1 × 0.2 = 0.02 exactly, + 3 × 1463.99
      delta: { mxn: '4391.99', usd: '31.5' },
    })
    expect(d.totals.after.mxn).toBe('4391.99')
  })

  it('added, removed, volume and price changes, with exact deltas', () => {
    const active = [l('2.1.', 'Tubo', '10', '11813.3'), l('2.2.', 'Brida', '5'), l('2.3.', 'Codo', '1')]
    const incoming = [
      l('2.1', 'TUBO', '12.5', '11813.30'),
      l('2.2.', 'Brida', '5', '100', '2.25'),
      l('2.4.', 'Te', '7'),
    ]
    const d = diffAnnexC(active, incoming)
    expect(d.added.map((x) => x.code)).toEqual(['2.4.'])
    expect(d.removed.map((x) => x.code)).toEqual(['2.3.'])
    expect(d.changed).toHaveLength(2)
    expect(d.changed[0]).toMatchObject({
      volume: { from: '10', to: '12.5', delta: '2.5' },
      plannedChanged: false,
    })
    expect(d.changed[0]).not.toHaveProperty('priceMxn')
    expect(d.changed[1]).toMatchObject({ priceUsd: { from: '0', to: '2.25', delta: '2.25' } })
    expect(d.unchangedCount).toBe(0)
    expect(d.totals.before.mxn).toBe('118733') // 10 × 11813.3 + 5 × 100 + 1 × 100
    expect(d.totals.after.mxn).toBe('148866.25') // 12.5 × 11813.3 + 500 + 700
    expect(d.totals.delta).toEqual({ mxn: '30133.25', usd: '11.25' })
    expect(d.identical).toBe(false)
  })

  it('large magnitudes stay exact (no float, no 20-digit rounding)', () => {
    const d = diffAnnexC([], [l('6.1.', 'Hospedaje', '1049146.123456', '999999.9999', '0.0001')])
    expect(d.totals.after).toEqual({ mxn: '1049146123351.0853876544', usd: '104.9146123456' })
  })

  it('unit and programme changes; annex codes and descriptions compare normalised', () => {
    const a = [
      l('4.7.', 'OPERARIO ESPECIALISTA. (TUBERO)', '8', '3660.18', '0', {
        annex: 'C-4',
        plannedByDay: { '2025-03-01': '4', '2025-03-02': '4' },
      }),
    ]
    const b = [
      l('4.7', 'operario  especialista. (tubero)', '8.000', '3660.180', '0', {
        annex: 'c 4',
        unitKey: 'JORNADA',
        plannedByDay: { '2025-03-01': '4.0', '2025-03-03': '4' },
      }),
    ]
    const d = diffAnnexC(a, b)
    expect(d.changed).toHaveLength(1)
    expect(d.changed[0]).toMatchObject({ unit: { from: 'PIEZA', to: 'JORNADA' }, plannedChanged: true })
    expect(d.changed[0]?.volume).toBeUndefined()
    const same = diffAnnexC(a, [{ ...a[0]!, plannedByDay: { '2025-03-02': '4.00', '2025-03-01': '4' } }])
    expect(same.identical).toBe(true)
    expect(same.unchangedCount).toBe(1)
  })

  it('trade variants of one code are different lines; a line repeated in a set pairs by occurrence', () => {
    const a = [
      l('4.7.', 'OPERARIO (TUBERO)', '8'),
      l('4.7.', 'OPERARIO (SOLDADOR)', '8'),
      l('2.1.', 'Tubo', '1'),
      l('2.1.', 'Tubo', '2'),
    ]
    const b = [
      l('4.7.', 'OPERARIO (SOLDADOR)', '6'),
      l('4.7.', 'OPERARIO (TUBERO)', '8'),
      l('2.1.', 'Tubo', '1'),
    ]
    const d = diffAnnexC(a, b)
    expect(d.changed.map((c) => [c.after.description, c.volume?.delta])).toEqual([
      ['OPERARIO (SOLDADOR)', '-2'],
    ])
    expect(d.removed).toEqual([l('2.1.', 'Tubo', '2')])
    expect(d.unchangedCount).toBe(2)
  })

  it('keys ignore trailing dots, case, accents and spaces, and normalise the annex', () => {
    expect(annexLineKey({ annex: 'C-002.', code: ' 2.1. ', description: 'Tubería  de acero' })).toBe(
      annexLineKey({ annex: 'c-2', code: '2.1', description: 'TUBERIA DE ACERO' }),
    )
  })
})
