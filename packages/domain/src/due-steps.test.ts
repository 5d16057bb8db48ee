import { describe, expect, it } from 'vitest'
import { dueStepOf, isStepDueBy, isStepToDo, STEP_STATUSES_NOT_TO_DO } from './due-steps'

describe('due steps', () => {
  it('a completed, not applicable or cancelled step is not to do; pending and in progress are', () => {
    expect(STEP_STATUSES_NOT_TO_DO).toEqual(['completed', 'not_applicable', 'cancelled'])
    expect(['pending', 'in_progress', 'completed', 'not_applicable', 'cancelled'].map(isStepToDo)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('is due by the horizon when to do and dated on or before it', () => {
    const until = '2026-03-10'
    expect(isStepDueBy({ status: 'pending', deliveryDate: '2026-03-10' }, until)).toBe(true)
    expect(isStepDueBy({ status: 'in_progress', deliveryDate: '2025-12-31' }, until)).toBe(true)
    expect(isStepDueBy({ status: 'pending', deliveryDate: '2026-03-11' }, until)).toBe(false)
    expect(isStepDueBy({ status: 'pending', deliveryDate: null }, until)).toBe(false)
    expect(isStepDueBy({ status: 'completed', deliveryDate: '2026-03-01' }, until)).toBe(false)
  })

  it('answers the step part of a due row', () => {
    expect(
      dueStepOf({ id: 's1', name: 'Ingeniería', delivery_date: '2026-03-05', responsible_user_id: null }),
    ).toEqual({ stepId: 's1', stepName: 'Ingeniería', dueDate: '2026-03-05', responsibleUserId: null })
  })
})
