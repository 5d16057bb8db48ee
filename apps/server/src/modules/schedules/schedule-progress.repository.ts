import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on `schedule_progress_entries` (docs/schedules.md#progress-two-truths). Scoped by organization. */

export type ProgressEntryRow = Awaited<ReturnType<typeof listEntries>>[number]

/**
 * Every entry of a work order, in the order they apply: by task, truth, date, then the order they were
 * entered (so the last of a task's truth is its current value).
 */
export async function listEntries(db: Executor, orgId: string, workOrderId: string) {
  return db
    .selectFrom('schedule_progress_entries as e')
    .leftJoin('schedule_versions as v', 'v.id', 'e.version_id')
    .select([
      'e.id',
      'e.task_uid',
      'e.kind',
      'e.percent',
      'e.previous_percent',
      'e.progress_date',
      'e.comment',
      'e.source',
      'e.task_name',
      'e.entered_by',
      'e.entered_at',
      'v.version as version',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.work_order_id', '=', workOrderId)
    .orderBy('e.task_uid')
    .orderBy('e.kind')
    .orderBy('e.progress_date')
    .orderBy('e.seq')
    .execute()
}

export type EntryValues = {
  work_order_id: string
  task_uid: number
  kind: 'real' | 'client'
  percent: string
  previous_percent: string | null
  progress_date: string
  comment: string | null
  source: 'entry' | 'acknowledge'
  version_id: string
  task_name: string
  entered_by: string | null
}

/** Rows per INSERT: 12 columns × 2,000 stays far below the 65,535 parameters of one statement. */
const BATCH = 2_000

export async function insertEntries(
  db: Executor,
  orgId: string,
  rows: readonly EntryValues[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('schedule_progress_entries')
      .values(rows.slice(i, i + BATCH).map((r) => ({ ...r, org_id: orgId })))
      .execute()
  }
}

/** The history, newest entered first, optionally of one task and one truth. */
export async function listHistory(
  db: Executor,
  orgId: string,
  workOrderId: string,
  q: { taskUid?: number | undefined; kind?: 'real' | 'client' | undefined; limit: number; offset: number },
) {
  let base = db
    .selectFrom('schedule_progress_entries as e')
    .where('e.org_id', '=', orgId)
    .where('e.work_order_id', '=', workOrderId)
  if (q.taskUid !== undefined) base = base.where('e.task_uid', '=', q.taskUid)
  if (q.kind) base = base.where('e.kind', '=', q.kind)
  const [rows, count] = await Promise.all([
    base
      .leftJoin('schedule_versions as v', 'v.id', 'e.version_id')
      .select([
        'e.id',
        'e.task_uid',
        'e.kind',
        'e.percent',
        'e.previous_percent',
        'e.progress_date',
        'e.comment',
        'e.source',
        'e.task_name',
        'e.entered_by',
        'e.entered_at',
        'v.version as version',
      ])
      .orderBy('e.seq', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
