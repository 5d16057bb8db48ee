import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Json, Timestamp } from '../db/tables'

/** The jobs platform's table (migration 0013_job_runs). */
export type JobRunsTable = {
  id: Generated<string>
  org_id: string
  kind: string
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed',
    'queued' | undefined,
    'running' | 'done' | 'failed'
  >
  payload: Json<Record<string, unknown>>
  done: ColumnType<number, number | undefined, number>
  total: number | null
  result_file_id: string | null
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  error: string | null
  requested_by: string | null
  created_at: CreatedAt
  started_at: Date | null
  finished_at: Date | null
  updated_at: Timestamp
}

export type JobTables = { job_runs: JobRunsTable }
