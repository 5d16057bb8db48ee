import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Numeric, Timestamp } from '../../platform/db/tables'
import type { ProductionMonthlyTables } from './production-monthly.tables'

/** The production module's tables (migrations 0019 and 0024, docs/production.md). */
export type ProductionDayStatusesTable = {
  id: Generated<string>
  org_id: string
  code: string
  name: string
  allows_production: boolean
  position: Generated<number>
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ProductionDailyStatusesTable = {
  org_id: string
  work_order_id: string
  site_id: string
  day: DateCol
  day_status_id: string | null
  signature: string | null
  comment: string | null
  /** migration 0026: the superintendent on duty at the site that day (from the rotation in force) when saved */
  superintendent_id: ColumnType<string | null, string | null | undefined, string | null>
  updated_by: string | null
  updated_at: Timestamp
}

export type ProductionEntriesTable = {
  org_id: string
  family_id: string
  work_order_id: string
  site_id: string
  concept_id: string
  day: DateCol
  time_type: string
  volume: Numeric
  is_excess: Generated<boolean>
  /** migration 0024: why the entry passes the authorized volume */
  excess_reason: ColumnType<string | null, string | null | undefined, string | null>
  excess_reason_by: ColumnType<string | null, string | null | undefined, string | null>
  excess_reason_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  updated_by: string | null
  updated_at: Timestamp
}

export type ProductionGridVersionsTable = {
  org_id: string
  work_order_id: string
  site_id: string
  month: DateCol
  time_type: string
  version: number
  saved_by: string | null
  saved_at: Timestamp
  last_changes: ColumnType<unknown[], string | undefined, string>
}

export type ProductionExcessBasisTable = {
  org_id: string
  family_id: string
  basis: string
  recomputed_at: Timestamp
}

export type ExchangeRatesTable = {
  org_id: string
  valid_from: DateCol
  rate: Numeric
  created_by: string | null
  created_at: CreatedAt
}

export type ProductionTables = {
  production_day_statuses: ProductionDayStatusesTable
  production_daily_statuses: ProductionDailyStatusesTable
  production_entries: ProductionEntriesTable
  production_grid_versions: ProductionGridVersionsTable
  production_excess_basis: ProductionExcessBasisTable
  exchange_rates: ExchangeRatesTable
} & ProductionMonthlyTables
