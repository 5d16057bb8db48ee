import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Numeric, Timestamp } from '../../platform/db/tables'

/** Money / volume columns with a database default. */
type NumericDefault = ColumnType<string, string | undefined, string>
/**
 * `date[]`: written as an array of `YYYY-MM-DD` strings; the repository always reads it back cast to
 * `text[]` (the pg driver would otherwise turn each element into a JS Date).
 */
type DateArray = ColumnType<string[], string[] | undefined, string[]>
type NullableDateArray = ColumnType<string[] | null, string[] | null | undefined, string[] | null>

export type BillingSheetsTable = {
  id: Generated<string>
  org_id: string
  project_id: string
  series_prefix: string
  series_year: number
  series_number: number
  series_code: string
  status: Generated<string>
  status_reason: string | null
  period_start: DateCol
  period_end: DateCol
  project_name: string
  project_location: string | null
  client_name: string
  client_tax_id: string | null
  client_po_reference: string | null
  contact_reference: string | null
  notes: string | null
  currency: Generated<string>
  tax_rate: Numeric
  subtotal: NumericDefault
  tax: NumericDefault
  total: NumericDefault
  gallons: NumericDefault
  barrels: NumericDefault
  cubic_meters: NumericDefault
  line_count: Generated<number>
  documents_signature: string | null
  invoice_reference: string | null
  invoice_file_id: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  recomputed_at: Date | null
  liquidated_at: Date | null
  liquidated_by: string | null
  invoiced_at: Date | null
  invoiced_by: string | null
  cancelled_at: Date | null
  cancelled_by: string | null
  deleted_at: Date | null
  deleted_by: string | null
}

export type BillingSheetLinesTable = {
  id: Generated<string>
  org_id: string
  sheet_id: string
  key: string
  position: number
  kind: string
  component: string
  source_id: string
  assignment_ids: ColumnType<string[], string[] | undefined, string[]>
  equipment_id: string | null
  equipment_code: string | null
  equipment_name: string | null
  description: string
  unit: string
  dates: DateArray
  allowed_dates: DateArray
  quantity: number
  unit_price: Numeric
  total: Numeric
  source_version: string | null
  day_edit: Generated<string>
  signature: string
  updated_at: Timestamp
}

export type BillingSheetLineStatesTable = {
  org_id: string
  sheet_id: string
  key: string
  kind: string
  description: string
  removed: Generated<boolean>
  removed_at: Date | null
  removed_by: string | null
  day_edit_dates: NullableDateArray
  day_edit_version: string | null
  day_edit_at: Date | null
  day_edit_by: string | null
}

export type DispositionCertificatesTable = {
  id: Generated<string>
  org_id: string
  sheet_id: string
  number: string
  prefix: string
  issue_date: DateCol
  consecutive: number
  client_name: string
  client_tax_id: string | null
  location: string | null
  total_gallons: NumericDefault
  total_barrels: NumericDefault
  total_cubic_meters: NumericDefault
  created_by: string | null
  created_at: CreatedAt
  refreshed_at: Timestamp
}

export type DispositionCertificateItemsTable = {
  id: Generated<string>
  org_id: string
  certificate_id: string
  position: number
  custody_chain_id: string
  chain_number: string
  activity_date: DateCol
  description: string
  treatment: string
  gallons: Numeric
  barrels: Numeric
  cubic_meters: Numeric
}

export type RentalBillingTables = {
  billing_sheets: BillingSheetsTable
  billing_sheet_lines: BillingSheetLinesTable
  billing_sheet_line_states: BillingSheetLineStatesTable
  disposition_certificates: DispositionCertificatesTable
  disposition_certificate_items: DispositionCertificateItemsTable
}
