/**
 * The TypeScript shape of every jsonb column, which the database cannot tell (docs/platform.md#table-types).
 * The generator refuses a jsonb column missing here, so a new one gets a deliberate type.
 * Keys are `table.column`; values are type expressions valid in the generated file, whose imports are below.
 */
export const JSON_COLUMNS: Record<string, string> = {
  'audit_log.changes': 'unknown[]',
  'audit_log.data': 'Record<string, unknown>',
  'e_documents.document': 'unknown',
  'e_documents.messages': 'EDocumentMessage[]',
  'estimate_settings.retentions': 'unknown',
  'estimates.selection': 'unknown',
  'estimates.totals': 'unknown',
  'job_runs.payload': 'Record<string, unknown>',
  'job_runs.result': 'Record<string, unknown>',
  'mail_messages.attachments': 'MailAttachmentRef[]',
  'organizations.settings': 'Record<string, unknown>',
  'production_grid_versions.last_changes': 'unknown[]',
  'rental_assignments.rate_history': 'StoredRate[]',
  'rental_clients.contacts': 'StoredContact[]',
  'schedule_tasks.custom_fields': 'unknown',
  'schedule_tasks.resource_names': 'unknown',
  'schedule_versions.custom_fields': 'unknown',
  'schedule_versions.progress_field': 'unknown',
  'schedule_versions.warnings': 'unknown',
  'schedule_versions.weight_field': 'unknown',
  'work_order_annex_imports.diff': 'unknown',
  'work_order_annex_imports.reading': 'unknown',
  'work_orders.legacy': 'Record<string, unknown>',
}

/** Imports of the shapes named above, as written in the generated file (platform/db/generated). */
export const JSON_TYPE_IMPORTS = [
  "import type { EDocumentMessage } from '../../../modules/e-invoicing'",
  "import type { StoredContact, StoredRate } from '../../../modules/rental-projects'",
  "import type { MailAttachmentRef } from '../../mail/mail.tables'",
]
