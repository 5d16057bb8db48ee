import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  DocumentCountersTable,
  RentalMaintenanceSheetsTable,
  RentalCustodyChainsTable,
  RentalCustodyChainAssignmentsTable,
  RentalShippingGuidesTable,
  RentalShippingGuideItemsTable,
  RentalDocumentAttachmentsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type RentalDocumentTables = Pick<
  DB,
  | 'document_counters'
  | 'rental_maintenance_sheets'
  | 'rental_custody_chains'
  | 'rental_custody_chain_assignments'
  | 'rental_shipping_guides'
  | 'rental_shipping_guide_items'
  | 'rental_document_attachments'
>
