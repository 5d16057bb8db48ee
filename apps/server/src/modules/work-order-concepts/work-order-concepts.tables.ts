import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  WorkOrderAnnexImportsTable,
  WorkOrderConceptsTable,
  WorkOrderPlannedVolumesTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type WorkOrderConceptTables = Pick<
  DB,
  'work_order_annex_imports' | 'work_order_concepts' | 'work_order_planned_volumes'
>
