import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Json, Numeric } from '../../platform/db/tables'

export type WorkOrderAnnexImportsTable = {
  id: Generated<string>
  org_id: string
  work_order_id: string
  version: number
  status: string
  file_id: string
  file_name: string
  base_import_id: string | null
  concept_count: number
  planned_day_count: number
  amount_mxn: Numeric
  amount_usd: Numeric
  reading: Json<unknown>
  diff: Json<unknown>
  created_by: string | null
  created_at: CreatedAt
  confirmed_by: string | null
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  discarded_by: string | null
  discarded_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  superseded_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** migration 0028: why a version made in the app was made */
  reason: ColumnType<string | null, string | null | undefined, string | null>
}

export type WorkOrderConceptsTable = {
  id: Generated<string>
  org_id: string
  import_id: string
  work_order_id: string
  position: number
  row_number: number
  concept_id: string | null
  annex: string
  code: string
  description: string
  unit_id: string | null
  unit_key: string
  authorized_volume: Numeric
  unit_price_mxn: Numeric
  unit_price_usd: Numeric
  price_source_mxn: string
  price_source_usd: string
  ok: boolean | null
}

export type WorkOrderPlannedVolumesTable = {
  org_id: string
  work_order_concept_id: string
  day: DateCol
  volume: Numeric
}

export type WorkOrderConceptTables = {
  work_order_annex_imports: WorkOrderAnnexImportsTable
  work_order_concepts: WorkOrderConceptsTable
  work_order_planned_volumes: WorkOrderPlannedVolumesTable
}
