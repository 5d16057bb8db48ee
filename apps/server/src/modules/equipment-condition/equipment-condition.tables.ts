import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  EquipmentChecklistItemsTable,
  EquipmentInspectionsTable,
  EquipmentInspectionAnswersTable,
  EquipmentRepairsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type EquipmentConditionTables = Pick<
  DB,
  'equipment_checklist_items' | 'equipment_inspections' | 'equipment_inspection_answers' | 'equipment_repairs'
>
