import { describe, expect, it } from 'vitest'
import { agingBucket, monthAgeDays, volumeMoney } from './estimate-report-rules'

describe('estimate report rules', () => {
  it('ages a month from its last day; an open month is 0 days old', () => {
    expect(monthAgeDays('2026-01', '2026-05-15')).toBe(104)
    expect(monthAgeDays('2026-05', '2026-05-15')).toBe(0)
    expect(monthAgeDays('2026-04', '2026-05-30')).toBe(30)
    expect(monthAgeDays('2024-02', '2024-03-01')).toBe(1)
  })
  it('buckets 0–30, 31–60, 61–90, more than 90 days', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ])
  })
  it('prices a volume half-up to cents; a concept the family lacks is worth nothing', () => {
    expect(volumeMoney('3.333', { unitPriceMxn: '101.25', unitPriceUsd: '0.5' })).toEqual({
      mxn: '337.47',
      usd: '1.67',
    })
    expect(volumeMoney('2', undefined)).toEqual({ mxn: '0.00', usd: '0.00' })
  })
})
