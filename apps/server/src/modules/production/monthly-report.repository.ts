import { sql } from 'kysely'
import type { TMonthlyReportStatus } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** SQL of the monthly report and its evidence (docs/production.md#monthly-report-and-close). */

export type MonthlyReportRow = {
  id: string
  work_order_id: string
  month: string
  status: TMonthlyReportStatus
  submitted_by: string | null
  submitted_by_name: string | null
  submitted_at: Date | null
  closed_by: string | null
  closed_by_name: string | null
  closed_at: Date | null
  reopened_by: string | null
  reopened_by_name: string | null
  reopened_at: Date | null
  reopen_reason: string | null
}

export type MonthlyReportFileRow = {
  id: string
  report_id: string
  file_id: string | null
  url: string | null
  name: string
  size: string | null
  created_at: Date
  created_by: string | null
  created_by_name: string | null
}

/** The reports of these work orders for one month (`month` = its first day). */
export async function listReports(
  ex: Executor,
  orgId: string,
  workOrderIds: readonly string[],
  month: string,
  opts: { forUpdate?: boolean } = {},
): Promise<MonthlyReportRow[]> {
  if (workOrderIds.length === 0) return []
  let q = ex
    .selectFrom('production_monthly_reports as r')
    .leftJoin('users as us', 'us.id', 'r.submitted_by')
    .leftJoin('users as uc', 'uc.id', 'r.closed_by')
    .leftJoin('users as ur', 'ur.id', 'r.reopened_by')
    .select([
      'r.id',
      'r.work_order_id',
      sql<string>`to_char(r.month, 'YYYY-MM')`.as('month'),
      'r.status',
      'r.submitted_by',
      'us.name as submitted_by_name',
      'r.submitted_at',
      'r.closed_by',
      'uc.name as closed_by_name',
      'r.closed_at',
      'r.reopened_by',
      'ur.name as reopened_by_name',
      'r.reopened_at',
      'r.reopen_reason',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.work_order_id', 'in', workOrderIds)
    .where('r.month', '=', month)
  if (opts.forUpdate) q = q.forUpdate('r')
  return q.execute()
}

/** Creates the report of a work order and month when it has none; gives back its id. */
export async function ensureReport(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  month: string,
): Promise<string> {
  await ex
    .insertInto('production_monthly_reports')
    .values({ org_id: orgId, work_order_id: workOrderId, month })
    .onConflict((oc) => oc.columns(['work_order_id', 'month']).doNothing())
    .execute()
  const row = await ex
    .selectFrom('production_monthly_reports')
    .select('id')
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('month', '=', month)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateReport(
  ex: Executor,
  orgId: string,
  id: string,
  set: {
    status: TMonthlyReportStatus
    submitted_by?: string | null
    submitted_at?: Date | null
    closed_by?: string | null
    closed_at?: Date | null
    reopened_by?: string | null
    reopened_at?: Date | null
    reopen_reason?: string | null
  },
): Promise<void> {
  await ex
    .updateTable('production_monthly_reports')
    .set({ ...set, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function listFiles(
  ex: Executor,
  orgId: string,
  reportIds: readonly string[],
): Promise<MonthlyReportFileRow[]> {
  if (reportIds.length === 0) return []
  return ex
    .selectFrom('production_monthly_report_files as f')
    .leftJoin('files as pf', 'pf.id', 'f.file_id')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.report_id',
      'f.file_id',
      'f.url',
      'f.name',
      sql<string | null>`pf.size::text`.as('size'),
      'f.created_at',
      'f.created_by',
      'u.name as created_by_name',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.report_id', 'in', reportIds)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute()
}

export async function insertFile(
  ex: Executor,
  v: {
    org_id: string
    report_id: string
    file_id: string | null
    url: string | null
    name: string
    created_by: string | null
  },
): Promise<string> {
  const row = await ex
    .insertInto('production_monthly_report_files')
    .values(v)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Deletes one piece of evidence of a report; gives back what it was, or null when there is none. */
export async function deleteFile(
  ex: Executor,
  orgId: string,
  reportId: string,
  id: string,
): Promise<{ name: string; file_id: string | null; url: string | null } | null> {
  const row = await ex
    .deleteFrom('production_monthly_report_files')
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .returning(['name', 'file_id', 'url'])
    .executeTakeFirst()
  return row ?? null
}

/**
 * `workOrderId|YYYY-MM` of the closed months among these work orders and months. Inside a transaction the rows
 * are read `FOR SHARE`, so a save and a close of the same month never interleave (docs/production.md).
 */
export async function closedMonths(
  ex: Executor,
  orgId: string,
  workOrderIds: readonly string[],
  months: readonly string[],
): Promise<Set<string>> {
  if (workOrderIds.length === 0 || months.length === 0) return new Set()
  let q = ex
    .selectFrom('production_monthly_reports')
    .select(['work_order_id', sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'status'])
    .where('org_id', '=', orgId)
    .where('work_order_id', 'in', workOrderIds)
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    )
  if (ex.isTransaction) q = q.forShare()
  const rows = await q.execute()
  return new Set(rows.filter((r) => r.status === 'closed').map((r) => `${r.work_order_id}|${r.month}`))
}
