import { describe, expect, it } from 'vitest'
import { inspectionCounts, technicalStatus, type StatusInputs } from './technical-status'

const ok = { present: true, condition: 'good' as const }
const fair = { present: true, condition: 'fair' as const }
const damaged = { present: true, condition: 'damaged' as const }
const missing = { present: false, condition: null }
const base: StatusInputs = {
  onActiveAssignment: false,
  openRepair: false,
  catalogCondition: 'operative',
  lastInspection: null,
}

describe('technical status (docs/equipment-condition.md#status)', () => {
  it('is available without inspection, and with everything present and not damaged', () => {
    expect(technicalStatus(base)).toBe('available')
    expect(technicalStatus({ ...base, lastInspection: { answers: [ok, fair] } })).toBe('available')
    expect(technicalStatus({ ...base, lastInspection: { answers: [] } })).toBe('available')
  })
  it('is incomplete when an item is missing', () => {
    expect(technicalStatus({ ...base, lastInspection: { answers: [ok, missing] } })).toBe('incomplete')
  })
  it('damaged wins over incomplete', () => {
    expect(technicalStatus({ ...base, lastInspection: { answers: [missing, damaged] } })).toBe('damaged')
    expect(technicalStatus({ ...base, catalogCondition: 'damaged' })).toBe('damaged')
  })
  it('in repair wins over damaged and incomplete', () => {
    const last = { answers: [missing, damaged] }
    expect(technicalStatus({ ...base, openRepair: true, lastInspection: last })).toBe('in_repair')
    expect(technicalStatus({ ...base, catalogCondition: 'in_repair' })).toBe('in_repair')
  })
  it('rented wins over everything', () => {
    expect(
      technicalStatus({
        onActiveAssignment: true,
        openRepair: true,
        catalogCondition: 'damaged',
        lastInspection: { answers: [missing, damaged] },
      }),
    ).toBe('rented')
  })
  it('counts missing items and damaged present items', () => {
    expect(inspectionCounts([ok, missing, damaged, missing, fair])).toEqual({
      missingCount: 2,
      damagedCount: 1,
    })
  })
})
