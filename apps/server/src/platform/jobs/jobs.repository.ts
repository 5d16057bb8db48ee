import { sql } from 'kysely'
import type { Executor } from '../db/executor'

/** Every SQL statement on `job_runs`. Queries a user can reach are scoped by organization. */

export type JobRunRow = NonNullable<Awaited<ReturnType<typeof findJobRun>>>

export async function insertJobRun(
  db: Executor,
  v: {
    orgId: string
    kind: string
    payload: Record<string, unknown>
    requestedBy: string | null
    total: number | null
    now: Date
  },
) {
  const { id } = await db
    .insertInto('job_runs')
    .values({
      org_id: v.orgId,
      kind: v.kind,
      payload: JSON.stringify(v.payload),
      requested_by: v.requestedBy,
      total: v.total,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await findJobRun(db, v.orgId, id))!
}

/** The job with its result file's name and size (left join), or undefined. */
export async function findJobRun(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('job_runs as j')
    .leftJoin('files as f', (join) =>
      join.onRef('f.id', '=', 'j.result_file_id').onRef('f.org_id', '=', 'j.org_id'),
    )
    .selectAll('j')
    .select([
      'f.name as file_name',
      'f.size as file_size',
      'f.storage_key as file_key',
      'f.mime_type as file_mime',
    ])
    .where('j.org_id', '=', orgId)
    .where('j.id', '=', id)
    .executeTakeFirst()
}

/** The worker's read: by id only (the queue carries no organization). */
export async function findJobRunForWorker(db: Executor, id: string) {
  return db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirst()
}

/** queued → running; false when the job is not queued any more (already run, or cleaned up). */
export async function markRunning(db: Executor, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('job_runs')
    .set({ status: 'running', started_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function setProgress(db: Executor, id: string, done: number, total: number | null, now: Date) {
  await db
    .updateTable('job_runs')
    .set({ done, ...(total === null ? {} : { total }), updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute()
}

export async function markDone(
  db: Executor,
  id: string,
  v: { resultFileId: string | null; result: Record<string, unknown> | null; done: number; now: Date },
) {
  await db
    .updateTable('job_runs')
    .set({
      status: 'done',
      result_file_id: v.resultFileId,
      result: v.result === null ? null : JSON.stringify(v.result),
      done: v.done,
      total: sql<number>`greatest(coalesce(total, 0), ${v.done})`,
      finished_at: v.now,
      updated_at: v.now,
    })
    .where('id', '=', id)
    .execute()
}

export async function markFailed(db: Executor, id: string, error: string, now: Date) {
  await db
    .updateTable('job_runs')
    .set({ status: 'failed', error, finished_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute()
}

/** Jobs left queued or running since before `before` (the process stopped under them) → failed. */
export async function failStale(db: Executor, before: Date, error: string, now: Date) {
  const r = await db
    .updateTable('job_runs')
    .set({ status: 'failed', error, finished_at: now, updated_at: now })
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', before)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Deletes the jobs finished before `before`; returns the result files they held (to delete next). */
export async function deleteFinishedBefore(db: Executor, before: Date) {
  const rows = await db
    .deleteFrom('job_runs')
    .where('finished_at', '<', before)
    .returning(['result_file_id'])
    .execute()
  return rows.map((r) => r.result_file_id).filter((x): x is string => Boolean(x))
}

/** Deletes file rows by id; returns the storage keys no other file row still points at. */
export async function deleteFiles(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  const gone = await db.deleteFrom('files').where('id', 'in', ids).returning(['storage_key']).execute()
  const keys = [...new Set(gone.map((g) => g.storage_key))]
  if (keys.length === 0) return []
  const still = await db.selectFrom('files').select('storage_key').where('storage_key', 'in', keys).execute()
  const kept = new Set(still.map((s) => s.storage_key))
  return keys.filter((k) => !kept.has(k))
}

/** The requester, to run the job as them (their current role and organization). */
export async function findRequester(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'org_id', 'email', 'role', 'active', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst()
}
