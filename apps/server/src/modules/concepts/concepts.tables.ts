import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ContractConceptsTable,
  ContractConceptCountsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ConceptTables = Pick<DB, 'contract_concepts' | 'contract_concept_counts'>
