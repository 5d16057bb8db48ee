import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Dec } from './billing-decimal'
import { convertVolume, volumeInputError } from './volume-conversion'

describe('convertVolume (docs/rental-billing.md#volume-conversions)', () => {
  it.each([
    // unit, typed, gallons, barrels, m³
    ['gallons', '180', '180.00', '4.29', '0.68'], // 4.2857… ; 0.68137…
    ['gallons', '100', '100.00', '2.38', '0.38'], // 2.38095… ; 0.378541
    ['gallons', '42', '42.00', '1.00', '0.16'],
    ['gallons', '0', '0.00', '0.00', '0.00'],
    ['barrels', '1', '42.00', '1.00', '0.16'], // 0.158987
    ['barrels', '4.29', '180.18', '4.29', '0.68'], // 180.18 ; 0.68205…
    ['barrels', '10.5', '441.00', '10.50', '1.67'], // 1.6693635
    ['cubicMeters', '1', '264.17', '6.29', '1.00'], // 264.1722… ; 6.28982…
    ['cubicMeters', '0.68', '179.64', '4.28', '0.68'], // 179.637… ; 4.27708…
  ] as const)('%s %s → %s gal, %s bbl, %s m³', (unit, typed, gallons, barrels, cubicMeters) => {
    expect(convertVolume(unit, typed)).toEqual({ gallons, barrels, cubicMeters })
  })

  it('keeps the typed value and derives the other two (both ways are not inverses: no drift accumulates)', () => {
    const fromGallons = convertVolume('gallons', '180')
    expect(fromGallons.gallons).toBe('180.00')
    const back = convertVolume('barrels', fromGallons.barrels)
    expect(back.barrels).toBe('4.29')
    expect(back.gallons).toBe('180.18') // derived from the typed 4.29, not from the earlier 180
  })

  it('rounds half-up exactly at the boundary', () => {
    // 0.21 gal / 42 = 0.005 exactly → 0.01 (half-even, or a float, could give 0.00)
    expect(convertVolume('gallons', '0.21').barrels).toBe('0.01')
    // 1.05 gal / 42 = 0.025 → 0.03
    expect(convertVolume('gallons', '1.05').barrels).toBe('0.03')
    // 1.25 bbl × 42 = 52.5 (exact) and × 0.158987 = 0.19873375 → 0.20
    expect(convertVolume('barrels', '1.25')).toEqual({
      gallons: '52.50',
      barrels: '1.25',
      cubicMeters: '0.20',
    })
    // 0.01 m³ / 0.00378541 = 2.6417…
    expect(convertVolume('cubicMeters', '0.01').gallons).toBe('2.64')
  })

  it('handles large values exactly', () => {
    expect(convertVolume('gallons', '99999999.99')).toEqual({
      gallons: '99999999.99',
      barrels: '2380952.38', // 2380952.380714…
      cubicMeters: '378541.00', // 378540.9999621459
    })
  })

  it('refuses invalid values', () => {
    for (const bad of ['-1', '1.234', 'abc', '', '1e3', ' 1', '0x10']) {
      expect(() => convertVolume('gallons', bad)).toThrow(RangeError)
      expect(volumeInputError(bad, 'gallons')).toMatchObject({
        path: 'gallons',
        message: expect.any(String) as string,
      })
    }
    expect(volumeInputError('12.50', 'gallons')).toBeNull()
  })
})

describe('the shared integer rule agrees with decimal.js maths', () => {
  // The formula the server used before the rule moved to @faena/domain: x × c or x / c, half-up to 2 decimals.
  const times = (x: string, c: string) => new Dec(x).times(c).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)
  const div = (x: string, c: string) => new Dec(x).div(c).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)
  const typed = fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
    .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`)

  it('for every unit and value', () => {
    fc.assert(
      fc.property(typed, (x) => {
        expect(convertVolume('gallons', x)).toEqual({
          gallons: new Dec(x).toFixed(2),
          barrels: div(x, '42'),
          cubicMeters: times(x, '0.00378541'),
        })
        expect(convertVolume('barrels', x)).toEqual({
          gallons: times(x, '42'),
          barrels: new Dec(x).toFixed(2),
          cubicMeters: times(x, '0.158987'),
        })
        expect(convertVolume('cubicMeters', x)).toEqual({
          gallons: div(x, '0.00378541'),
          barrels: div(x, '0.158987'),
          cubicMeters: new Dec(x).toFixed(2),
        })
      }),
      { numRuns: 2000 },
    )
  })
})
