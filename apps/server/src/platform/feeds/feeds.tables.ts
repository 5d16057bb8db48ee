import type { DB } from '../db/generated/tables.gen'

export type { ApiTokensTable } from '../db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type FeedTables = Pick<DB, 'api_tokens'>
