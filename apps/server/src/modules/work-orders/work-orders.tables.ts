import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Timestamp } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>
/** numeric: decimal string in and out */
type Amount = ColumnType<string, string | undefined, string>

export type WorkOrdersTable = {
  id: Generated<string>
  org_id: string
  family_id: string
  type: string
  reprogramming_number: number | null
  number: string
  official_document: string | null
  client_representative: string | null
  description: string
  comment: string | null
  status: Generated<string>
  status_reason: string | null
  status_changed_at: Date | null
  proposal_id: string | null
  client_id: string
  project_manager_id: string
  duration_days: number | null
  planned_start: NullableDate
  planned_end: NullableDate
  actual_start: NullableDate
  actual_end: NullableDate
  front_id: string | null
  vessel_id: string | null
  platform_id: string | null
  yard_id: string | null
  interconnection_id: string | null
  amount_mxn: Amount
  amount_usd: Amount
  requires_yard_phase: Generated<boolean>
  yard_start: NullableDate
  yard_end: NullableDate
  legacy: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type WorkOrderStepsTable = {
  id: Generated<string>
  org_id: string
  work_order_id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status: Generated<string>
  start_date: NullableDate
  delivery_date: NullableDate
  completed_date: NullableDate
  comment: string | null
  responsible_user_id: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type WorkOrderTables = {
  work_orders: WorkOrdersTable
  work_order_steps: WorkOrderStepsTable
}
