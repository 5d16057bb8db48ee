import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  BillingSheetsTable,
  BillingSheetLinesTable,
  BillingSheetLineStatesTable,
  DispositionCertificatesTable,
  DispositionCertificateItemsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type RentalBillingTables = Pick<
  DB,
  | 'billing_sheets'
  | 'billing_sheet_lines'
  | 'billing_sheet_line_states'
  | 'disposition_certificates'
  | 'disposition_certificate_items'
>
