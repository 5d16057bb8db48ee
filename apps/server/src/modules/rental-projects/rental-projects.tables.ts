import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  RentalClientsTable,
  RentalProjectsTable,
  RentalEquipmentTable,
  RentalAssignmentsTable,
} from '../../platform/db/generated/tables.gen'

export type StoredContact = {
  name: string
  position: string | null
  phone: string | null
  email: string | null
}

/** A rate of an assignment: `from` null = from the operation start. */
export type StoredRate = { from: string | null; dailyRate: string }

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type RentalProjectTables = Pick<
  DB,
  'rental_clients' | 'rental_projects' | 'rental_equipment' | 'rental_assignments'
>
