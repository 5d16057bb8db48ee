// Generated from the migrated database — do not edit. Run `npm run db:types` (docs/platform.md#table-types).
import type { ColumnType } from 'kysely'
import type { EDocumentMessage } from '../../../modules/e-invoicing'
import type { StoredContact, StoredRate } from '../../../modules/rental-projects'
import type { MailAttachmentRef } from '../../mail/mail.tables'

/** timestamptz: a Date out, a Date or an ISO string in. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>
/** numeric: a string in and out, never a JS number (money and volumes are exact). */
export type Numeric = ColumnType<string, string, string>
/** bigint: the driver answers a string. */
export type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>
/** jsonb: the shape out, JSON text in (JSON.stringify). */
export type Json<T> = ColumnType<T, string, string>
/** A column with a default: optional on insert. */
export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U>
    ? ColumnType<S, I | undefined, U>
    : ColumnType<T, T | undefined, T>
/** An identity column the database always fills: never written. */
export type GeneratedAlways<T> = ColumnType<
  T extends ColumnType<infer S, unknown, unknown> ? S : T,
  never,
  never
>

export interface ApiTokensTable {
  id: Generated<string>
  org_id: string
  name: string
  token_hash: string
  prefix: string
  datasets: string[]
  created_by: string | null
  created_at: Generated<Timestamp>
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
  revoked_by: string | null
}

export interface AuditLogTable {
  id: Generated<Int8>
  org_id: string | null
  at: Generated<Timestamp>
  actor_id: string | null
  actor_email: string | null
  action: string
  module: string
  entity_type: string
  entity_id: string | null
  changes: Generated<Json<unknown[]>>
  data: Json<Record<string, unknown>> | null
  request_id: string | null
  ip: string | null
  user_agent: string | null
}

export interface AuthDevicesTable {
  id: string
  email: string
  created_at: Generated<Timestamp>
  expires_at: Timestamp
}

export interface AuthThrottleTable {
  key: string
  window_start: Timestamp
  failures: number
}

export interface BillingSheetLineStatesTable {
  org_id: string
  sheet_id: string
  key: string
  kind: 'rental' | 'service' | 'custody' | 'shipping' | 'maintenance'
  description: string
  removed: Generated<boolean>
  removed_at: Timestamp | null
  removed_by: string | null
  day_edit_dates: string[] | null
  day_edit_version: string | null
  day_edit_at: Timestamp | null
  day_edit_by: string | null
}

export interface BillingSheetLinesTable {
  id: Generated<string>
  org_id: string
  sheet_id: string
  key: string
  position: number
  kind: 'rental' | 'service' | 'custody' | 'shipping' | 'maintenance'
  component: 'rental' | 'service' | 'technical' | 'logistics' | 'transport' | 'stowage'
  source_id: string
  assignment_ids: Generated<string[]>
  equipment_id: string | null
  equipment_code: string | null
  equipment_name: string | null
  description: string
  unit: 'days' | 'unit'
  dates: Generated<string[]>
  allowed_dates: Generated<string[]>
  quantity: number
  unit_price: Numeric
  total: Numeric
  source_version: string | null
  day_edit: Generated<'none' | 'applied' | 'stale'>
  signature: string
  updated_at: Generated<Timestamp>
}

export interface BillingSheetsTable {
  id: Generated<string>
  org_id: string
  project_id: string
  series_prefix: string
  series_year: number
  series_number: number
  series_code: string
  status: Generated<'in_progress' | 'liquidated' | 'invoiced' | 'cancelled'>
  status_reason: string | null
  period_start: string
  period_end: string
  project_name: string
  project_location: string | null
  client_name: string
  client_tax_id: string | null
  client_po_reference: string | null
  contact_reference: string | null
  notes: string | null
  currency: Generated<string>
  tax_rate: Numeric
  subtotal: Generated<Numeric>
  tax: Generated<Numeric>
  total: Generated<Numeric>
  gallons: Generated<Numeric>
  barrels: Generated<Numeric>
  cubic_meters: Generated<Numeric>
  line_count: Generated<number>
  documents_signature: string | null
  invoice_reference: string | null
  invoice_file_id: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  recomputed_at: Timestamp | null
  liquidated_at: Timestamp | null
  liquidated_by: string | null
  invoiced_at: Timestamp | null
  invoiced_by: string | null
  cancelled_at: Timestamp | null
  cancelled_by: string | null
  deleted_at: Timestamp | null
  deleted_by: string | null
}

export interface ClientsTable {
  id: Generated<string>
  org_id: string
  name: string
  client_type: 'CONTRATO' | 'INTERCOM'
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ComplianceAlertRunsTable {
  org_id: string
  day: string
  mail_message_id: string | null
  created_at: Generated<Timestamp>
}

export interface ComplianceAlertSettingsTable {
  org_id: string
  enabled: Generated<boolean>
  hour: Generated<number>
  recipients: Generated<string[]>
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface ComplianceDocumentKindsTable {
  id: Generated<string>
  org_id: string
  owner_kind: 'staff' | 'vehicle'
  code: string
  name: string
  gate: 'licence' | 'registration' | null
  position: Generated<number>
  active: Generated<boolean>
}

export interface ComplianceDocumentsTable {
  id: Generated<string>
  org_id: string
  owner_kind: 'staff' | 'vehicle'
  staff_id: string | null
  vehicle_id: string | null
  kind_id: string
  subject: string | null
  number: string | null
  issued_on: string | null
  expires_on: string
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ComplianceFilesTable {
  id: Generated<string>
  org_id: string
  owner_kind: 'staff' | 'vehicle'
  staff_id: string | null
  vehicle_id: string | null
  file_id: string
  name: string
  label: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface ComplianceNoticesTable {
  org_id: string
  document_id: string
  expires_on: string
  threshold: 'expired' | 'due10' | 'due30'
  created_at: Generated<Timestamp>
}

export interface ContractConceptCountsTable {
  org_id: string
  kind: string
  annex: string | null
  annex_sort: string | null
  status: string | null
  concepts: Int8
}

export interface ContractConceptsTable {
  id: Generated<string>
  org_id: string
  kind: 'ordinary' | 'extraordinary'
  identity_key: string
  annex: string | null
  annex_sort: string | null
  code: string
  code_key: string
  code_sort: string
  description: string
  description_key: string
  unit: string
  unit_key: string
  unit_id: string | null
  quantity: Generated<Numeric>
  unit_price_mxn: Generated<Numeric>
  unit_price_usd: Generated<Numeric>
  category: string | null
  subcategory: string | null
  classification: string | null
  occurrence: Generated<number>
  status: 'in_preparation' | 'authorized' | 'cancelled' | null
  proposal_number: string | null
  work_order_number: string | null
  sanction_date: string | null
  converted_code: string | null
  converted_code_key: string | null
  comment: string | null
  search_text: string
  content_hash: string
  active: Generated<boolean>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface DigestRunsTable {
  id: Generated<string>
  org_id: string
  trigger: 'schedule' | 'manual'
  period_start: string
  period_end: string
  mail_message_id: string | null
  requested_by: string | null
  created_at: Generated<Timestamp>
}

export interface DigestSettingsTable {
  org_id: string
  enabled: Generated<boolean>
  weekday: Generated<number>
  hour: Generated<number>
  recipients: Generated<string[]>
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface DispositionCertificateItemsTable {
  id: Generated<string>
  org_id: string
  certificate_id: string
  position: number
  custody_chain_id: string
  chain_number: string
  activity_date: string
  description: string
  treatment: string
  gallons: Numeric
  barrels: Numeric
  cubic_meters: Numeric
}

export interface DispositionCertificatesTable {
  id: Generated<string>
  org_id: string
  sheet_id: string
  number: string
  prefix: string
  issue_date: string
  consecutive: number
  client_name: string
  client_tax_id: string | null
  location: string | null
  total_gallons: Generated<Numeric>
  total_barrels: Generated<Numeric>
  total_cubic_meters: Generated<Numeric>
  created_by: string | null
  created_at: Generated<Timestamp>
  refreshed_at: Generated<Timestamp>
}

export interface DocumentCountersTable {
  org_id: string
  series: string
  year: number
  last_number: Int8
  updated_at: Generated<Timestamp>
}

export interface DueAlertRunsTable {
  org_id: string
  day: string
  notices: Generated<number>
  ran_at: Generated<Timestamp>
}

export interface DueAlertSettingsTable {
  org_id: string
  days_before: Generated<number>
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface EDocumentsTable {
  id: Generated<string>
  org_id: string
  kind: 'invoice' | 'shipping_guide'
  source_id: string
  access_key: string
  number: string
  environment: 'test' | 'production'
  status: 'signed' | 'sent' | 'authorized' | 'rejected'
  signed_xml: string
  document: Json<unknown>
  messages: Generated<Json<EDocumentMessage[]>>
  certificate_is_test: boolean
  authorization_number: string | null
  authorized_at: Timestamp | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface EInvoicingSettingsTable {
  org_id: string
  ruc: string
  business_name: string
  trade_name: string | null
  main_address: string
  establishment: string
  emission_point: string
  environment: 'test' | 'production'
  keeps_accounts: Generated<boolean>
  certificate_sealed: string
  password_sealed: string
  certificate_subject: string
  certificate_serial: string
  certificate_expires_at: Timestamp
  certificate_is_test: Generated<boolean>
  next_invoice_sequential: Generated<number>
  next_guide_sequential: Generated<number>
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface EquipmentChecklistItemsTable {
  id: Generated<string>
  org_id: string
  equipment_type: string
  label: string
  position: Generated<number>
  active: Generated<boolean>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface EquipmentInspectionAnswersTable {
  inspection_id: string
  org_id: string
  item_id: string
  label: string
  position: number
  present: boolean
  condition: 'good' | 'fair' | 'damaged' | null
  notes: string | null
}

export interface EquipmentInspectionsTable {
  id: Generated<string>
  org_id: string
  equipment_id: string
  inspected_on: string
  technician_id: string | null
  inspector_name: string
  notes: string | null
  missing_count: Generated<number>
  damaged_count: Generated<number>
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface EquipmentRepairsTable {
  id: Generated<string>
  org_id: string
  equipment_id: string
  sent_on: string
  reason: string
  returned_on: string | null
  return_notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface EstimateAdjustmentsTable {
  id: Generated<string>
  org_id: string
  estimate_id: string
  kind: 'deductive' | 'penalty' | 'price_difference'
  concept_id: string | null
  quantity: Numeric | null
  amount_mxn: Generated<Numeric>
  amount_usd: Generated<Numeric>
  reason: string
  created_by: string | null
  created_at: Generated<Timestamp>
  price_difference_mxn: Numeric | null
  price_difference_usd: Numeric | null
}

export interface EstimateCellsTable {
  org_id: string
  estimate_id: string
  family_id: string
  site_id: string
  concept_id: string
  day: string
  time_type: 'TE' | 'CMA'
  volume: Numeric
  is_excess: boolean
  evidence_status: string
}

export interface EstimateSettingsTable {
  org_id: string
  family_id: string
  iva_percent: Generated<Numeric>
  advance_mxn: Generated<Numeric>
  advance_usd: Generated<Numeric>
  amortization_percent: Generated<Numeric>
  retentions: Generated<Json<unknown>>
  max_period_months: Generated<number>
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface EstimatesTable {
  id: Generated<string>
  org_id: string
  family_id: string
  number: number
  type: 'ordinary' | 'extraordinary' | 'excess' | 'price_adjustment' | 'final_settlement'
  status: Generated<'draft' | 'in_review' | 'submitted' | 'approved' | 'invoiced' | 'paid' | 'cancelled'>
  period_start: string
  period_end: string
  selection: Json<unknown> | null
  exchange_rate: Numeric | null
  totals: Json<unknown> | null
  return_reason: string | null
  returned_by: string | null
  returned_at: Timestamp | null
  submitted_by: string | null
  submitted_at: Timestamp | null
  approved_by: string | null
  approved_at: Timestamp | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  invoice_reference: string | null
  invoiced_by: string | null
  invoiced_at: Timestamp | null
  paid_date: string | null
  paid_amount: Numeric | null
  paid_by: string | null
  paid_at: Timestamp | null
}

export interface ExchangeRatesTable {
  org_id: string
  valid_from: string
  rate: Numeric
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface FieldStaffTable {
  id: Generated<string>
  org_id: string
  first_names: string
  last_names: string
  cedula: string
  phone: string | null
  email: string | null
  active: Generated<boolean>
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface FieldStaffVaccinesTable {
  id: Generated<string>
  org_id: string
  staff_id: string
  vaccine: string
  dose_number: number
  applied_on: string
  created_at: Generated<Timestamp>
}

export interface FilesTable {
  id: Generated<string>
  org_id: string
  name: string
  kind: 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'xml' | 'mpp'
  mime_type: string
  size: Int8
  sha256: string
  storage_key: string
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface FrontsTable {
  id: Generated<string>
  org_id: string
  name: string
  site_kinds: Generated<('vessel' | 'platform' | 'yard' | 'interconnection')[]>
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface JobRunsTable {
  id: Generated<string>
  org_id: string
  kind: string
  status: Generated<'queued' | 'running' | 'done' | 'failed'>
  payload: Generated<Json<Record<string, unknown>>>
  done: Generated<number>
  total: number | null
  result_file_id: string | null
  result: Json<Record<string, unknown>> | null
  error: string | null
  requested_by: string | null
  created_at: Generated<Timestamp>
  started_at: Timestamp | null
  finished_at: Timestamp | null
  updated_at: Generated<Timestamp>
}

export interface LoginAttemptsTable {
  id: Generated<Int8>
  email: string
  ip: string
  success: boolean
  at: Generated<Timestamp>
}

export interface MailMessagesTable {
  id: Generated<string>
  org_id: string
  kind: string
  recipients: string[]
  subject: string
  text_body: string
  html_body: string | null
  attachments: Generated<Json<MailAttachmentRef[]>>
  status: 'queued' | 'sending' | 'sent' | 'failed'
  attempts: Generated<number>
  last_error: string | null
  smtp_message_id: string | null
  requested_by: string | null
  created_at: Generated<Timestamp>
  sent_at: Timestamp | null
}

export interface MailSettingsTable {
  org_id: string
  host: string
  port: number
  security: 'tls' | 'starttls' | 'none'
  username: string | null
  password_sealed: string | null
  from_address: string
  from_name: string | null
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface NotificationPreferencesTable {
  user_id: string
  kind: string
  in_app: Generated<boolean>
  email: Generated<boolean>
  updated_at: Generated<Timestamp>
}

export interface NotificationsTable {
  id: Generated<string>
  org_id: string
  user_id: string
  kind: string
  title: string
  body: string | null
  link: string | null
  dedupe_key: string | null
  created_at: Generated<Timestamp>
  read_at: Timestamp | null
}

export interface OrganizationsTable {
  id: Generated<string>
  slug: string
  name: string
  country: string
  time_zone: string
  locale: string
  currencies: string[]
  tax_rate: Generated<Numeric>
  lines_of_business: string[]
  settings: Generated<Json<Record<string, unknown>>>
  created_at: Generated<Timestamp>
}

export interface ProductionDailyStatusesTable {
  org_id: string
  work_order_id: string
  site_id: string
  day: string
  day_status_id: string | null
  signature: 'pending' | 'in_process' | 'missing_client_signature' | 'signed' | null
  comment: string | null
  updated_by: string | null
  updated_at: Generated<Timestamp>
  superintendent_id: string | null
}

export interface ProductionDayStatusesTable {
  id: Generated<string>
  org_id: string
  code: string
  name: string
  allows_production: boolean
  position: Generated<number>
  active: Generated<boolean>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ProductionEntriesTable {
  org_id: string
  family_id: string
  work_order_id: string
  site_id: string
  concept_id: string
  day: string
  time_type: 'TE' | 'CMA'
  volume: Numeric
  is_excess: Generated<boolean>
  updated_by: string | null
  updated_at: Generated<Timestamp>
  excess_reason: string | null
  excess_reason_by: string | null
  excess_reason_at: Timestamp | null
}

export interface ProductionEvidenceTable {
  id: Generated<string>
  org_id: string
  family_id: string
  site_id: string
  concept_id: string
  day: string
  time_type: 'TE' | 'CMA'
  status: Generated<'pending' | 'in_process' | 'missing_client_signature' | 'signed' | 'rejected'>
  note: string | null
  status_by: string | null
  status_at: Timestamp | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ProductionEvidenceAnnexesTable {
  org_id: string
  annexes: string[]
  updated_by: string | null
  updated_at: Generated<Timestamp>
}

export interface ProductionEvidenceItemsTable {
  id: Generated<string>
  org_id: string
  evidence_id: string
  kind: 'file' | 'link'
  file_id: string | null
  file_name: string | null
  mime_type: string | null
  size: Int8 | null
  url: string | null
  label: string | null
  taken_at: Timestamp | null
  latitude: Numeric | null
  longitude: Numeric | null
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface ProductionExcessBasisTable {
  org_id: string
  family_id: string
  basis: string
  recomputed_at: Generated<Timestamp>
}

export interface ProductionGridVersionsTable {
  org_id: string
  work_order_id: string
  site_id: string
  month: string
  time_type: 'TE' | 'CMA'
  version: number
  saved_by: string | null
  saved_at: Generated<Timestamp>
  last_changes: Generated<Json<unknown[]>>
}

export interface ProductionMonthlyReportFilesTable {
  id: Generated<string>
  org_id: string
  report_id: string
  file_id: string | null
  url: string | null
  name: string
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface ProductionMonthlyReportsTable {
  id: Generated<string>
  org_id: string
  work_order_id: string
  month: string
  status: Generated<'open' | 'in_review' | 'closed'>
  submitted_by: string | null
  submitted_at: Timestamp | null
  closed_by: string | null
  closed_at: Timestamp | null
  reopened_by: string | null
  reopened_at: Timestamp | null
  reopen_reason: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ProductionRotationsTable {
  id: Generated<string>
  org_id: string
  site_id: string
  start_date: string
  superintendent_a_id: string
  superintendent_b_id: string
  cycle_days: Generated<number>
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface ProductionSuperintendentsTable {
  id: Generated<string>
  org_id: string
  name: string
  active: Generated<boolean>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ProjectManagersTable {
  id: Generated<string>
  org_id: string
  name: string
  email: string | null
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  user_id: string | null
}

export interface ProposalStepAttachmentsTable {
  id: Generated<string>
  org_id: string
  proposal_id: string
  step_id: string
  kind: 'file' | 'link'
  file_id: string | null
  url: string | null
  name: string
  created_by: string | null
  created_at: Generated<Timestamp>
}

export interface ProposalStepTemplatesTable {
  id: Generated<string>
  org_id: string
  client_type: 'CONTRATO' | 'INTERCOM'
  name: string
  position: number
  parent_id: string | null
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface ProposalStepsTable {
  id: Generated<string>
  org_id: string
  proposal_id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status: Generated<'pending' | 'in_progress' | 'completed' | 'cancelled' | 'not_applicable'>
  start_date: string | null
  delivery_date: string | null
  completed_date: string | null
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  responsible_user_id: string | null
}

export interface ProposalsTable {
  id: Generated<string>
  org_id: string
  official_number: string
  request_number: string
  description: string
  client_id: string
  type_id: string
  project_manager_id: string
  priority: 'low' | 'medium' | 'high' | 'urgent'
  status: Generated<'active' | 'in_progress' | 'finished' | 'cancelled' | 'suspended'>
  status_reason: string | null
  status_changed_at: Timestamp | null
  request_date: string
  delivery_date: string
  duration_days: number
  comment: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  deleted_at: Timestamp | null
  deleted_by: string | null
}

export interface RentalAssignmentsTable {
  id: Generated<string>
  org_id: string
  project_id: string
  equipment_id: string
  kind: 'equipment' | 'service'
  daily_rate: Numeric
  description: string
  frequency: Generated<'daily' | 'weekdays' | 'monthdays'>
  frequency_days: Generated<number[]>
  operation_start: string
  operation_end: string | null
  linked_equipment_id: string | null
  retired_on: string | null
  retirement_reason: string | null
  retired_with_id: string | null
  notes: string | null
  version: Generated<number>
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  rate_history: Generated<Json<StoredRate[]>>
}

export interface RentalClientsTable {
  id: Generated<string>
  org_id: string
  name: string
  tax_id: string
  email: string | null
  phone: string | null
  address: string | null
  contacts: Generated<Json<StoredContact[]>>
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface RentalCustodyChainAssignmentsTable {
  org_id: string
  chain_id: string
  assignment_id: string
  equipment_id: string | null
  position: number
}

export interface RentalCustodyChainsTable {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  status: Generated<'draft' | 'closed' | 'cancelled'>
  status_reason: string | null
  activity_date: string
  location: string | null
  start_time: string | null
  end_time: string | null
  duration_hours: Numeric | null
  contact_name: string | null
  contact_dni: string | null
  contact_position: string | null
  driver_name: string | null
  driver_dni: string | null
  vehicle_plate: string | null
  volume_unit: 'gallons' | 'barrels' | 'cubicMeters'
  gallons: Numeric
  barrels: Numeric
  cubic_meters: Numeric
  waste_types: Generated<
    ('blackWater' | 'greyWater' | 'cleanWater' | 'activatedSludge' | 'treatedWastewater' | 'organicGrease')[]
  >
  logistics_cost: Numeric
  billing_text: string
  notes: string | null
  billing_sheet_id: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  driver_staff_id: string | null
  vehicle_id: string | null
}

export interface RentalDocumentAttachmentsTable {
  id: Generated<string>
  org_id: string
  document_type: 'maintenance_sheet' | 'custody_chain' | 'shipping_guide'
  document_id: string
  file_id: string
  name: string
  label: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  source: Generated<'upload' | 'scan'>
}

export interface RentalEquipmentTable {
  id: Generated<string>
  org_id: string
  code: string
  name: string
  kind: 'equipment' | 'service'
  type:
    | 'toilet'
    | 'hand_wash_station'
    | 'urinal_station'
    | 'camper'
    | 'potable_water_plant'
    | 'wastewater_plant'
    | 'raw_water_tank'
    | 'wastewater_tank'
    | 'other'
    | null
  brand: string | null
  model: string | null
  serial_number: string | null
  condition: Generated<'operative' | 'in_repair' | 'damaged' | 'retired'>
  availability: Generated<'available' | 'rented'>
  current_project_id: string | null
  location: string | null
  review_note: string | null
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface RentalMaintenanceSheetsTable {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  assignment_id: string | null
  equipment_id: string | null
  status: Generated<'draft' | 'closed' | 'void'>
  status_reason: string | null
  maintenance_type: 'preventive' | 'corrective'
  start_date: string
  end_date: string
  total_days: number
  technician_name: string | null
  requested_by: string | null
  rig: string | null
  location: string | null
  cost_per_day: Numeric
  total_cost: Numeric
  technical_description: string
  logistics_cost: Numeric
  logistics_description: string
  maintenance_description: string | null
  fault_description: string | null
  possible_causes: string | null
  replaced_parts: string | null
  observations: string | null
  performed_by: string | null
  performed_by_position: string | null
  approved_by: string | null
  approved_by_position: string | null
  billing_sheet_id: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  technician_staff_id: string | null
}

export interface RentalProjectsTable {
  id: Generated<string>
  org_id: string
  client_id: string
  name: string
  location: string | null
  cardinal_point:
    'north' | 'south' | 'east' | 'west' | 'northeast' | 'northwest' | 'southeast' | 'southwest' | null
  contact_name: string | null
  contact_phone: string | null
  start_date: string
  end_date: string | null
  closed: Generated<boolean>
  closed_on: string | null
  closed_by: string | null
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface RentalShippingGuideItemsTable {
  id: Generated<string>
  org_id: string
  guide_id: string
  position: number
  assignment_id: string | null
  equipment_id: string | null
  description: string
  quantity: number
  unit: string | null
}

export interface RentalShippingGuidesTable {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  status: Generated<'draft' | 'closed' | 'void'>
  status_reason: string | null
  guide_type: 'exit' | 'entry' | 'transfer'
  reason: 'use_in_project' | 'rent' | 'return' | 'sale' | null
  issue_date: string
  start_date: string | null
  end_date: string | null
  origin_place: string | null
  destination_place: string | null
  carrier_name: string | null
  carrier_dni: string | null
  vehicle_plate: string | null
  dispatcher_name: string | null
  dispatcher_dni: string | null
  receiver_name: string | null
  receiver_dni: string | null
  contact_name: string | null
  contact_phone: string | null
  transport_cost: Numeric
  transport_description: string
  stowage_cost: Numeric
  stowage_description: string
  notes: string | null
  billing_sheet_id: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  driver_staff_id: string | null
  vehicle_id: string | null
}

export interface ScheduleDependenciesTable {
  id: Generated<string>
  org_id: string
  version_id: string
  position: number
  predecessor_uid: number
  successor_uid: number
  type: 'FS' | 'SS' | 'FF' | 'SF'
  lag_days: Numeric | null
  lag_minutes: Numeric | null
  lag_elapsed: Generated<boolean>
  lag_percent: Numeric | null
  lag_format: number | null
}

export interface ScheduleProgressEntriesTable {
  id: Generated<string>
  seq: GeneratedAlways<Int8>
  org_id: string
  work_order_id: string
  task_uid: number
  kind: 'real' | 'client'
  percent: Numeric
  previous_percent: Numeric | null
  progress_date: string
  comment: string | null
  source: Generated<'entry' | 'acknowledge'>
  version_id: string | null
  task_name: string
  entered_by: string | null
  entered_at: Generated<Timestamp>
}

export interface ScheduleTasksTable {
  org_id: string
  version_id: string
  uid: number
  position: number
  task_number: number | null
  wbs: string | null
  outline_number: string | null
  name: string
  outline_level: number
  summary: boolean
  milestone: boolean
  parent_uid: number | null
  start_date: string | null
  finish_date: string | null
  start_at: string | null
  finish_at: string | null
  duration_minutes: Numeric | null
  duration_days: Numeric | null
  percent_complete: Generated<Numeric>
  physical_percent_complete: Generated<Numeric>
  weight: Numeric | null
  progress: Generated<Numeric>
  resource_names: Generated<Json<unknown>>
  custom_fields: Generated<Json<unknown>>
}

export interface ScheduleVersionsTable {
  id: Generated<string>
  org_id: string
  work_order_id: string
  version: number
  active: Generated<boolean>
  file_id: string
  file_name: string
  project_name: string | null
  project_title: string | null
  start_date: string | null
  finish_date: string | null
  status_date: string | null
  minutes_per_day: number
  minutes_per_week: number | null
  save_version: number | null
  weight_field: Json<unknown> | null
  progress_field: Json<unknown> | null
  custom_fields: Generated<Json<unknown>>
  task_count: number
  dependency_count: number
  warnings: Generated<Json<unknown>>
  created_by: string | null
  created_at: Generated<Timestamp>
  source_format: Generated<'mspdi' | 'mpp'>
}

export interface SearchDocumentsTable {
  kind:
    | 'proposal'
    | 'proposalStep'
    | 'workOrder'
    | 'workOrderStep'
    | 'concept'
    | 'rentalClient'
    | 'rentalProject'
    | 'equipment'
    | 'maintenanceSheet'
    | 'custodyChain'
    | 'shippingGuide'
  record_id: string
  org_id: string
  parent_id: string | null
  title: string
  subtitle: string | null
  title_key: string
  search_text: string
  updated_at: Generated<Timestamp>
}

export interface SessionsTable {
  id: string
  user_id: string
  org_id: string
  created_at: Generated<Timestamp>
  last_seen_at: Generated<Timestamp>
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export interface SitesTable {
  id: Generated<string>
  org_id: string
  name: string
  kind: 'vessel' | 'platform' | 'yard' | 'interconnection'
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface StatusesTable {
  id: Generated<string>
  org_id: string
  name: string
  level: 'proposal' | 'work_order' | 'billing' | 'step' | 'daily_report'
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface TypesTable {
  id: Generated<string>
  org_id: string
  name: string
  level: 'proposal' | 'work_order' | 'concept' | 'production'
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface UnitsTable {
  id: Generated<string>
  org_id: string
  key: string
  normalized_key: string
  description: string
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface UsersTable {
  id: Generated<string>
  org_id: string
  email: string
  name: string
  role: 'admin' | 'manager' | 'supervisor' | 'operator' | 'billing' | 'viewer'
  password_hash: string
  active: Generated<boolean>
  locale: Generated<'es' | 'en'>
  last_login_at: Timestamp | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface VehiclesTable {
  id: Generated<string>
  org_id: string
  plate: string
  brand: string | null
  model: string | null
  year: number | null
  active: Generated<boolean>
  notes: string | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface WorkOrderAnnexImportsTable {
  id: Generated<string>
  org_id: string
  work_order_id: string
  version: number
  status: 'pending_confirmation' | 'active' | 'superseded' | 'discarded'
  file_id: string
  file_name: string
  base_import_id: string | null
  concept_count: number
  planned_day_count: Generated<number>
  amount_mxn: Numeric
  amount_usd: Numeric
  reading: Json<unknown>
  diff: Json<unknown>
  created_by: string | null
  created_at: Generated<Timestamp>
  confirmed_by: string | null
  confirmed_at: Timestamp | null
  discarded_by: string | null
  discarded_at: Timestamp | null
  superseded_at: Timestamp | null
  reason: string | null
}

export interface WorkOrderConceptsTable {
  id: Generated<string>
  org_id: string
  import_id: string
  work_order_id: string
  position: number
  row_number: number
  concept_id: string | null
  annex: string
  code: string
  description: string
  unit_id: string | null
  unit_key: string
  authorized_volume: Numeric
  unit_price_mxn: Numeric
  unit_price_usd: Numeric
  price_source_mxn: 'catalog' | 'file'
  price_source_usd: 'catalog' | 'file'
  ok: boolean | null
}

export interface WorkOrderPlannedVolumesTable {
  org_id: string
  work_order_concept_id: string
  day: string
  volume: Numeric
}

export interface WorkOrderStepTemplatesTable {
  id: Generated<string>
  org_id: string
  client_type: 'CONTRATO' | 'INTERCOM'
  name: string
  position: number
  parent_id: string | null
  active: Generated<boolean>
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface WorkOrderStepsTable {
  id: Generated<string>
  org_id: string
  work_order_id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status: Generated<'pending' | 'in_progress' | 'completed' | 'cancelled' | 'not_applicable'>
  start_date: string | null
  delivery_date: string | null
  completed_date: string | null
  comment: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
  responsible_user_id: string | null
}

export interface WorkOrdersTable {
  id: Generated<string>
  org_id: string
  family_id: string
  type: 'initial' | 'reprogramming'
  reprogramming_number: number | null
  number: string
  official_document: string | null
  client_representative: string | null
  description: string
  comment: string | null
  status: Generated<
    | 'assigned'
    | 'deferred'
    | 'deferred_not_started'
    | 'in_execution'
    | 'suspended'
    | 'finished'
    | 'to_cancel'
    | 'cancelled'
  >
  status_reason: string | null
  status_changed_at: Timestamp | null
  proposal_id: string | null
  client_id: string
  project_manager_id: string
  duration_days: number | null
  planned_start: string | null
  planned_end: string | null
  actual_start: string | null
  actual_end: string | null
  front_id: string | null
  vessel_id: string | null
  platform_id: string | null
  yard_id: string | null
  interconnection_id: string | null
  amount_mxn: Generated<Numeric>
  amount_usd: Generated<Numeric>
  requires_yard_phase: Generated<boolean>
  yard_start: string | null
  yard_end: string | null
  legacy: Json<Record<string, unknown>> | null
  created_by: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export interface DB {
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  auth_devices: AuthDevicesTable
  auth_throttle: AuthThrottleTable
  billing_sheet_line_states: BillingSheetLineStatesTable
  billing_sheet_lines: BillingSheetLinesTable
  billing_sheets: BillingSheetsTable
  clients: ClientsTable
  compliance_alert_runs: ComplianceAlertRunsTable
  compliance_alert_settings: ComplianceAlertSettingsTable
  compliance_document_kinds: ComplianceDocumentKindsTable
  compliance_documents: ComplianceDocumentsTable
  compliance_files: ComplianceFilesTable
  compliance_notices: ComplianceNoticesTable
  contract_concept_counts: ContractConceptCountsTable
  contract_concepts: ContractConceptsTable
  digest_runs: DigestRunsTable
  digest_settings: DigestSettingsTable
  disposition_certificate_items: DispositionCertificateItemsTable
  disposition_certificates: DispositionCertificatesTable
  document_counters: DocumentCountersTable
  due_alert_runs: DueAlertRunsTable
  due_alert_settings: DueAlertSettingsTable
  e_documents: EDocumentsTable
  e_invoicing_settings: EInvoicingSettingsTable
  equipment_checklist_items: EquipmentChecklistItemsTable
  equipment_inspection_answers: EquipmentInspectionAnswersTable
  equipment_inspections: EquipmentInspectionsTable
  equipment_repairs: EquipmentRepairsTable
  estimate_adjustments: EstimateAdjustmentsTable
  estimate_cells: EstimateCellsTable
  estimate_settings: EstimateSettingsTable
  estimates: EstimatesTable
  exchange_rates: ExchangeRatesTable
  field_staff: FieldStaffTable
  field_staff_vaccines: FieldStaffVaccinesTable
  files: FilesTable
  fronts: FrontsTable
  job_runs: JobRunsTable
  login_attempts: LoginAttemptsTable
  mail_messages: MailMessagesTable
  mail_settings: MailSettingsTable
  notification_preferences: NotificationPreferencesTable
  notifications: NotificationsTable
  organizations: OrganizationsTable
  production_daily_statuses: ProductionDailyStatusesTable
  production_day_statuses: ProductionDayStatusesTable
  production_entries: ProductionEntriesTable
  production_evidence: ProductionEvidenceTable
  production_evidence_annexes: ProductionEvidenceAnnexesTable
  production_evidence_items: ProductionEvidenceItemsTable
  production_excess_basis: ProductionExcessBasisTable
  production_grid_versions: ProductionGridVersionsTable
  production_monthly_report_files: ProductionMonthlyReportFilesTable
  production_monthly_reports: ProductionMonthlyReportsTable
  production_rotations: ProductionRotationsTable
  production_superintendents: ProductionSuperintendentsTable
  project_managers: ProjectManagersTable
  proposal_step_attachments: ProposalStepAttachmentsTable
  proposal_step_templates: ProposalStepTemplatesTable
  proposal_steps: ProposalStepsTable
  proposals: ProposalsTable
  rental_assignments: RentalAssignmentsTable
  rental_clients: RentalClientsTable
  rental_custody_chain_assignments: RentalCustodyChainAssignmentsTable
  rental_custody_chains: RentalCustodyChainsTable
  rental_document_attachments: RentalDocumentAttachmentsTable
  rental_equipment: RentalEquipmentTable
  rental_maintenance_sheets: RentalMaintenanceSheetsTable
  rental_projects: RentalProjectsTable
  rental_shipping_guide_items: RentalShippingGuideItemsTable
  rental_shipping_guides: RentalShippingGuidesTable
  schedule_dependencies: ScheduleDependenciesTable
  schedule_progress_entries: ScheduleProgressEntriesTable
  schedule_tasks: ScheduleTasksTable
  schedule_versions: ScheduleVersionsTable
  search_documents: SearchDocumentsTable
  sessions: SessionsTable
  sites: SitesTable
  statuses: StatusesTable
  types: TypesTable
  units: UnitsTable
  users: UsersTable
  vehicles: VehiclesTable
  work_order_annex_imports: WorkOrderAnnexImportsTable
  work_order_concepts: WorkOrderConceptsTable
  work_order_planned_volumes: WorkOrderPlannedVolumesTable
  work_order_step_templates: WorkOrderStepTemplatesTable
  work_order_steps: WorkOrderStepsTable
  work_orders: WorkOrdersTable
}
