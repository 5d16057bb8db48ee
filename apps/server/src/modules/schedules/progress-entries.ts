import Decimal from 'decimal.js'
import type { TFieldError, TScheduleProgressInput } from '@faena/contracts'
import { fieldError } from '../../platform/errors'
import { schedulesMessages as M } from './schedules.messages'
import { leafUids, rollupModel, valueAsOf, type ProgressPoint, type RollupModel } from './progress-rollup'
import type { EntryValues, ProgressEntryRow } from './schedule-progress.repository'
import type { TaskRow } from './schedules.repository'

/**
 * The progress entries of a work order (docs/schedules.md#progress-two-truths), pure: grouped by task and
 * truth, which items of a save are acceptable, and which entries a save or an acknowledgement records (an
 * entry equal to the current value records nothing). Unit-tested.
 */

export type Kind = 'real' | 'client'
type Entry = Pick<ProgressEntryRow, 'task_uid' | 'kind' | 'percent' | 'progress_date' | 'comment'>

/** A percentage from the API (already checked by the contract: 0–100, ≤ 2 decimals) as a 2-decimal string. */
export const percentOf = (v: string | number): string =>
  new Decimal(typeof v === 'number' ? String(v) : v.trim()).toFixed(2)
const sameNumber = (a: string | null | undefined, b: string | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && new Decimal(a).eq(b)

/** Entries of a work order grouped by task and truth, in the order they apply (the last is the current one). */
export function groupEntries<E extends Pick<Entry, 'task_uid' | 'kind'>>(entries: readonly E[]) {
  const by = { real: new Map<number, E[]>(), client: new Map<number, E[]>() }
  for (const e of entries) {
    const m = by[e.kind]
    const list = m.get(e.task_uid)
    if (list) list.push(e)
    else m.set(e.task_uid, [e])
  }
  return by
}
export type GroupedEntries<E extends Pick<Entry, 'task_uid' | 'kind'>> = ReturnType<typeof groupEntries<E>>

/** One truth's entries of each task as dated percentages. */
export const points = (m: Map<number, readonly Pick<Entry, 'progress_date' | 'percent'>[]>) =>
  new Map(
    [...m].map(([uid, list]) => [
      uid,
      list.map((e): ProgressPoint => ({ date: e.progress_date, percent: e.percent })),
    ]),
  )

/** The roll-up model of a version's tasks. */
export const modelOf = (tasks: readonly TaskRow[]): RollupModel =>
  rollupModel(
    tasks.map((t) => ({
      uid: t.uid,
      parentUid: t.parent_uid,
      weight: t.weight,
      durationDays: t.duration_days,
      start: t.start_date,
      finish: t.finish_date,
    })),
  )

type ProgressTask = Pick<TaskRow, 'uid' | 'parent_uid' | 'name'>

/**
 * The refusals of a save, each naming its field (`items.3.taskUid`): a task not in the active version, a
 * summary task, a task given twice, a date after today. Empty when every item is acceptable.
 */
export function progressItemErrors(
  items: TScheduleProgressInput['items'],
  tasks: readonly ProgressTask[],
  today: string,
): TFieldError[] {
  const byUid = new Map(tasks.map((t) => [t.uid, t]))
  const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
  const details: TFieldError[] = []
  const seen = new Set<number>()
  items.forEach((item, i) => {
    const task = byUid.get(item.taskUid)
    if (!task) details.push(fieldError(`items.${i}.taskUid`, M.taskNotInSchedule({ task: item.taskUid })))
    else if (!leaves.has(item.taskUid))
      details.push(fieldError(`items.${i}.taskUid`, M.summaryTask({ name: task.name })))
    else if (seen.has(item.taskUid))
      details.push(fieldError(`items.${i}.taskUid`, M.taskRepeated({ task: item.taskUid })))
    seen.add(item.taskUid)
    if (item.date > today) details.push(fieldError(`items.${i}.date`, M.dateAfterToday({ today })))
  })
  return details
}

export type EntryChange = { field: string; old: unknown; new: unknown }
export type PlannedEntries = { rows: EntryValues[]; changes: EntryChange[]; unchanged: number }
/** Who records, on which work order and version (copied onto every entry). */
export type EntryOrigin = { workOrderId: string; versionId: string; enteredBy: string | null }

/**
 * The entries a save records: per item and truth given, one entry unless it equals the current value (same
 * %, date and comment), with the audit change of each. The items must have passed `progressItemErrors`.
 */
export function plannedEntries(
  items: TScheduleProgressInput['items'],
  tasks: readonly ProgressTask[],
  grouped: GroupedEntries<Entry>,
  origin: EntryOrigin,
): PlannedEntries {
  const byUid = new Map(tasks.map((t) => [t.uid, t]))
  const rows: EntryValues[] = []
  const changes: EntryChange[] = []
  let unchanged = 0
  for (const item of items) {
    const task = byUid.get(item.taskUid)!
    const comment = item.comment?.trim() || null
    for (const kind of ['real', 'client'] as const) {
      const raw = kind === 'real' ? item.realPercent : item.clientPercent
      if (raw === undefined) continue
      const percent = percentOf(raw)
      const last = grouped[kind].get(item.taskUid)?.at(-1)
      if (
        last &&
        sameNumber(last.percent, percent) &&
        last.progress_date === item.date &&
        last.comment === comment
      ) {
        unchanged++
        continue
      }
      rows.push({
        work_order_id: origin.workOrderId,
        task_uid: item.taskUid,
        kind,
        percent,
        previous_percent: last?.percent ?? null,
        progress_date: item.date,
        comment,
        source: 'entry',
        version_id: origin.versionId,
        task_name: task.name,
        entered_by: origin.enteredBy,
      })
      changes.push({
        field: `${item.taskUid}.${kind === 'real' ? 'realPercent' : 'clientPercent'}`,
        old: last ? { percent: last.percent, date: last.progress_date } : null,
        new: { percent, date: item.date, ...(comment ? { comment } : {}) },
      })
    }
  }
  return { rows, changes, unchanged }
}

/**
 * The entries an acknowledgement up to `upTo` records: on every leaf whose real % as of `upTo` differs from
 * the client's current %, a client entry with that %, dated `upTo`. A task the client already acknowledged
 * at a later date, or without a real % by then, is left alone.
 */
export function plannedAcknowledgements(
  tasks: readonly ProgressTask[],
  grouped: GroupedEntries<Entry>,
  ack: { upTo: string; comment: string | null },
  origin: EntryOrigin,
): PlannedEntries {
  const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
  const realPoints = points(grouped.real)
  const rows: EntryValues[] = []
  const changes: EntryChange[] = []
  let unchanged = 0
  for (const t of tasks) {
    if (!leaves.has(t.uid)) continue
    const real = valueAsOf(realPoints.get(t.uid), ack.upTo)
    if (!real) continue
    const last = grouped.client.get(t.uid)?.at(-1)
    if (last && (last.progress_date > ack.upTo || real.eq(last.percent))) {
      unchanged++
      continue
    }
    const percent = real.toFixed(2)
    rows.push({
      work_order_id: origin.workOrderId,
      task_uid: t.uid,
      kind: 'client',
      percent,
      previous_percent: last?.percent ?? null,
      progress_date: ack.upTo,
      comment: ack.comment,
      source: 'acknowledge',
      version_id: origin.versionId,
      task_name: t.name,
      entered_by: origin.enteredBy,
    })
    changes.push({
      field: `${t.uid}.clientPercent`,
      old: last ? { percent: last.percent, date: last.progress_date } : null,
      new: { percent, date: ack.upTo },
    })
  }
  return { rows, changes, unchanged }
}
