import { describe, expect, it } from 'vitest'
import type { TStepStatus } from '@faena/contracts'
import {
  autoCompleteParents,
  buildStepTree,
  copyStepTemplates,
  newlyAssignedUser,
  resolveStepPatch,
  stepSnapshot,
  type StepRowFields,
} from './step-rules'

const row = (over: Partial<StepRowFields> & { id: string }): StepRowFields => ({
  parent_id: null,
  template_id: null,
  position: 1,
  name: over.id,
  status: 'pending',
  start_date: null,
  delivery_date: null,
  completed_date: null,
  comment: null,
  responsible_user_id: null,
  ...over,
})

describe('resolveStepPatch', () => {
  it('stamps today when a step completes without a date', () => {
    expect(
      resolveStepPatch({ status: 'completed' }, { status: 'pending', keptCompletedDate: null }, '2026-03-10'),
    ).toEqual({
      status: 'completed',
      completed_date: '2026-03-10',
    })
  })

  it('keeps the completion date it has, unless one is given', () => {
    const current = { status: 'completed' as const, keptCompletedDate: '2026-03-01' }
    expect(resolveStepPatch({ comment: 'ok' }, current, '2026-03-10')).toEqual({
      status: 'completed',
      completed_date: '2026-03-01',
      comment: 'ok',
    })
    expect(resolveStepPatch({ completedDate: '2026-03-05' }, current, '2026-03-10').completed_date).toBe(
      '2026-03-05',
    )
  })

  it('clears the date when the step leaves completed; an empty comment becomes null', () => {
    expect(
      resolveStepPatch(
        { status: 'in_progress', comment: '', startDate: null, deliveryDate: '2026-04-01' },
        { status: 'completed', keptCompletedDate: '2026-03-01' },
        '2026-03-10',
      ),
    ).toEqual({
      status: 'in_progress',
      completed_date: null,
      comment: null,
      start_date: null,
      delivery_date: '2026-04-01',
    })
  })

  it('refuses a completed step without a date and a date on an open step', () => {
    expect(() =>
      resolveStepPatch(
        { status: 'completed', completedDate: null },
        { status: 'pending', keptCompletedDate: null },
        '2026-03-10',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: [expect.objectContaining({ path: 'completedDate' })],
      }),
    )
    expect(() =>
      resolveStepPatch(
        { completedDate: '2026-03-01' },
        { status: 'pending', keptCompletedDate: null },
        '2026-03-10',
      ),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})

describe('copyStepTemplates', () => {
  it('gives new ids and hangs sub-steps under the copy of their parent', () => {
    let n = 0
    const steps = copyStepTemplates(
      [
        { id: 't1', name: 'A', position: 1, parentId: null },
        { id: 't2', name: 'A.1', position: 2, parentId: 't1' },
        { id: 't3', name: 'B', position: 3, parentId: 'gone' },
      ],
      () => `s${++n}`,
    )
    expect(steps).toEqual([
      { id: 's1', parent_id: null, template_id: 't1', position: 1, name: 'A' },
      { id: 's2', parent_id: 's1', template_id: 't2', position: 2, name: 'A.1' },
      { id: 's3', parent_id: null, template_id: 't3', position: 3, name: 'B' },
    ])
  })
})

describe('buildStepTree', () => {
  it('nests sub-steps, marks overdue steps and gives parents their own progress', () => {
    const tree = buildStepTree(
      [
        row({ id: 'p', delivery_date: '2026-03-01' }),
        row({ id: 'c1', parent_id: 'p', status: 'completed', completed_date: '2026-03-02' }),
        row({ id: 'c2', parent_id: 'p' }),
        row({ id: 'q', status: 'completed', delivery_date: '2026-03-01', responsible_user_id: 'u1' }),
      ],
      '2026-03-10',
      (r) => ({ tag: r.id.toUpperCase() }),
      new Map([['u1', 'Ana']]),
    )
    expect(tree.map((n) => [n.id, n.overdue, n.progress, n.tag, n.responsibleUser])).toEqual([
      ['p', true, 50, 'P', null],
      ['q', false, null, 'Q', { id: 'u1', name: 'Ana' }],
    ])
    expect(tree[0]!.steps.map((n) => [n.id, n.progress])).toEqual([
      ['c1', null],
      ['c2', null],
    ])
  })
})

describe('stepSnapshot', () => {
  it('names the audited fields as the API does', () => {
    expect(
      stepSnapshot(row({ id: 'x', status: 'completed', completed_date: '2026-03-02', comment: 'c' })),
    ).toEqual({
      status: 'completed',
      startDate: null,
      deliveryDate: null,
      completedDate: '2026-03-02',
      comment: 'c',
      responsibleUserId: null,
    })
  })
})

describe('responsible user', () => {
  it('stores the responsible only when the patch names it (a user or null)', () => {
    const current = { status: 'pending' as const, keptCompletedDate: null }
    expect(resolveStepPatch({ responsibleUserId: 'u1' }, current, '2026-03-10').responsible_user_id).toBe(
      'u1',
    )
    expect(resolveStepPatch({ responsibleUserId: null }, current, '2026-03-10')).toHaveProperty(
      'responsible_user_id',
      null,
    )
    expect(resolveStepPatch({ comment: 'x' }, current, '2026-03-10')).not.toHaveProperty(
      'responsible_user_id',
    )
  })

  it('announces an assignment only to a new responsible', () => {
    expect(newlyAssignedUser({ responsibleUserId: 'u2' }, 'u1')).toBe('u2')
    expect(newlyAssignedUser({ responsibleUserId: 'u2' }, null)).toBe('u2')
    expect(newlyAssignedUser({ responsibleUserId: 'u1' }, 'u1')).toBeNull()
    expect(newlyAssignedUser({ responsibleUserId: null }, 'u1')).toBeNull()
    expect(newlyAssignedUser({}, 'u1')).toBeNull()
  })
})

describe('autoCompleteParents', () => {
  type S = { id: string; parent_id: string | null; status: TStepStatus }
  const walk = async (steps: S[], subs: Record<string, TStepStatus[]>, from: string | null) => {
    const byId = new Map(steps.map((s) => [s.id, { ...s }]))
    const completed: string[] = []
    await autoCompleteParents<S>(from, {
      loadStep: async (id) => byId.get(id),
      subStepStatuses: async (id) => subs[id] ?? [],
      complete: async (parent) => {
        completed.push(parent.id)
        const after: S = { ...parent, status: 'completed' }
        byId.set(parent.id, after)
        return after
      },
    })
    return completed
  }

  it('completes open parents upwards while all their sub-steps are done', async () => {
    const steps: S[] = [
      { id: 'root', parent_id: null, status: 'pending' },
      { id: 'mid', parent_id: 'root', status: 'in_progress' },
    ]
    expect(
      await walk(steps, { mid: ['completed', 'cancelled'], root: ['completed', 'not_applicable'] }, 'mid'),
    ).toEqual(['mid', 'root'])
  })

  it('stops at the first parent that stays open, at a missing step, or without a parent', async () => {
    const steps: S[] = [
      { id: 'root', parent_id: null, status: 'pending' },
      { id: 'mid', parent_id: 'root', status: 'pending' },
    ]
    expect(await walk(steps, { mid: ['completed', 'pending'], root: ['completed'] }, 'mid')).toEqual([])
    expect(await walk(steps, { mid: ['completed'], root: ['pending'] }, 'mid')).toEqual(['mid'])
    expect(await walk(steps, {}, 'gone')).toEqual([])
    expect(await walk(steps, {}, null)).toEqual([])
  })

  it('leaves a parent a user cancelled alone', async () => {
    expect(
      await walk([{ id: 'p', parent_id: null, status: 'cancelled' }], { p: ['completed'] }, 'p'),
    ).toEqual([])
  })
})
