import { describe, expect, it } from 'vitest'
import { contractAccount, estimateTotals, lineFigures, overbilledBy } from './estimate-math'

/** Every figure below was computed by hand (docs/estimates.md#maths). */
describe('lineFigures', () => {
  it('accumulated, remaining exact; amounts half-up to cents per line', () => {
    expect(
      lineFigures({
        authorized: '20',
        previous: '5',
        quantity: '12.5',
        unitPriceMxn: '100',
        unitPriceUsd: '12.5',
      }),
    ).toEqual({ accumulated: '17.5', remaining: '2.5', amountMxn: '1250.00', amountUsd: '156.25' })
    // 3.333 × 101.25 = 337.46625 → 337.47
    expect(
      lineFigures({
        authorized: '10',
        previous: '0',
        quantity: '3.333',
        unitPriceMxn: '101.25',
        unitPriceUsd: '0',
      }),
    ).toEqual({ accumulated: '3.333', remaining: '6.667', amountMxn: '337.47', amountUsd: '0.00' })
    // a half cent rounds up: 0.5 × 0.01 = 0.005 → 0.01; a deductive line is negative
    expect(
      lineFigures({
        authorized: '1',
        previous: '0',
        quantity: '0.5',
        unitPriceMxn: '0.01',
        unitPriceUsd: '0',
      }).amountMxn,
    ).toBe('0.01')
    expect(
      lineFigures({
        authorized: '20',
        previous: '17.5',
        quantity: '-2',
        unitPriceMxn: '100',
        unitPriceUsd: '12.5',
      }),
    ).toEqual({ accumulated: '15.5', remaining: '4.5', amountMxn: '-200.00', amountUsd: '-25.00' })
  })
})

describe('overbilledBy', () => {
  it('names the quantity past the authorization, less the authorized excess', () => {
    expect(overbilledBy({ authorized: '20', otherLive: '10', quantity: '12.5', authorizedExcess: '0' })).toBe(
      '2.5',
    )
    expect(
      overbilledBy({ authorized: '20', otherLive: '10', quantity: '12.5', authorizedExcess: '2.5' }),
    ).toBeNull()
    expect(
      overbilledBy({ authorized: '20', otherLive: '7.5', quantity: '12.5', authorizedExcess: '0' }),
    ).toBeNull()
  })
})

describe('estimateTotals', () => {
  it('amortization capped by the advance left, retention, penalty, IVA after amortization, net, homologated', () => {
    const r = estimateTotals({
      lines: [
        { amountMxn: '1250.00', amountUsd: '156.25' },
        { amountMxn: '337.47', amountUsd: '0.00' },
        { amountMxn: '-200.00', amountUsd: '-25.00' },
      ],
      ivaPercent: '16',
      advance: {
        mxn: '1000',
        usd: '30',
        amortizationPercent: '30',
        recoveredBeforeMxn: '700',
        recoveredBeforeUsd: '0',
      },
      retentions: [{ code: '5_al_millar', name: 'Cinco al millar', percent: '0.5' }],
      penalties: [{ id: 'p1', reason: 'Atraso en entrega', amountMxn: '100', amountUsd: '0' }],
      exchangeRate: '17.2513',
    })
    // subtotal 1387.47 / 131.25; amortization 416.24 → capped 300.00, 39.38 → capped 30.00
    // retention 6.93735 → 6.94, 0.65625 → 0.66; IVA (1087.47 × 0.16 = 173.9952) 174.00, (101.25 × 0.16) 16.20
    // net 1387.47 − 406.94 + 174.00 = 1154.53; 131.25 − 30.66 + 16.20 = 116.79
    // homologated 1154.53 + 116.79 × 17.2513 (= 2014.779327) = 3169.309327 → 3169.31
    expect(r.totals).toEqual({
      subtotalMxn: '1387.47',
      subtotalUsd: '131.25',
      deductionsMxn: '406.94',
      deductionsUsd: '30.66',
      taxMxn: '174.00',
      taxUsd: '16.20',
      netMxn: '1154.53',
      netUsd: '116.79',
      homologatedMxn: '3169.31',
    })
    expect(r.deductions.map((d) => [d.kind, d.amountMxn, d.amountUsd])).toEqual([
      ['amortization', '300.00', '30.00'],
      ['retention', '6.94', '0.66'],
      ['penalty', '100.00', '0.00'],
    ])
    expect(r.advance).toEqual({
      recoveredBeforeMxn: '700.00',
      recoveredBeforeUsd: '0.00',
      balanceAfterMxn: '0.00',
      balanceAfterUsd: '0.00',
    })
  })

  it('amortization within the advance leaves a running balance; no rate, no homologated total', () => {
    const r = estimateTotals({
      lines: [{ amountMxn: '1000.00', amountUsd: '0.00' }],
      ivaPercent: '16',
      advance: {
        mxn: '10000',
        usd: '0',
        amortizationPercent: '10',
        recoveredBeforeMxn: '0',
        recoveredBeforeUsd: '0',
      },
      retentions: [],
      penalties: [],
      exchangeRate: null,
    })
    // amortization 100.00; IVA (900 × 0.16) 144.00; net 1000 − 100 + 144 = 1044.00
    expect(r.totals).toMatchObject({
      deductionsMxn: '100.00',
      taxMxn: '144.00',
      netMxn: '1044.00',
      homologatedMxn: null,
    })
    expect(r.advance.balanceAfterMxn).toBe('9900.00')
  })

  it('no advance: no amortization line; a negative subtotal retains nothing', () => {
    const r = estimateTotals({
      lines: [{ amountMxn: '-50.00', amountUsd: '0.00' }],
      ivaPercent: '16',
      advance: {
        mxn: '0',
        usd: '0',
        amortizationPercent: '30',
        recoveredBeforeMxn: '0',
        recoveredBeforeUsd: '0',
      },
      retentions: [{ code: 'r', name: 'r', percent: '0.5' }],
      penalties: [],
      exchangeRate: '20',
    })
    // IVA −50 × 0.16 = −8.00 (a credit note's tax); net −58.00; homologated −58.00
    expect(r.deductions.map((d) => [d.kind, d.amountMxn])).toEqual([['retention', '0.00']])
    expect(r.totals).toMatchObject({ taxMxn: '-8.00', netMxn: '-58.00', homologatedMxn: '-58.00' })
  })
})

describe('contractAccount', () => {
  it('authorized rounded per concept, estimated to date, this estimate, remaining, advance — per currency', () => {
    const a = contractAccount({
      // 3.333 × 101.25 = 337.46625 → 337.47; 20 × 100 = 2000.00; USD 20 × 12.5 = 250.00
      concepts: [
        { authorizedVolume: '3.333', unitPriceMxn: '101.25', unitPriceUsd: '0' },
        { authorizedVolume: '20', unitPriceMxn: '100', unitPriceUsd: '12.5' },
      ],
      billedSubtotals: [{ mxn: '1000.10', usd: '50' }],
      thisSubtotal: { mxn: '337.47', usd: '-1.5' },
      advance: { given: { mxn: '1000', usd: '30' }, balanceAfter: { mxn: '583.76', usd: '0' } },
    })
    expect(a.mxn).toEqual({
      authorized: '2337.47',
      estimatedToDate: '1000.10',
      thisEstimate: '337.47',
      remaining: '999.90',
      advanceGiven: '1000.00',
      advanceRecovered: '416.24',
      advanceBalance: '583.76',
    })
    expect(a.usd).toMatchObject({ authorized: '250.00', thisEstimate: '-1.50', remaining: '201.50' })
  })
})
