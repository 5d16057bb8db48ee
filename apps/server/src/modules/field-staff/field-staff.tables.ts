import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  FieldStaffTable,
  VehiclesTable,
  ComplianceDocumentKindsTable,
  ComplianceDocumentsTable,
  FieldStaffVaccinesTable,
  ComplianceFilesTable,
  ComplianceAlertSettingsTable,
  ComplianceAlertRunsTable,
  ComplianceNoticesTable,
} from '../../platform/db/generated/tables.gen'

export type OwnerKind = 'staff' | 'vehicle'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type FieldStaffTables = Pick<
  DB,
  | 'field_staff'
  | 'vehicles'
  | 'compliance_document_kinds'
  | 'compliance_documents'
  | 'field_staff_vaccines'
  | 'compliance_files'
  | 'compliance_alert_settings'
  | 'compliance_alert_runs'
  | 'compliance_notices'
>
