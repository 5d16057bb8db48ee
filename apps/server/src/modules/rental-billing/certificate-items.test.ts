import { describe, expect, it } from 'vitest'
import { certificateItems, sameCertificateItems, type CertificateChain } from './certificate-items'

const JAN = { start: '2026-01-01', end: '2026-01-31' }
const chain = (over: Partial<CertificateChain> & Pick<CertificateChain, 'id'>): CertificateChain => ({
  number: '0000001',
  status: 'closed',
  activityDate: '2026-01-10',
  gallons: '180.00',
  barrels: '4.29',
  cubicMeters: '0.68',
  ...over,
})

describe('disposition certificate items', () => {
  it('lists the non-cancelled chains of the period by date then number, with decimal totals', () => {
    const { items, totals } = certificateItems(
      [
        chain({ id: 'c', number: '0000010', activityDate: '2026-01-20' }),
        chain({
          id: 'a',
          number: '0000002',
          activityDate: '2026-01-05',
          gallons: '42.00',
          barrels: '1.00',
          cubicMeters: '0.16',
        }),
        chain({ id: 'x', number: '0000003', status: 'cancelled' }),
        chain({ id: 'b', number: '0000009', activityDate: '2026-01-20', status: 'draft' }),
        chain({ id: 'out', number: '0000004', activityDate: '2026-02-01' }),
      ],
      JAN,
    )
    expect(items.map((i) => i.custodyChainId)).toEqual(['a', 'b', 'c'])
    expect(totals).toEqual({ gallons: '402.00', barrels: '9.58', cubicMeters: '1.52' })
    expect(items[0]).toMatchObject({
      description: 'AGUAS NEGRAS Y GRISES',
      treatment: 'TB3',
      gallons: '42.00',
    })
  })

  it('keeps large sums exact (no integer truncation, no 32 767 ceiling)', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      chain({ id: `c${i}`, number: String(i), gallons: '1000.55', barrels: '23.82', cubicMeters: '3.79' }),
    )
    expect(certificateItems(many, JAN).totals).toEqual({
      gallons: '40022.00',
      barrels: '952.80',
      cubicMeters: '151.60',
    })
  })

  it('uses the chain texts when given', () => {
    const { items } = certificateItems([chain({ id: 'a', wasteDescription: 'LODOS', treatment: 'TB1' })], JAN)
    expect(items[0]).toMatchObject({ description: 'LODOS', treatment: 'TB1' })
  })
})

describe('unchanged certificate items', () => {
  it('are the same items in the same order; any field or order change is a change', () => {
    const { items } = certificateItems([chain({ id: 'a' }), chain({ id: 'b', number: '0000002' })], JAN)
    expect(
      sameCertificateItems(
        items,
        items.map((i) => ({ ...i })),
      ),
    ).toBe(true)
    expect(sameCertificateItems(items, [...items].reverse())).toBe(false)
    expect(sameCertificateItems(items, items.slice(1))).toBe(false)
    for (const field of ['gallons', 'treatment', 'description', 'chainNumber', 'activityDate'] as const) {
      expect(sameCertificateItems(items, [{ ...items[0]!, [field]: 'x' }, items[1]!])).toBe(false)
    }
  })
})
