import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Numeric, Timestamp } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>

export type DocumentCountersTable = {
  org_id: string
  series: string
  year: number
  last_number: ColumnType<string, number | string, number | string>
  updated_at: Timestamp
}

export type RentalMaintenanceSheetsTable = {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  assignment_id: string | null
  equipment_id: string | null
  status: Generated<string>
  status_reason: string | null
  maintenance_type: string
  start_date: DateCol
  end_date: DateCol
  total_days: number
  technician_name: string | null
  /** link to the field staff (migration 0039; docs/field-staff.md) */
  technician_staff_id: string | null
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
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalCustodyChainsTable = {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  status: Generated<string>
  status_reason: string | null
  activity_date: DateCol
  location: string | null
  start_time: string | null
  end_time: string | null
  duration_hours: string | null
  contact_name: string | null
  contact_dni: string | null
  contact_position: string | null
  driver_name: string | null
  driver_dni: string | null
  vehicle_plate: string | null
  /** links to field staff and vehicles (migration 0039; docs/field-staff.md) */
  driver_staff_id: string | null
  vehicle_id: string | null
  volume_unit: string
  gallons: Numeric
  barrels: Numeric
  cubic_meters: Numeric
  waste_types: ColumnType<string[], string[] | undefined, string[]>
  logistics_cost: Numeric
  billing_text: string
  notes: string | null
  billing_sheet_id: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalCustodyChainAssignmentsTable = {
  org_id: string
  chain_id: string
  assignment_id: string
  equipment_id: string | null
  position: number
}

export type RentalShippingGuidesTable = {
  id: Generated<string>
  org_id: string
  number: number
  project_id: string
  status: Generated<string>
  status_reason: string | null
  guide_type: string
  reason: string | null
  issue_date: DateCol
  start_date: NullableDate
  end_date: NullableDate
  origin_place: string | null
  destination_place: string | null
  carrier_name: string | null
  carrier_dni: string | null
  vehicle_plate: string | null
  /** links to field staff and vehicles (migration 0039; docs/field-staff.md) */
  driver_staff_id: string | null
  vehicle_id: string | null
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
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalShippingGuideItemsTable = {
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

export type RentalDocumentAttachmentsTable = {
  id: Generated<string>
  org_id: string
  document_type: string
  document_id: string
  file_id: string
  name: string
  label: string | null
  created_by: string | null
  created_at: CreatedAt
}

export type RentalDocumentTables = {
  document_counters: DocumentCountersTable
  rental_maintenance_sheets: RentalMaintenanceSheetsTable
  rental_custody_chains: RentalCustodyChainsTable
  rental_custody_chain_assignments: RentalCustodyChainAssignmentsTable
  rental_shipping_guides: RentalShippingGuidesTable
  rental_shipping_guide_items: RentalShippingGuideItemsTable
  rental_document_attachments: RentalDocumentAttachmentsTable
}
