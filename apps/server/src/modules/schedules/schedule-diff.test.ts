import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LINK_TYPE, mspdiXml, taskOf, wbsProject } from '../../../test/fixtures/mspdi'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { parseMspdi } from './mspdi-parser'
import { diffSchedules, type DiffableSchedule } from './schedule-diff'

/**
 * A WBS of 22 tasks (the layout of sample1.xml) and the same file with the same edits: task 3 renamed, task 10
 * one day longer and 50 % done, 2b's link lag from +1 day to +2 days, 4b's link SS → FS, task 24 dropped and a
 * task 99 added (linked from task 1); the built file also moves task 8 out of its summary.
 */
interface EditedSchedule {
  label: string
  original: () => string
  edited: () => string
}

/** What differs between the built WBS and sample1.xml: names and dates of the edited tasks. */
interface DiffExpectations {
  renamed: [from: string, to: string]
  /** Finish of task 10, before and after. */
  finish: [from: string, to: string]
  /** Changes of task 8 when the edit moves it, else nothing to check. */
  moved?: { field: string; from: unknown; to: unknown }[]
}

/** The diff tests every WBS file passes; built and real differ only in `expected`. */
function scheduleDiffSuite(file: EditedSchedule, expected: DiffExpectations) {
  it('the same file twice is identical', () => {
    const d = diffSchedules(parseMspdi(file.original()), parseMspdi(file.original()))
    expect(d.identical).toBe(true)
    expect(d.unchangedTaskCount).toBe(22)
  })

  it(`edits of ${file.label}: renamed, moved, re-estimated, progressed, removed and added tasks, changed links`, () => {
    const d = diffSchedules(parseMspdi(file.original()), parseMspdi(file.edited()))
    expect(d.identical).toBe(false)
    expect(d.addedTasks.map((t) => t.uid)).toEqual([99])
    expect(d.removedTasks.map((t) => t.uid)).toEqual([24])
    const [from, to] = expected.renamed
    expect(d.changedTasks.find((c) => c.uid === 3)?.changes).toEqual([{ field: 'name', from, to }])
    if (expected.moved) expect(d.changedTasks.find((c) => c.uid === 8)?.changes).toEqual(expected.moved)
    const t10 = d.changedTasks.find((c) => c.uid === 10)
    expect(t10?.changes).toEqual(
      expect.arrayContaining([
        { field: 'finish', from: expected.finish[0], to: expected.finish[1] },
        { field: 'durationDays', from: '1.00', to: '2.00' },
        { field: 'percentComplete', from: '0', to: '50' },
        { field: 'progress', from: '0.00', to: '50.00' },
      ]),
    )
    expect(d.changedDependencies).toEqual([
      {
        predecessorUid: 11,
        successorUid: 12,
        from: { type: 'FS', lagDays: '1.00' },
        to: { type: 'FS', lagDays: '2.00' },
      },
      {
        predecessorUid: 15,
        successorUid: 16,
        from: { type: 'SS', lagDays: '0.00' },
        to: { type: 'FS', lagDays: '0.00' },
      },
    ])
    expect(d.addedDependencies).toEqual([expect.objectContaining({ predecessorUid: 1, successorUid: 99 })])
    expect(d.removedDependencies).toEqual([])
    // 22 tasks, one removed, tasks 3, 10 (and 8 when moved) changed
    expect(d.unchangedTaskCount).toBe(22 - 1 - (expected.moved ? 3 : 2))
  })
}

function editedWbs(): string {
  const p = wbsProject()
  taskOf(p, 3).name = 'Revisión final'
  // Inspección recurrente 2 moved out of its summary to the top level
  Object.assign(taskOf(p, 8), { outlineLevel: 1, wbs: '2' })
  // Vínculo 1b: one more day and 50 % done
  Object.assign(taskOf(p, 10), {
    duration: 'PT16H0M0S',
    percentComplete: 50,
    finish: '2026-01-08T17:00:00',
  })
  // 2b's link lag from +1 day to +2 days; 4b's link SS → FS
  taskOf(p, 12).predecessors![0]!.linkLag = 9600
  taskOf(p, 16).predecessors![0]!.type = LINK_TYPE.FS
  // drop task 24 (Tarea asignada 2) and add a task 99
  p.tasks = p.tasks.filter((t) => t.uid !== 24)
  p.tasks.push({
    uid: 99,
    id: 23,
    name: 'Nueva',
    outlineLevel: 1,
    duration: 'PT8H0M0S',
    predecessors: [{ predecessorUid: 1, type: LINK_TYPE.FS }],
  })
  return mspdiXml(p)
}

const sample1 = () => readFileSync(realFixturePath('msproject/sample1.xml'), 'utf8')

function editedSample1(): string {
  return (
    sample1()
      .replace('<Name>Third task</Name>', '<Name>Tercera tarea</Name>')
      // Related Task 1b: one more day and 50 % done
      .replace(/(<UID>10<\/UID>[\s\S]*?<Duration>)PT8H0M0S(<\/Duration>)/, '$1PT16H0M0S$2')
      .replace(/(<UID>10<\/UID>[\s\S]*?<PercentComplete>)0(<\/PercentComplete>)/, '$150$2')
      .replace(/(<UID>10<\/UID>[\s\S]*?<Finish>)2003-01-08T17:00:00(<\/Finish>)/, '$12003-01-09T17:00:00$2')
      // 2b's link lag from +1 day to +2 days; 4b's link SS → FS
      .replace('<LinkLag>4800</LinkLag>', '<LinkLag>9600</LinkLag>')
      .replace(/(<PredecessorUID>15<\/PredecessorUID>\s*<Type>)3(<\/Type>)/, '$11$2')
      // drop task 24 (Assigned Task 2) and add a task 99
      .replace(
        /<Task>\s*<UID>24<\/UID>[\s\S]*?<\/Task>/,
        '<Task><UID>99</UID><ID>23</ID><Name>Nueva</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>',
      )
  )
}

describe('diffSchedules', () => {
  scheduleDiffSuite(
    { label: 'a WBS', original: () => mspdiXml(wbsProject()), edited: editedWbs },
    {
      renamed: ['Revisión de planos', 'Revisión final'],
      finish: ['2026-01-07', '2026-01-08'],
      moved: [
        { field: 'wbs', from: '1.3.2', to: '2' },
        { field: 'parentUid', from: 6, to: null },
      ],
    },
  )

  it('numbers compare as decimals; optional fields absent on one side are not differences', () => {
    const a: DiffableSchedule = {
      tasks: [
        {
          uid: 1,
          name: 'A',
          start: '2025-01-01',
          finish: '2025-01-02',
          durationDays: '2',
          percentComplete: '10',
        },
      ],
      dependencies: [{ predecessorUid: 1, successorUid: 2, type: 'FS', lagDays: '1' }],
    }
    const b: DiffableSchedule = {
      tasks: [
        {
          uid: 1,
          name: 'A',
          start: '2025-01-01',
          finish: '2025-01-02',
          durationDays: '2.00',
          percentComplete: '10.0',
          wbs: '1',
          weight: '5.00',
        },
      ],
      dependencies: [{ predecessorUid: 1, successorUid: 2, type: 'FS', lagDays: '1.00' }],
    }
    expect(diffSchedules(a, b).identical).toBe(true)
    const c: DiffableSchedule = { ...b, tasks: [{ ...b.tasks[0]!, parentUid: 7 }] }
    const d: DiffableSchedule = { ...b, tasks: [{ ...b.tasks[0]!, parentUid: null, weight: '6' }] }
    expect(diffSchedules(c, d).changedTasks[0]?.changes).toEqual([
      { field: 'parentUid', from: 7, to: null },
      { field: 'weight', from: '5.00', to: '6' },
    ])
  })

  it('removed links and percent lags (null lag) are handled', () => {
    const a: DiffableSchedule = {
      tasks: [],
      dependencies: [
        { predecessorUid: 1, successorUid: 2, type: 'SS', lagDays: null },
        { predecessorUid: 2, successorUid: 3, type: 'FS', lagDays: '0.00' },
      ],
    }
    const b: DiffableSchedule = {
      tasks: [],
      dependencies: [{ predecessorUid: 1, successorUid: 2, type: 'SS', lagDays: '0.50' }],
    }
    const d = diffSchedules(a, b)
    expect(d.removedDependencies).toEqual([
      { predecessorUid: 2, successorUid: 3, type: 'FS', lagDays: '0.00' },
    ])
    expect(d.changedDependencies).toEqual([
      {
        predecessorUid: 1,
        successorUid: 2,
        from: { type: 'SS', lagDays: null },
        to: { type: 'SS', lagDays: '0.50' },
      },
    ])
  })
})

describeRealFiles('msproject/sample1.xml', () => {
  describe('diffSchedules', () => {
    scheduleDiffSuite(
      { label: 'sample1', original: sample1, edited: editedSample1 },
      { renamed: ['Third task', 'Tercera tarea'], finish: ['2003-01-08', '2003-01-09'] },
    )
  })
})
