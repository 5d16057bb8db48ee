import { describe, expect, it } from 'vitest'
import { PROPOSAL_STATUSES, type TProposalStatus } from '@faena/contracts'
import { calendarDate } from '../../platform/tenancy/today'
import { allowedTransitions, canTransition, checkTransition, isProposalOverdue } from './proposal-status'

describe('proposal status transitions', () => {
  // from → the statuses it may move to; everything else is refused.
  const table: Record<TProposalStatus, TProposalStatus[]> = {
    active: ['in_progress', 'cancelled', 'suspended'],
    in_progress: ['finished', 'cancelled', 'suspended'],
    suspended: ['active', 'in_progress', 'cancelled'],
    finished: [],
    cancelled: [],
  }

  for (const from of PROPOSAL_STATUSES) {
    for (const to of PROPOSAL_STATUSES) {
      const allowed = table[from].includes(to)
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowed)
      })
    }
  }

  it('lists the allowed transitions', () => {
    expect(allowedTransitions('active')).toEqual(['in_progress', 'cancelled', 'suspended'])
    expect(allowedTransitions('finished')).toEqual([])
  })

  it('requires a reason for cancelled and suspended only', () => {
    expect(checkTransition('active', 'cancelled', undefined)).toEqual({ ok: false, error: 'reason_required' })
    expect(checkTransition('active', 'suspended', '   ')).toEqual({ ok: false, error: 'reason_required' })
    expect(checkTransition('active', 'suspended', 'client on hold')).toEqual({ ok: true })
    expect(checkTransition('active', 'in_progress', undefined)).toEqual({ ok: true })
    expect(checkTransition('in_progress', 'finished', null)).toEqual({ ok: true })
  })

  it('reports an invalid transition before a missing reason', () => {
    expect(checkTransition('finished', 'cancelled', undefined)).toEqual({
      ok: false,
      error: 'invalid_transition',
    })
    expect(checkTransition('active', 'active', undefined)).toEqual({ ok: false, error: 'invalid_transition' })
  })
})

describe('proposal overdue', () => {
  it('is past due before today unless finished or cancelled', () => {
    expect(isProposalOverdue({ status: 'active', deliveryDate: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isProposalOverdue({ status: 'suspended', deliveryDate: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isProposalOverdue({ status: 'active', deliveryDate: '2026-03-10' }, '2026-03-10')).toBe(false)
    expect(isProposalOverdue({ status: 'finished', deliveryDate: '2026-03-01' }, '2026-03-10')).toBe(false)
    expect(isProposalOverdue({ status: 'cancelled', deliveryDate: '2026-03-01' }, '2026-03-10')).toBe(false)
  })
})

describe('calendarDate', () => {
  it('gives the day in the organization time zone', () => {
    const instant = new Date('2026-03-10T03:30:00Z') // 21:30 of the 9th in Mexico City, 22:30 in Guayaquil
    expect(calendarDate(instant, 'America/Mexico_City')).toBe('2026-03-09')
    expect(calendarDate(instant, 'America/Guayaquil')).toBe('2026-03-09')
    expect(calendarDate(instant, 'UTC')).toBe('2026-03-10')
  })
})
