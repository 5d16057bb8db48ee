import type { Generated } from 'kysely'
import type { CreatedAt, DateCol, Timestamp } from '../../platform/db/tables'

export type EquipmentChecklistItemsTable = {
  id: Generated<string>
  org_id: string
  equipment_type: string
  label: string
  position: Generated<number>
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type EquipmentInspectionsTable = {
  id: Generated<string>
  org_id: string
  equipment_id: string
  inspected_on: DateCol
  technician_id: string | null
  inspector_name: string
  notes: string | null
  missing_count: Generated<number>
  damaged_count: Generated<number>
  created_by: string | null
  created_at: CreatedAt
}

export type EquipmentInspectionAnswersTable = {
  inspection_id: string
  org_id: string
  item_id: string
  label: string
  position: number
  present: boolean
  condition: string | null
  notes: string | null
}

export type EquipmentRepairsTable = {
  id: Generated<string>
  org_id: string
  equipment_id: string
  sent_on: DateCol
  reason: string
  returned_on: string | null
  return_notes: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type EquipmentConditionTables = {
  equipment_checklist_items: EquipmentChecklistItemsTable
  equipment_inspections: EquipmentInspectionsTable
  equipment_inspection_answers: EquipmentInspectionAnswersTable
  equipment_repairs: EquipmentRepairsTable
}
