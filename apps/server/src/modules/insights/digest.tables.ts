import type { DB } from '../../platform/db/generated/tables.gen'

export type { DigestSettingsTable, DigestRunsTable } from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type DigestTables = Pick<DB, 'digest_settings' | 'digest_runs'>
