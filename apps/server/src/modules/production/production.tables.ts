import type { DB } from '../../platform/db/generated/tables.gen'
import type { ProductionMonthlyTables } from './production-monthly.tables'

export type {
  ProductionDayStatusesTable,
  ProductionDailyStatusesTable,
  ProductionEntriesTable,
  ProductionGridVersionsTable,
  ProductionExcessBasisTable,
  ExchangeRatesTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ProductionTables = Pick<
  DB,
  | 'production_day_statuses'
  | 'production_daily_statuses'
  | 'production_entries'
  | 'production_grid_versions'
  | 'production_excess_basis'
  | 'exchange_rates'
> &
  ProductionMonthlyTables
