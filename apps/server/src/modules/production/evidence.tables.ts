import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ProductionEvidenceTable,
  ProductionEvidenceItemsTable,
  ProductionEvidenceAnnexesTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ProductionEvidenceTables = Pick<
  DB,
  'production_evidence' | 'production_evidence_items' | 'production_evidence_annexes'
>
