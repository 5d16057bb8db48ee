import type { DB } from '../../platform/db/generated/tables.gen'

export type { WorkOrdersTable, WorkOrderStepsTable } from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type WorkOrderTables = Pick<DB, 'work_orders' | 'work_order_steps'>
