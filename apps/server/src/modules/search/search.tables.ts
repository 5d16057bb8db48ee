import type { DB } from '../../platform/db/generated/tables.gen'

export type { SearchDocumentsTable } from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type SearchTables = Pick<DB, 'search_documents'>
