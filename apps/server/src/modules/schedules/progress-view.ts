import Decimal from 'decimal.js'
import type { TProgressValue, TScheduleProgress, TTaskProgress } from '@faena/contracts'
import { groupEntries, modelOf, type Kind } from './progress-entries'
import { leafUids, plannedPercentAt, rollup, roundPercent } from './progress-rollup'
import type { ProgressEntryRow } from './schedule-progress.repository'
import type { TaskRow } from './schedules.repository'

type Entry = ProgressEntryRow

export type ProgressViewInput = {
  workOrderId: string
  version: { id: string; version: number; weight_field: unknown }
  tasks: readonly TaskRow[]
  /** the work order's entries in the order they apply (schedule-progress.repository.ts `listEntries`) */
  entries: readonly Entry[]
  /** user id → name, for who entered each current value */
  userNames: ReadonlyMap<string, string>
  asOf: string
  timeZone: string
}

/**
 * The progress of the active version as of `asOf` (docs/schedules.md#progress-two-truths), pure: each task's
 * planned, real and client %, rolled up from the leaves, the gap and whether it is late, the current value of
 * each truth on the leaves, the tasks that have entries but left the version, and the totals.
 */
export function progressView({
  workOrderId,
  version,
  tasks,
  entries,
  userNames,
  asOf,
  timeZone,
}: ProgressViewInput): TScheduleProgress {
  const grouped = groupEntries(entries)
  const current = (kind: Kind, uid: number) => grouped[kind].get(uid)?.at(-1)
  const value = (e: Entry | undefined): TProgressValue | null =>
    e
      ? {
          percent: e.percent,
          date: e.progress_date,
          comment: e.comment,
          enteredBy: e.entered_by ? { id: e.entered_by, name: userNames.get(e.entered_by) ?? '' } : null,
          enteredAt: e.entered_at.toISOString(),
          source: e.source,
        }
      : null
  const model = modelOf(tasks)
  const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
  const leafIndex = new Map(model.leaves.map((l) => [l.uid, l]))
  const currentOf = (kind: Kind) => (uid: number) => {
    const e = current(kind, uid)
    return e ? new Decimal(e.percent) : null
  }
  const real = rollup(model, currentOf('real'))
  const client = rollup(model, currentOf('client'))
  const planned = rollup(model, (uid) => {
    const l = leafIndex.get(uid)
    return l ? plannedPercentAt(l.start, l.finish, asOf) : null
  })
  let lateTasks = 0
  const out: TTaskProgress[] = tasks.map((t) => {
    const leaf = leaves.has(t.uid)
    const p = planned.byUid.get(t.uid) ?? '0.00'
    const r = real.byUid.get(t.uid) ?? '0.00'
    const c = client.byUid.get(t.uid) ?? '0.00'
    const late = new Decimal(p).gt(r)
    if (late && leaf) lateTasks++
    return {
      taskUid: t.uid,
      id: t.task_number,
      wbs: t.wbs,
      name: t.name,
      outlineLevel: t.outline_level,
      parentUid: t.parent_uid,
      summary: !leaf,
      milestone: t.milestone,
      start: t.start_date,
      finish: t.finish_date,
      durationDays: t.duration_days,
      weight: t.weight,
      basisWeight: leaf ? (leafIndex.get(t.uid)?.weight.toString() ?? null) : null,
      plannedPercent: p,
      realPercent: r,
      clientPercent: c,
      gap: roundPercent(new Decimal(r).minus(c)),
      late,
      real: leaf ? value(current('real', t.uid)) : null,
      client: leaf ? value(current('client', t.uid)) : null,
    }
  })
  const inVersion = new Set(tasks.map((t) => t.uid))
  const removed = [...new Set(entries.map((e) => e.task_uid))].filter((uid) => !inVersion.has(uid))
  const weightField = version.weight_field as { alias?: string } | null
  return {
    workOrderId,
    versionId: version.id,
    version: version.version,
    basis: model.basis,
    weightField: model.basis === 'weight' ? (weightField?.alias ?? null) : null,
    asOf,
    timeZone,
    tasks: out,
    removedTasks: removed.map((uid) => {
      const r = current('real', uid)
      const c = current('client', uid)
      const last = [r, c]
        .filter((x): x is Entry => Boolean(x))
        .sort((a, b) => +b.entered_at - +a.entered_at)[0]
      return { taskUid: uid, name: last?.task_name ?? '', real: value(r), client: value(c) }
    }),
    total: {
      plannedPercent: planned.total,
      realPercent: real.total,
      clientPercent: client.total,
      gap: roundPercent(new Decimal(real.total).minus(client.total)),
    },
    lateTasks,
  }
}
