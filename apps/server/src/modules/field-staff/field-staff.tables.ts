import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Timestamp } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>
export type OwnerKind = 'staff' | 'vehicle'

export type FieldStaffTable = {
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
  created_at: CreatedAt
  updated_at: Timestamp
}

export type VehiclesTable = {
  id: Generated<string>
  org_id: string
  plate: string
  brand: string | null
  model: string | null
  year: number | null
  active: Generated<boolean>
  notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ComplianceDocumentKindsTable = {
  id: Generated<string>
  org_id: string
  owner_kind: OwnerKind
  code: string
  name: string
  gate: 'licence' | 'registration' | null
  position: Generated<number>
  active: Generated<boolean>
}

export type ComplianceDocumentsTable = {
  id: Generated<string>
  org_id: string
  owner_kind: OwnerKind
  staff_id: string | null
  vehicle_id: string | null
  kind_id: string
  subject: string | null
  number: string | null
  issued_on: NullableDate
  expires_on: DateCol
  notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type FieldStaffVaccinesTable = {
  id: Generated<string>
  org_id: string
  staff_id: string
  vaccine: string
  dose_number: number
  applied_on: DateCol
  created_at: CreatedAt
}

export type ComplianceFilesTable = {
  id: Generated<string>
  org_id: string
  owner_kind: OwnerKind
  staff_id: string | null
  vehicle_id: string | null
  file_id: string
  name: string
  label: string | null
  created_by: string | null
  created_at: CreatedAt
}

export type ComplianceAlertSettingsTable = {
  org_id: string
  enabled: boolean
  hour: number
  recipients: string[]
  updated_by: string | null
  updated_at: Timestamp
}

export type ComplianceAlertRunsTable = {
  org_id: string
  day: DateCol
  mail_message_id: string | null
  created_at: CreatedAt
}

export type ComplianceNoticesTable = {
  org_id: string
  document_id: string
  expires_on: DateCol
  threshold: 'expired' | 'due10' | 'due30'
  created_at: CreatedAt
}

export type FieldStaffTables = {
  field_staff: FieldStaffTable
  vehicles: VehiclesTable
  compliance_document_kinds: ComplianceDocumentKindsTable
  compliance_documents: ComplianceDocumentsTable
  field_staff_vaccines: FieldStaffVaccinesTable
  compliance_files: ComplianceFilesTable
  compliance_alert_settings: ComplianceAlertSettingsTable
  compliance_alert_runs: ComplianceAlertRunsTable
  compliance_notices: ComplianceNoticesTable
}
