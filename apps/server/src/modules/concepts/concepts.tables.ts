import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Timestamp } from '../../platform/db/tables'

/** numeric: exact decimal string in and out; optional on insert (the column has a default). */
type Decimal = ColumnType<string, string | undefined, string>
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>

/** The contract concept catalog (migration 0004_concepts). */
export type ContractConceptsTable = {
  id: Generated<string>
  org_id: string
  kind: string
  identity_key: string
  annex: string | null
  annex_sort: string | null
  code: string
  code_key: string
  code_sort: string
  description: string
  description_key: string
  unit: string
  unit_key: string
  unit_id: string | null
  quantity: Decimal
  unit_price_mxn: Decimal
  unit_price_usd: Decimal
  category: string | null
  subcategory: string | null
  classification: string | null
  occurrence: Generated<number>
  status: string | null
  proposal_number: string | null
  work_order_number: string | null
  sanction_date: NullableDate
  converted_code: string | null
  converted_code_key: string | null
  comment: string | null
  search_text: string
  content_hash: string
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

/**
 * Concepts per organization, kind, sub-annex and PUE status, kept by triggers on `contract_concepts`
 * (migration 0041_concept_counts, docs/concepts.md#totals); derived, so backups leave it out.
 */
export type ContractConceptCountsTable = {
  org_id: string
  kind: string
  annex: string | null
  annex_sort: string | null
  status: string | null
  concepts: ColumnType<string, never, never>
}

export type ConceptTables = {
  contract_concepts: ContractConceptsTable
  contract_concept_counts: ContractConceptCountsTable
}
