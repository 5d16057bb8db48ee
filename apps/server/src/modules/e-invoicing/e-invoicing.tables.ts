import type { ColumnType, Generated } from 'kysely'

/** An organization's SRI issuer settings (migration 0042_e_invoicing); certificate and password sealed. */
export type EInvoicingSettingsTable = {
  org_id: string
  ruc: string
  business_name: string
  trade_name: string | null
  main_address: string
  establishment: string
  emission_point: string
  environment: 'test' | 'production'
  keeps_accounts: boolean
  /** the .p12 in base64, sealed (secret-box.ts) */
  certificate_sealed: string
  password_sealed: string
  certificate_subject: string
  certificate_serial: string
  certificate_expires_at: Date
  certificate_is_test: boolean
  next_invoice_sequential: Generated<number>
  next_guide_sequential: Generated<number>
  updated_by: string | null
  updated_at: Date
}

export type EDocumentMessage = { identifier: string; message: string; info: string | null; type: string }

/** One electronic document (factura or guía de remisión) and the SRI's answers. */
export type EDocumentsTable = {
  id: Generated<string>
  org_id: string
  kind: 'invoice' | 'shipping_guide'
  source_id: string
  access_key: string
  number: string
  environment: 'test' | 'production'
  status: 'signed' | 'sent' | 'authorized' | 'rejected'
  signed_xml: string
  document: ColumnType<unknown, string, string>
  messages: ColumnType<EDocumentMessage[], string | undefined, string>
  certificate_is_test: boolean
  authorization_number: string | null
  authorized_at: Date | null
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type EInvoicingTables = {
  e_invoicing_settings: EInvoicingSettingsTable
  e_documents: EDocumentsTable
}
