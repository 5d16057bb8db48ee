import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ProductionMonthlyReportsTable,
  ProductionMonthlyReportFilesTable,
  ProductionSuperintendentsTable,
  ProductionRotationsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ProductionMonthlyTables = Pick<
  DB,
  | 'production_monthly_reports'
  | 'production_monthly_report_files'
  | 'production_superintendents'
  | 'production_rotations'
>
