import { describe, expect, it } from 'vitest'
import type { TStepStatus } from '@faena/contracts'
import {
  isStepOverdue,
  parentProgress,
  percent,
  progressOf,
  proposalProgress,
  shouldAutoCompleteParent,
  type StepNode,
} from './proposal-progress'

const leaf = (status: TStepStatus): StepNode => ({ status, steps: [] })
const statuses = (done: number, open: number): TStepStatus[] => [
  ...Array<TStepStatus>(done).fill('completed'),
  ...Array<TStepStatus>(open).fill('pending'),
]

describe('percent (half-up, integer maths)', () => {
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [5, 5, 100],
    [1, 8, 13], // 12.5 → 13
    [3, 8, 38], // 37.5 → 38
    [5, 8, 63], // 62.5 → 63 (half-even would give 62)
    [7, 8, 88], // 87.5 → 88
    [1, 2, 50],
    [1, 3, 33], // 33.33 → 33
    [2, 3, 67], // 66.67 → 67
    [1, 200, 1], // 0.5 → 1
    [199, 200, 100], // 99.5 → 100
    [1, 201, 0], // 0.497 → 0
    [43, 45, 96], // 95.56 → 96
    [29, 100, 29], // 29 exactly (0.29 × 100 is 28.999… in floating point)
    [57, 100, 57],
  ])('%i of %i → %i', (done, counted, expected) => {
    expect(percent(done, counted)).toBe(expected)
  })

  it('refuses impossible counts', () => {
    expect(() => percent(3, 2)).toThrow(RangeError)
    expect(() => percent(-1, 2)).toThrow(RangeError)
    expect(() => percent(0.5, 2)).toThrow(RangeError)
  })
})

describe('progressOf', () => {
  it('counts completed and not_applicable as done; pending and in_progress as open', () => {
    expect(progressOf(['completed', 'not_applicable', 'pending', 'in_progress'])).toEqual({
      done: 2,
      counted: 4,
      progress: 50,
    })
  })

  it('leaves cancelled steps out of both sides', () => {
    expect(progressOf(['completed', 'cancelled', 'cancelled', 'pending'])).toEqual({
      done: 1,
      counted: 2,
      progress: 50,
    })
    expect(progressOf(['completed', 'cancelled'])).toEqual({ done: 1, counted: 1, progress: 100 })
  })

  it('is 0 when every step is cancelled or there are no steps', () => {
    expect(progressOf(['cancelled', 'cancelled'])).toEqual({ done: 0, counted: 0, progress: 0 })
    expect(progressOf([])).toEqual({ done: 0, counted: 0, progress: 0 })
  })

  it('rounds half-up at the .5 boundaries the old half-even rounding got wrong', () => {
    expect(progressOf(statuses(5, 3)).progress).toBe(63)
    expect(progressOf(statuses(1, 7)).progress).toBe(13)
  })
})

describe('tree progress', () => {
  // 3 main steps; the second has 4 sub-steps (one cancelled).
  const tree: StepNode[] = [
    leaf('completed'),
    {
      status: 'in_progress',
      steps: [leaf('completed'), leaf('not_applicable'), leaf('cancelled'), leaf('pending')],
    },
    leaf('pending'),
  ]

  it('counts main steps and sub-steps alike, each row once', () => {
    // rows: completed, in_progress(parent), completed, n/a, [cancelled], pending, pending → 3 done of 6 counted
    expect(proposalProgress(tree)).toEqual({ done: 3, counted: 6, progress: 50 })
  })

  it('gives a parent its own progress over its sub-steps, null without sub-steps', () => {
    expect(parentProgress(tree[1]!)).toEqual({ done: 2, counted: 3, progress: 67 })
    expect(parentProgress(tree[0]!)).toBeNull()
  })
})

describe('parent auto-completion', () => {
  it('completes an open parent when every counted sub-step is done', () => {
    expect(shouldAutoCompleteParent('pending', ['completed', 'not_applicable'])).toBe(true)
    expect(shouldAutoCompleteParent('in_progress', ['completed', 'cancelled'])).toBe(true)
  })

  it('needs at least one done sub-step and none open', () => {
    expect(shouldAutoCompleteParent('pending', ['cancelled', 'cancelled'])).toBe(false)
    expect(shouldAutoCompleteParent('pending', [])).toBe(false)
    expect(shouldAutoCompleteParent('pending', ['completed', 'in_progress'])).toBe(false)
  })

  it('leaves a parent that is already closed alone', () => {
    for (const s of ['completed', 'not_applicable', 'cancelled'] as const)
      expect(shouldAutoCompleteParent(s, ['completed'])).toBe(false)
  })
})

describe('step overdue', () => {
  it('is past due only when open and the delivery date is before today', () => {
    expect(isStepOverdue({ status: 'pending', deliveryDate: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isStepOverdue({ status: 'in_progress', deliveryDate: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isStepOverdue({ status: 'pending', deliveryDate: '2026-03-10' }, '2026-03-10')).toBe(false)
    expect(isStepOverdue({ status: 'pending', deliveryDate: null }, '2026-03-10')).toBe(false)
    for (const s of ['completed', 'not_applicable', 'cancelled'] as const) {
      expect(isStepOverdue({ status: s, deliveryDate: '2026-01-01' }, '2026-03-10')).toBe(false)
    }
  })
})
