import type { DB } from '../../platform/db/generated/tables.gen'

export type { EInvoicingSettingsTable, EDocumentsTable } from '../../platform/db/generated/tables.gen'

export type EDocumentMessage = { identifier: string; message: string; info: string | null; type: string }

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type EInvoicingTables = Pick<DB, 'e_invoicing_settings' | 'e_documents'>
