import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ScheduleVersionsTable,
  ScheduleTasksTable,
  ScheduleDependenciesTable,
  ScheduleProgressEntriesTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ScheduleTables = Pick<
  DB,
  'schedule_versions' | 'schedule_tasks' | 'schedule_dependencies' | 'schedule_progress_entries'
>
