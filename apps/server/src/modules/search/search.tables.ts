import type { Timestamp } from '../../platform/db/tables'

/**
 * One searchable record (migration 0018_search, docs/search.md). Written only by the database triggers
 * on the source tables; this module reads it.
 */
export type SearchDocumentsTable = {
  kind: string
  record_id: string
  org_id: string
  parent_id: string | null
  title: string
  subtitle: string | null
  title_key: string
  search_text: string
  updated_at: Timestamp
}

export type SearchTables = { search_documents: SearchDocumentsTable }
