import { describe, expect, it } from 'vitest'
import { daysLeft, EXPIRY_WARNING_DAYS } from './certificate-expiry'

describe('certificate days left', () => {
  const now = new Date('2026-12-07T15:00:00Z')
  it('counts whole days until the expiry', () => {
    expect(daysLeft('2027-01-06T15:00:00Z', now)).toBe(30)
    expect(daysLeft('2027-01-06T14:59:59Z', now)).toBe(29)
    expect(daysLeft('2026-12-08T10:00:00Z', now)).toBe(0)
  })
  it('is negative once past', () => {
    expect(daysLeft('2026-12-06T15:00:00Z', now)).toBe(-1)
  })
  it('warns under 30 days', () => {
    expect(EXPIRY_WARNING_DAYS).toBe(30)
  })
})
