import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Dec } from '../../platform/money/money'
import { estimateTotals, lineFigures } from './estimate-math'

/**
 * Properties of the estimate maths (docs/estimates.md#maths) over random lines, settings and rates: the lines sum
 * to the subtotal, every figure is in cents, net = subtotal − deductions + IVA, and the advance is never
 * recovered past what was given, over a run of estimates.
 */
const decimal = (intMax: number, places: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: intMax }), fc.integer({ min: 0, max: 10 ** places - 1 }))
    .map(([i, f]) => (places === 0 ? String(i) : `${i}.${String(f).padStart(places, '0')}`))
const line = fc.record({
  quantity: decimal(5000, 6),
  negative: fc.boolean(),
  unitPriceMxn: decimal(200_000, 2),
  unitPriceUsd: decimal(20_000, 2),
})
const settings = fc.record({
  ivaPercent: fc.constantFrom('16', '8', '0'),
  amortizationPercent: decimal(100, 2).filter((v) => Number(v) <= 100),
  advanceMxn: decimal(5_000_000, 2),
  advanceUsd: decimal(500_000, 2),
  retentions: fc.array(
    fc.record({ code: fc.constantFrom('r1', 'r2'), name: fc.constant('r'), percent: decimal(5, 3) }),
    { maxLength: 2 },
  ),
  penaltyMxn: decimal(10_000, 2),
  rate: fc.option(
    decimal(30, 4).filter((v) => Number(v) > 0),
    { nil: null },
  ),
})
const cents = (v: string) => /^-?\d+\.\d{2}$/.test(v)

describe('estimate maths, properties', () => {
  it('sums, cents, net and the advance balance hold for random estimates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(line, { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        settings,
        (estimates, s) => {
          let recovered = { mxn: new Dec(0), usd: new Dec(0) }
          for (const lines of estimates) {
            const figures = lines.map((l) =>
              lineFigures({
                authorized: '0',
                previous: '0',
                quantity: l.negative ? `-${l.quantity}` : l.quantity,
                unitPriceMxn: l.unitPriceMxn,
                unitPriceUsd: l.unitPriceUsd,
              }),
            )
            const r = estimateTotals({
              lines: figures,
              ivaPercent: s.ivaPercent,
              advance: {
                mxn: s.advanceMxn,
                usd: s.advanceUsd,
                amortizationPercent: s.amortizationPercent,
                recoveredBeforeMxn: recovered.mxn.toFixed(),
                recoveredBeforeUsd: recovered.usd.toFixed(),
              },
              retentions: s.retentions,
              penalties: [{ id: 'p', reason: 'p', amountMxn: s.penaltyMxn, amountUsd: '0' }],
              exchangeRate: s.rate,
            })
            const t = r.totals
            for (const v of Object.values(t)) if (v !== null) expect(cents(v)).toBe(true)
            for (const c of ['Mxn', 'Usd'] as const) {
              const amount = `amount${c}` as const
              expect(
                new Dec(t[`subtotal${c}`]).equals(figures.reduce((a, f) => a.plus(f[amount]), new Dec(0))),
              ).toBe(true)
              expect(
                new Dec(t[`deductions${c}`]).equals(
                  r.deductions.reduce((a, d) => a.plus(d[amount]), new Dec(0)),
                ),
              ).toBe(true)
              expect(
                new Dec(t[`net${c}`]).equals(
                  new Dec(t[`subtotal${c}`]).minus(t[`deductions${c}`]).plus(t[`tax${c}`]),
                ),
              ).toBe(true)
            }
            if (s.rate !== null)
              expect(
                new Dec(t.homologatedMxn!)
                  .minus(new Dec(t.netMxn).plus(new Dec(t.netUsd).times(s.rate)))
                  .abs()
                  .lessThanOrEqualTo('0.005'),
              ).toBe(true)
            const a = r.deductions.find((d) => d.kind === 'amortization')
            recovered = {
              mxn: recovered.mxn.plus(a?.amountMxn ?? 0),
              usd: recovered.usd.plus(a?.amountUsd ?? 0),
            }
            expect(new Dec(r.advance.balanceAfterMxn).isNegative()).toBe(false)
            expect(new Dec(r.advance.balanceAfterUsd).isNegative()).toBe(false)
            expect(recovered.mxn.lessThanOrEqualTo(s.advanceMxn)).toBe(true)
            expect(recovered.usd.lessThanOrEqualTo(s.advanceUsd)).toBe(true)
          }
        },
      ),
      { numRuns: 10_000 },
    )
  })
})
