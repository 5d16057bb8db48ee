import { describe, expect, it } from 'vitest'
import {
  groupEntries,
  percentOf,
  plannedAcknowledgements,
  plannedEntries,
  progressItemErrors,
} from './progress-entries'
import { progressView } from './progress-view'
import type { ProgressEntryRow } from './schedule-progress.repository'
import type { TaskRow } from './schedules.repository'

// 1 summary ─ 2, 3 (leaves); 4 a top-level leaf
const task = (uid: number, parent: number | null, name: string, more: Partial<TaskRow> = {}) =>
  ({
    uid,
    parent_uid: parent,
    name,
    task_number: uid,
    wbs: String(uid),
    outline_level: parent === null ? 1 : 2,
    milestone: false,
    start_date: '2026-01-01',
    finish_date: '2026-01-10',
    duration_days: '10',
    weight: null,
    ...more,
  }) as TaskRow
const tasks = [
  task(1, null, 'Obra', { duration_days: '20' }),
  task(2, 1, 'Soldadura'),
  task(3, 1, 'Pintura'),
  task(4, null, 'Limpieza'),
]
let seq = 0
const entry = (
  task_uid: number,
  kind: 'real' | 'client',
  percent: string,
  progress_date: string,
  more: Partial<ProgressEntryRow> = {},
): ProgressEntryRow => ({
  id: `e${++seq}`,
  task_uid,
  kind,
  percent,
  previous_percent: null,
  progress_date,
  comment: null,
  source: 'entry',
  task_name: `task ${task_uid}`,
  entered_by: null,
  entered_at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  version: 1,
  ...more,
})
const origin = { workOrderId: 'wo', versionId: 'v1', enteredBy: 'u1' }

describe('a save of progress', () => {
  it('percentages are kept with two decimals', () => {
    expect(percentOf(50)).toBe('50.00')
    expect(percentOf(' 12.5 ')).toBe('12.50')
  })

  it('refuses unknown, summary and repeated tasks and dates after today, naming each field', () => {
    const errors = progressItemErrors(
      [
        { taskUid: 99, date: '2026-01-05', realPercent: 10 },
        { taskUid: 1, date: '2026-01-05', realPercent: 10 },
        { taskUid: 2, date: '2026-01-05', realPercent: 10 },
        { taskUid: 2, date: '2026-01-06', realPercent: 20 },
        { taskUid: 4, date: '2026-01-08', realPercent: 20 },
      ],
      tasks,
      '2026-01-07',
    )
    expect(errors.map((e) => e.path)).toEqual([
      'items.0.taskUid',
      'items.1.taskUid',
      'items.3.taskUid',
      'items.4.date',
    ])
    expect(errors[1]!.message).toContain('«Obra» es una tarea resumen')
    expect(
      progressItemErrors([{ taskUid: 2, date: '2026-01-07', realPercent: 10 }], tasks, '2026-01-07'),
    ).toEqual([])
  })

  it('records each truth given unless it equals the current value, with the audit change', () => {
    const grouped = groupEntries([
      entry(2, 'real', '10.00', '2026-01-03'),
      entry(2, 'real', '30.00', '2026-01-05', { comment: 'ok' }),
      entry(3, 'client', '5.00', '2026-01-02'),
    ])
    const planned = plannedEntries(
      [
        { taskUid: 2, date: '2026-01-05', realPercent: '30', comment: ' ok ' },
        { taskUid: 3, date: '2026-01-06', realPercent: 40, clientPercent: 5, comment: '' },
      ],
      tasks,
      grouped,
      origin,
    )
    expect(planned.unchanged).toBe(1)
    expect(planned.rows).toEqual([
      {
        work_order_id: 'wo',
        task_uid: 3,
        kind: 'real',
        percent: '40.00',
        previous_percent: null,
        progress_date: '2026-01-06',
        comment: null,
        source: 'entry',
        version_id: 'v1',
        task_name: 'Pintura',
        entered_by: 'u1',
      },
      expect.objectContaining({ task_uid: 3, kind: 'client', percent: '5.00', previous_percent: '5.00' }),
    ])
    expect(planned.changes).toEqual([
      { field: '3.realPercent', old: null, new: { percent: '40.00', date: '2026-01-06' } },
      {
        field: '3.clientPercent',
        old: { percent: '5.00', date: '2026-01-02' },
        new: { percent: '5.00', date: '2026-01-06' },
      },
    ])
  })
})

describe('an acknowledgement', () => {
  it('gives the client the real % as of the date where it differs, leaving later or equal ones alone', () => {
    const grouped = groupEntries([
      entry(2, 'real', '20.00', '2026-01-03'),
      entry(2, 'real', '60.00', '2026-01-09'),
      entry(3, 'real', '50.00', '2026-01-04'),
      entry(3, 'client', '50.00', '2026-01-04'),
      entry(4, 'real', '10.00', '2026-01-02'),
      entry(4, 'client', '5.00', '2026-01-08'),
    ])
    const planned = plannedAcknowledgements(tasks, grouped, { upTo: '2026-01-06', comment: 'acta 3' }, origin)
    expect(planned.unchanged).toBe(2)
    expect(planned.rows).toEqual([
      {
        work_order_id: 'wo',
        task_uid: 2,
        kind: 'client',
        percent: '20.00',
        previous_percent: null,
        progress_date: '2026-01-06',
        comment: 'acta 3',
        source: 'acknowledge',
        version_id: 'v1',
        task_name: 'Soldadura',
        entered_by: 'u1',
      },
    ])
    expect(planned.changes).toEqual([
      { field: '2.clientPercent', old: null, new: { percent: '20.00', date: '2026-01-06' } },
    ])
  })
})

describe('the progress view', () => {
  it('rolls both truths up, marks late leaves, names who entered and lists tasks that left the version', () => {
    const view = progressView({
      workOrderId: 'wo',
      version: { id: 'v1', version: 2, weight_field: null },
      tasks,
      entries: [
        entry(2, 'real', '100.00', '2026-01-05', { entered_by: 'u1' }),
        entry(3, 'real', '20.00', '2026-01-05'),
        entry(3, 'client', '10.00', '2026-01-05'),
        entry(7, 'real', '40.00', '2026-01-02', { task_name: 'Andamios' }),
      ],
      userNames: new Map([['u1', 'Ana']]),
      asOf: '2026-01-05',
      timeZone: 'America/Mexico_City',
    })
    const byUid = new Map(view.tasks.map((t) => [t.taskUid, t]))
    expect(view.basis).toBe('duration')
    expect(byUid.get(2)).toMatchObject({ summary: false, realPercent: '100.00', late: false })
    expect(byUid.get(2)!.real).toMatchObject({ percent: '100.00', enteredBy: { id: 'u1', name: 'Ana' } })
    expect(byUid.get(3)).toMatchObject({
      realPercent: '20.00',
      clientPercent: '10.00',
      gap: '10.00',
      late: true,
    })
    expect(byUid.get(1)).toMatchObject({ summary: true, realPercent: '60.00', real: null })
    expect(view.lateTasks).toBe(2)
    expect(view.removedTasks).toEqual([
      expect.objectContaining({ taskUid: 7, name: 'Andamios', client: null }),
    ])
    expect(view.total.realPercent).toBe('40.00')
    expect(view.timeZone).toBe('America/Mexico_City')
  })
})
