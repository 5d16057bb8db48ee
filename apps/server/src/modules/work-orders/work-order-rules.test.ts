import { describe, expect, it } from 'vitest'
import {
  actualEndAfter,
  addDays,
  checkFrontAndSites,
  dueSignal,
  familyChanges,
  historyStepStatus,
  inclusiveDays,
  plainAmount,
  reasonRequired,
  timeProgress,
  type FamilySnapshot,
} from './work-order-rules'

describe('days', () => {
  it('counts both ends and adds calendar days across months and leap years', () => {
    expect(inclusiveDays('2025-01-01', '2025-01-01')).toBe(1)
    expect(inclusiveDays('2024-02-28', '2024-03-01')).toBe(3)
    expect(inclusiveDays('2025-03-10', '2025-03-09')).toBe(0)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
  })
})

describe('timeProgress (docs/work-orders.md#time-progress, integers)', () => {
  it('is 0 before the start, 100 after the end, trunc(elapsed × 100 ÷ window) inside', () => {
    expect(timeProgress('2026-03-01', '2026-03-30', '2026-02-28')).toBe(0)
    expect(timeProgress('2026-03-01', '2026-03-30', '2026-03-01')).toBe(0)
    expect(timeProgress('2026-03-01', '2026-03-30', '2026-03-10')).toBe(30)
    // 29 of 30 days elapsed on the last day: 96.67 → 96
    expect(timeProgress('2026-03-01', '2026-03-30', '2026-03-30')).toBe(96)
    expect(timeProgress('2026-03-01', '2026-03-30', '2026-03-31')).toBe(100)
    // 1 of 3 days: 33.33 → 33 (no floating point artefacts: 3 × 0.7 style sums are not used)
    expect(timeProgress('2026-01-01', '2026-01-03', '2026-01-02')).toBe(33)
  })
  it('is null without both dates or with the end before the start', () => {
    expect(timeProgress(null, '2026-03-30', '2026-03-10')).toBeNull()
    expect(timeProgress('2026-03-01', null, '2026-03-10')).toBeNull()
    expect(timeProgress('2026-03-05', '2026-03-01', '2026-03-10')).toBeNull()
  })
})

describe('actualEndAfter (entering finished stamps the real end)', () => {
  const base = { current: null, given: undefined, today: '2026-03-10' } as const
  it('stamps today, or the date given, when entering finished', () => {
    expect(actualEndAfter({ ...base, from: 'in_execution', to: 'finished' })).toBe('2026-03-10')
    expect(actualEndAfter({ ...base, from: 'in_execution', to: 'finished', given: '2026-03-08' })).toBe(
      '2026-03-08',
    )
  })
  it('clears it when leaving finished, unless one is given', () => {
    expect(
      actualEndAfter({ ...base, from: 'finished', to: 'in_execution', current: '2026-03-08' }),
    ).toBeNull()
    expect(
      actualEndAfter({
        ...base,
        from: 'finished',
        to: 'cancelled',
        current: '2026-03-08',
        given: '2026-03-09',
      }),
    ).toBe('2026-03-09')
  })
  it('otherwise keeps the current one or takes the given one', () => {
    expect(actualEndAfter({ ...base, from: 'finished', to: 'finished', current: '2026-03-08' })).toBe(
      '2026-03-08',
    )
    expect(
      actualEndAfter({ ...base, from: 'assigned', to: 'assigned', current: '2026-03-08', given: null }),
    ).toBeNull()
  })
  it('needs a reason for suspended, to cancel and cancelled only', () => {
    expect(
      ['suspended', 'to_cancel', 'cancelled', 'finished', 'assigned'].map((s) => reasonRequired(s as never)),
    ).toEqual([true, true, true, false, false])
  })
})

describe('checkFrontAndSites (docs/work-orders.md#front-and-sites)', () => {
  const barco = { siteKinds: ['vessel', 'platform', 'interconnection', 'yard'] as const }
  const cpps = { siteKinds: ['platform', 'yard'] as const }
  const sites = [
    { id: 'v', kind: 'vessel' as const },
    { id: 'p', kind: 'platform' as const },
    { id: 'y', kind: 'yard' as const },
  ]
  const none = { vesselId: null, platformId: null, yardId: null, interconnectionId: null }
  const check = (over: Partial<Parameters<typeof checkFrontAndSites>[0]>) =>
    checkFrontAndSites({
      frontId: 'f',
      front: barco,
      siteIds: none,
      sites,
      requiresYardPhase: false,
      yardStart: null,
      yardEnd: null,
      ...over,
    }).map((e) => e.path)

  it('accepts the sites a front allows', () => {
    expect(check({ siteIds: { ...none, vesselId: 'v', platformId: 'p' } })).toEqual([])
    expect(check({ frontId: null, front: undefined })).toEqual([])
  })
  it('refuses a site of another kind, a kind the front does not allow, a site without front, an unknown site', () => {
    expect(check({ siteIds: { ...none, vesselId: 'p' } })).toEqual(['vesselId'])
    expect(check({ front: cpps, siteIds: { ...none, vesselId: 'v' } })).toEqual(['vesselId'])
    expect(check({ frontId: null, front: undefined, siteIds: { ...none, platformId: 'p' } })).toEqual([
      'frontId',
    ])
    expect(check({ siteIds: { ...none, interconnectionId: 'zzz' } })).toEqual(['interconnectionId'])
    expect(check({ front: undefined })).toEqual(['frontId'])
  })
  it('the yard phase needs the yard, a front with yards, start ≤ end', () => {
    expect(check({ requiresYardPhase: true })).toEqual(['yardId'])
    expect(
      check({
        requiresYardPhase: true,
        siteIds: { ...none, yardId: 'y' },
        yardStart: '2026-02-10',
        yardEnd: '2026-02-01',
      }),
    ).toEqual(['yardEnd'])
    expect(
      check({ front: { siteKinds: ['vessel'] }, requiresYardPhase: true, siteIds: { ...none, yardId: 'y' } }),
    ).toEqual(['yardId', 'requiresYardPhase'])
  })
})

describe('familyChanges', () => {
  const v0: FamilySnapshot = {
    officialDocument: 'PEP-1',
    status: 'finished',
    durationDays: 30,
    plannedStart: '2026-01-01',
    plannedEnd: '2026-01-30',
    actualStart: null,
    actualEnd: null,
    amountMxn: '100.50',
    amountUsd: '0',
  }
  it('lists the fields that differ, amounts compared as decimals', () => {
    expect(familyChanges(null, v0)).toEqual([])
    expect(familyChanges(v0, { ...v0, amountMxn: '100.5' })).toEqual([])
    expect(
      familyChanges(v0, { ...v0, plannedEnd: '2026-02-15', amountUsd: '10', status: 'assigned' }),
    ).toEqual([
      { field: 'status', previous: 'finished', current: 'assigned' },
      { field: 'plannedEnd', previous: '2026-01-30', current: '2026-02-15' },
      { field: 'amountUsd', previous: '0', current: '10' },
    ])
  })
})

describe('small rules', () => {
  it('plain amounts drop insignificant zeros exactly', () => {
    expect(plainAmount('135177954.896000')).toBe('135177954.896')
    expect(plainAmount('0.000000')).toBe('0')
    expect(plainAmount('12345678901234567890.123456')).toBe('12345678901234567890.123456')
  })
  it('historical steps follow the work order status', () => {
    expect(historyStepStatus('finished')).toBe('completed')
    expect(historyStepStatus('cancelled')).toBe('cancelled')
    expect(historyStepStatus('in_execution')).toBe('in_progress')
    expect(historyStepStatus('deferred_not_started')).toBe('pending')
  })
})

describe('dueSignal (docs/work-orders.md#due-bands)', () => {
  const thresholds = { urgentDays: 7, soonDays: 14 }
  const at = (familyEnd: string | null, status: Parameters<typeof dueSignal>[0]['status'] = 'in_execution') =>
    dueSignal({ status, familyEnd, today: '2026-02-27', thresholds })

  it('counts calendar days to the family end, across month ends', () => {
    expect(at('2026-03-01')).toEqual({ remainingDays: 2, overdue: false, dueBand: 'urgent' })
    expect(at('2026-02-27')).toEqual({ remainingDays: 0, overdue: false, dueBand: 'urgent' })
    expect(at('2026-02-26')).toEqual({ remainingDays: -1, overdue: true, dueBand: 'overdue' })
  })

  it('bands: ≤ urgentDays orange, ≤ soonDays yellow, beyond none', () => {
    expect(at('2026-03-06').dueBand).toBe('urgent') // 7
    expect(at('2026-03-07').dueBand).toBe('soon') // 8
    expect(at('2026-03-13').dueBand).toBe('soon') // 14
    expect(at('2026-03-14')).toEqual({ remainingDays: 15, overdue: false, dueBand: null })
  })

  it('nothing for a finished or cancelled work order, or without an end', () => {
    const none = { remainingDays: null, overdue: false, dueBand: null }
    expect(at('2026-01-01', 'finished')).toEqual(none)
    expect(at('2026-01-01', 'cancelled')).toEqual(none)
    expect(at(null)).toEqual(none)
    expect(at('2026-01-01', 'suspended').overdue).toBe(true)
  })
})
