import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Numeric, Timestamp } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>
type Jsonb<T> = ColumnType<T, string | undefined, string>

export type StoredContact = {
  name: string
  position: string | null
  phone: string | null
  email: string | null
}

/** A rate of an assignment: `from` null = from the operation start. */
export type StoredRate = { from: string | null; dailyRate: string }

export type RentalClientsTable = {
  id: Generated<string>
  org_id: string
  name: string
  tax_id: string
  email: string | null
  phone: string | null
  address: string | null
  contacts: Jsonb<StoredContact[]>
  notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalProjectsTable = {
  id: Generated<string>
  org_id: string
  client_id: string
  name: string
  location: string | null
  cardinal_point: string | null
  contact_name: string | null
  contact_phone: string | null
  start_date: DateCol
  end_date: NullableDate
  closed: Generated<boolean>
  closed_on: NullableDate
  closed_by: string | null
  notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalEquipmentTable = {
  id: Generated<string>
  org_id: string
  code: string
  name: string
  kind: string
  type: string | null
  brand: string | null
  model: string | null
  serial_number: string | null
  condition: Generated<string>
  availability: Generated<string>
  current_project_id: string | null
  location: string | null
  review_note: string | null
  notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalAssignmentsTable = {
  id: Generated<string>
  org_id: string
  project_id: string
  equipment_id: string
  kind: string
  /** the latest rate of `rate_history` (the only one when the history is empty) */
  daily_rate: Numeric
  /** daily rates by the date each takes effect (migration 0014; docs/rental-projects.md#rate-history) */
  rate_history: Jsonb<StoredRate[]>
  description: string
  frequency: Generated<string>
  frequency_days: ColumnType<number[], number[] | undefined, number[]>
  operation_start: DateCol
  operation_end: NullableDate
  linked_equipment_id: string | null
  retired_on: NullableDate
  retirement_reason: string | null
  retired_with_id: string | null
  notes: string | null
  version: Generated<number>
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type RentalProjectTables = {
  rental_clients: RentalClientsTable
  rental_projects: RentalProjectsTable
  rental_equipment: RentalEquipmentTable
  rental_assignments: RentalAssignmentsTable
}
