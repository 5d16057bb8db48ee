import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Json } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>
type NullableNumeric = ColumnType<string | null, string | null | undefined, string | null>

export type ScheduleVersionsTable = {
  id: Generated<string>
  org_id: string
  work_order_id: string
  version: number
  active: Generated<boolean>
  file_id: string
  file_name: string
  source_format: Generated<'mspdi' | 'mpp'>
  project_name: string | null
  project_title: string | null
  start_date: NullableDate
  finish_date: NullableDate
  status_date: NullableDate
  minutes_per_day: number
  minutes_per_week: number | null
  save_version: number | null
  weight_field: Json<unknown>
  progress_field: Json<unknown>
  custom_fields: Json<unknown>
  task_count: number
  dependency_count: number
  warnings: Json<unknown>
  created_by: string | null
  created_at: CreatedAt
}

export type ScheduleTasksTable = {
  org_id: string
  version_id: string
  uid: number
  position: number
  task_number: number | null
  wbs: string | null
  outline_number: string | null
  name: string
  outline_level: number
  summary: boolean
  milestone: boolean
  parent_uid: number | null
  start_date: NullableDate
  finish_date: NullableDate
  start_at: string | null
  finish_at: string | null
  duration_minutes: NullableNumeric
  duration_days: NullableNumeric
  percent_complete: string
  physical_percent_complete: string
  weight: NullableNumeric
  progress: string
  resource_names: Json<unknown>
  custom_fields: Json<unknown>
}

export type ScheduleDependenciesTable = {
  id: Generated<string>
  org_id: string
  version_id: string
  position: number
  predecessor_uid: number
  successor_uid: number
  type: string
  lag_days: NullableNumeric
  lag_minutes: NullableNumeric
  lag_elapsed: boolean
  lag_percent: NullableNumeric
  lag_format: number | null
}

/** One change of a truth of a task's progress (migration 0017; docs/schedules.md#progress-two-truths). */
export type ScheduleProgressEntriesTable = {
  id: Generated<string>
  /** insertion order (bigint identity): the last entered wins on one date */
  seq: ColumnType<string, never, never>
  org_id: string
  work_order_id: string
  task_uid: number
  kind: 'real' | 'client'
  percent: string
  previous_percent: string | null
  progress_date: string
  comment: string | null
  source: Generated<'entry' | 'acknowledge'>
  version_id: string | null
  task_name: string
  entered_by: string | null
  entered_at: CreatedAt
}

export type ScheduleTables = {
  schedule_versions: ScheduleVersionsTable
  schedule_tasks: ScheduleTasksTable
  schedule_dependencies: ScheduleDependenciesTable
  schedule_progress_entries: ScheduleProgressEntriesTable
}
