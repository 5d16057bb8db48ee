import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Timestamp } from '../../platform/db/tables'

/** The evidence (GPU) tables (migration 0025, docs/production.md#evidence-gpu). */
export type ProductionEvidenceTable = {
  id: Generated<string>
  org_id: string
  family_id: string
  site_id: string
  concept_id: string
  day: DateCol
  time_type: string
  status: Generated<string>
  note: string | null
  status_by: string | null
  status_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ProductionEvidenceItemsTable = {
  id: Generated<string>
  org_id: string
  evidence_id: string
  kind: string
  file_id: string | null
  file_name: string | null
  mime_type: string | null
  /** bigint: the driver gives it back as a string */
  size: ColumnType<string | null, number | null, number | null>
  url: string | null
  label: string | null
  taken_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  latitude: ColumnType<string | null, string | null | undefined, string | null>
  longitude: ColumnType<string | null, string | null | undefined, string | null>
  created_by: string | null
  created_at: CreatedAt
}

export type ProductionEvidenceAnnexesTable = {
  org_id: string
  annexes: string[]
  updated_by: string | null
  updated_at: Timestamp
}

export type ProductionEvidenceTables = {
  production_evidence: ProductionEvidenceTable
  production_evidence_items: ProductionEvidenceItemsTable
  production_evidence_annexes: ProductionEvidenceAnnexesTable
}
