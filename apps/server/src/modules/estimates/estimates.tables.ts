import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Numeric, Timestamp } from '../../platform/db/tables'

/** The estimates module's tables (migrations 0032 and 0035, docs/estimates.md). */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>

export type EstimateSettingsTable = {
  org_id: string
  family_id: string
  iva_percent: ColumnType<string, string | undefined, string>
  advance_mxn: ColumnType<string, string | undefined, string>
  advance_usd: ColumnType<string, string | undefined, string>
  amortization_percent: ColumnType<string, string | undefined, string>
  retentions: ColumnType<unknown, string | undefined, string>
  max_period_months: ColumnType<number, number | undefined, number>
  updated_by: string | null
  updated_at: Timestamp
}

export type EstimatesTable = {
  id: Generated<string>
  org_id: string
  family_id: string
  number: number
  type: string
  status: Generated<string>
  period_start: DateCol
  period_end: DateCol
  selection: ColumnType<unknown, string | null | undefined, string | null>
  exchange_rate: Nullable<string>
  totals: ColumnType<unknown, string | null | undefined, string | null>
  return_reason: Nullable<string>
  returned_by: Nullable<string>
  returned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  submitted_by: Nullable<string>
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  approved_by: Nullable<string>
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  invoice_reference: Nullable<string>
  invoiced_by: Nullable<string>
  invoiced_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  paid_date: ColumnType<string | null, string | null | undefined, string | null>
  paid_amount: Nullable<string>
  paid_by: Nullable<string>
  paid_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type EstimateCellsTable = {
  org_id: string
  estimate_id: string
  family_id: string
  site_id: string
  concept_id: string
  day: DateCol
  time_type: string
  volume: Numeric
  is_excess: boolean
  evidence_status: string
}

export type EstimateAdjustmentsTable = {
  id: Generated<string>
  org_id: string
  estimate_id: string
  kind: string
  concept_id: string | null
  quantity: string | null
  amount_mxn: ColumnType<string, string | undefined, string>
  amount_usd: ColumnType<string, string | undefined, string>
  reason: string
  price_difference_mxn: Nullable<string>
  price_difference_usd: Nullable<string>
  created_by: string | null
  created_at: CreatedAt
}

export type EstimateTables = {
  estimate_settings: EstimateSettingsTable
  estimates: EstimatesTable
  estimate_cells: EstimateCellsTable
  estimate_adjustments: EstimateAdjustmentsTable
}
