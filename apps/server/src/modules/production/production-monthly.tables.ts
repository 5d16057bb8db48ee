import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Timestamp } from '../../platform/db/tables'

type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

/** The monthly report, its evidence, superintendents and rotations (migration 0026, docs/production.md). */
export type ProductionMonthlyReportsTable = {
  id: Generated<string>
  org_id: string
  work_order_id: string
  month: DateCol
  status: Generated<string>
  submitted_by: string | null
  submitted_at: NullableTime
  closed_by: string | null
  closed_at: NullableTime
  reopened_by: string | null
  reopened_at: NullableTime
  reopen_reason: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ProductionMonthlyReportFilesTable = {
  id: Generated<string>
  org_id: string
  report_id: string
  file_id: string | null
  url: string | null
  name: string
  created_by: string | null
  created_at: CreatedAt
}

export type ProductionSuperintendentsTable = {
  id: Generated<string>
  org_id: string
  name: string
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ProductionRotationsTable = {
  id: Generated<string>
  org_id: string
  site_id: string
  start_date: DateCol
  superintendent_a_id: string
  superintendent_b_id: string
  cycle_days: Generated<number>
  created_by: string | null
  created_at: CreatedAt
}

export type ProductionMonthlyTables = {
  production_monthly_reports: ProductionMonthlyReportsTable
  production_monthly_report_files: ProductionMonthlyReportFilesTable
  production_superintendents: ProductionSuperintendentsTable
  production_rotations: ProductionRotationsTable
}
