import Decimal from 'decimal.js'
import type { MspdiDependency, MspdiLinkType, MspdiTask } from './mspdi-parser'

/**
 * What changed between two versions of an OT's schedule (the active one and a newly imported file), matched by
 * task UID (MS Project keeps UIDs stable across edits; IDs renumber when rows move).
 * Numeric fields compare as decimals ("1.0" = "1.00"); dates compare as YYYY-MM-DD strings.
 */

/** Fields compared for a task; a subset of the parsed task, so stored versions can be diffed too. */
export type DiffableTask = Pick<
  MspdiTask,
  'uid' | 'name' | 'start' | 'finish' | 'durationDays' | 'percentComplete'
> &
  Partial<Pick<MspdiTask, 'wbs' | 'parentUid' | 'progress' | 'weight' | 'outlineLevel'>>
export type DiffableDependency = Pick<MspdiDependency, 'predecessorUid' | 'successorUid' | 'type' | 'lagDays'>
export type DiffableSchedule = { tasks: DiffableTask[]; dependencies: DiffableDependency[] }

export type TaskField =
  | 'name'
  | 'wbs'
  | 'parentUid'
  | 'start'
  | 'finish'
  | 'durationDays'
  | 'percentComplete'
  | 'progress'
  | 'weight'
export type FieldChange = { field: TaskField; from: string | number | null; to: string | number | null }
export type TaskChange = { uid: number; name: string; changes: FieldChange[] }

export type DependencyKey = { predecessorUid: number; successorUid: number }
export type DependencyChange = DependencyKey & {
  from: { type: MspdiLinkType; lagDays: string | null }
  to: { type: MspdiLinkType; lagDays: string | null }
}

export type ScheduleDiff = {
  addedTasks: DiffableTask[]
  removedTasks: DiffableTask[]
  changedTasks: TaskChange[]
  unchangedTaskCount: number
  addedDependencies: DiffableDependency[]
  removedDependencies: DiffableDependency[]
  changedDependencies: DependencyChange[]
  /** true when nothing differs */
  identical: boolean
}

const TEXT_FIELDS = ['name', 'wbs', 'start', 'finish'] as const
const NUMBER_FIELDS = ['durationDays', 'percentComplete', 'progress', 'weight'] as const
const REQUIRED_FIELDS = new Set<TaskField>(['name', 'start', 'finish', 'durationDays', 'percentComplete'])

/** Diff of schedule `a` (before) against `b` (after). Output lists follow `b`'s order (removed ones `a`'s order). */
export function diffSchedules(a: DiffableSchedule, b: DiffableSchedule): ScheduleDiff {
  const before = new Map(a.tasks.map((t) => [t.uid, t]))
  const after = new Map(b.tasks.map((t) => [t.uid, t]))
  const addedTasks = b.tasks.filter((t) => !before.has(t.uid))
  const removedTasks = a.tasks.filter((t) => !after.has(t.uid))
  const changedTasks: TaskChange[] = []
  let unchangedTaskCount = 0
  for (const t of b.tasks) {
    const old = before.get(t.uid)
    if (!old) continue
    const changes: FieldChange[] = []
    // optional fields are compared only when both versions carry them
    const comparable = (f: TaskField) => REQUIRED_FIELDS.has(f) || (f in old && f in t)
    for (const f of TEXT_FIELDS) {
      if (!comparable(f)) continue
      const from = old[f] ?? null
      const to = t[f] ?? null
      if (from !== to) changes.push({ field: f, from, to })
    }
    if (comparable('parentUid') && (old.parentUid ?? null) !== (t.parentUid ?? null)) {
      changes.push({ field: 'parentUid', from: old.parentUid ?? null, to: t.parentUid ?? null })
    }
    for (const f of NUMBER_FIELDS) {
      if (!comparable(f)) continue
      const from = old[f] ?? null
      const to = t[f] ?? null
      if (!sameDecimal(from, to)) changes.push({ field: f, from, to })
    }
    if (changes.length > 0) changedTasks.push({ uid: t.uid, name: t.name, changes })
    else unchangedTaskCount++
  }

  const key = (d: DependencyKey) => `${d.predecessorUid}>${d.successorUid}`
  const depsBefore = new Map(a.dependencies.map((d) => [key(d), d]))
  const depsAfter = new Map(b.dependencies.map((d) => [key(d), d]))
  const addedDependencies = b.dependencies.filter((d) => !depsBefore.has(key(d)))
  const removedDependencies = a.dependencies.filter((d) => !depsAfter.has(key(d)))
  const changedDependencies: DependencyChange[] = []
  for (const d of b.dependencies) {
    const old = depsBefore.get(key(d))
    if (!old || (old.type === d.type && sameDecimal(old.lagDays, d.lagDays))) continue
    changedDependencies.push({
      predecessorUid: d.predecessorUid,
      successorUid: d.successorUid,
      from: { type: old.type, lagDays: old.lagDays },
      to: { type: d.type, lagDays: d.lagDays },
    })
  }

  return {
    addedTasks,
    removedTasks,
    changedTasks,
    unchangedTaskCount,
    addedDependencies,
    removedDependencies,
    changedDependencies,
    identical:
      addedTasks.length +
        removedTasks.length +
        changedTasks.length +
        addedDependencies.length +
        removedDependencies.length +
        changedDependencies.length ===
      0,
  }
}

function sameDecimal(x: string | null, y: string | null): boolean {
  if (x === null || y === null) return x === y
  try {
    return new Decimal(x).eq(y)
  } catch {
    return x === y
  }
}
