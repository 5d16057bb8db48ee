import type { TLinkType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on the schedule tables. Every query is scoped by organization. */

export type VersionRow = Awaited<ReturnType<typeof insertVersion>>
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number]
export type DependencyRow = Awaited<ReturnType<typeof listDependencies>>[number]

/** Rows per INSERT: 25 columns × 1,000 stays far below the 65,535 parameters of one statement. */
const TASK_BATCH = 1_000
const DEPENDENCY_BATCH = 2_000

export type VersionValues = {
  work_order_id: string
  version: number
  file_id: string
  file_name: string
  source_format: 'mspdi' | 'mpp'
  project_name: string | null
  project_title: string | null
  start_date: string | null
  finish_date: string | null
  status_date: string | null
  minutes_per_day: number
  minutes_per_week: number | null
  save_version: number | null
  weight_field: unknown
  progress_field: unknown
  custom_fields: unknown
  task_count: number
  dependency_count: number
  warnings: string[]
  created_by: string | null
}

export async function insertVersion(db: Executor, orgId: string, v: VersionValues) {
  return db
    .insertInto('schedule_versions')
    .values({
      ...v,
      org_id: orgId,
      active: true,
      weight_field: JSON.stringify(v.weight_field),
      progress_field: JSON.stringify(v.progress_field),
      custom_fields: JSON.stringify(v.custom_fields),
      warnings: JSON.stringify(v.warnings),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findActiveVersion(db: Executor, orgId: string, workOrderId: string) {
  return db
    .selectFrom('schedule_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function findVersion(db: Executor, orgId: string, workOrderId: string, id: string) {
  return db
    .selectFrom('schedule_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The newest version older than `version` (for the default comparison). */
export async function findPreviousVersion(db: Executor, orgId: string, workOrderId: string, version: number) {
  return db
    .selectFrom('schedule_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('version', '<', version)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function listVersions(
  db: Executor,
  orgId: string,
  workOrderId: string,
  page: { limit: number; offset: number },
) {
  const base = db
    .selectFrom('schedule_versions')
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('version', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function nextVersion(db: Executor, orgId: string, workOrderId: string): Promise<number> {
  const r = await db
    .selectFrom('schedule_versions')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .executeTakeFirst()
  return Number(r?.v ?? 0) + 1
}

export async function deactivateVersions(db: Executor, orgId: string, workOrderId: string): Promise<void> {
  await db
    .updateTable('schedule_versions')
    .set({ active: false })
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('active', '=', true)
    .execute()
}

export type TaskValues = {
  uid: number
  position: number
  task_number: number | null
  wbs: string | null
  outline_number: string | null
  name: string
  outline_level: number
  summary: boolean
  milestone: boolean
  parent_uid: number | null
  start_date: string | null
  finish_date: string | null
  start_at: string | null
  finish_at: string | null
  duration_minutes: string | null
  duration_days: string | null
  percent_complete: string
  physical_percent_complete: string
  weight: string | null
  progress: string
  resource_names: string[]
  custom_fields: Record<string, string>
}

export async function insertTasks(
  db: Executor,
  orgId: string,
  versionId: string,
  tasks: readonly TaskValues[],
): Promise<void> {
  for (let i = 0; i < tasks.length; i += TASK_BATCH) {
    await db
      .insertInto('schedule_tasks')
      .values(
        tasks.slice(i, i + TASK_BATCH).map((t) => ({
          ...t,
          org_id: orgId,
          version_id: versionId,
          resource_names: JSON.stringify(t.resource_names),
          custom_fields: JSON.stringify(t.custom_fields),
        })),
      )
      .execute()
  }
}

export type DependencyValues = {
  position: number
  predecessor_uid: number
  successor_uid: number
  type: TLinkType
  lag_days: string | null
  lag_minutes: string | null
  lag_elapsed: boolean
  lag_percent: string | null
  lag_format: number | null
}

export async function insertDependencies(
  db: Executor,
  orgId: string,
  versionId: string,
  deps: readonly DependencyValues[],
): Promise<void> {
  for (let i = 0; i < deps.length; i += DEPENDENCY_BATCH) {
    await db
      .insertInto('schedule_dependencies')
      .values(
        deps.slice(i, i + DEPENDENCY_BATCH).map((d) => ({ ...d, org_id: orgId, version_id: versionId })),
      )
      .execute()
  }
}

export async function listTasks(db: Executor, orgId: string, versionId: string) {
  return db
    .selectFrom('schedule_tasks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute()
}

export async function listDependencies(db: Executor, orgId: string, versionId: string) {
  return db
    .selectFrom('schedule_dependencies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute()
}
