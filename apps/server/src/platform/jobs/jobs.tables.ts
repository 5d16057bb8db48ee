import type { DB } from '../db/generated/tables.gen'

export type { JobRunsTable } from '../db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type JobTables = Pick<DB, 'job_runs'>
