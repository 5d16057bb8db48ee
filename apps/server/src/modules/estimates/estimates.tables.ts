import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  EstimateSettingsTable,
  EstimatesTable,
  EstimateCellsTable,
  EstimateAdjustmentsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type EstimateTables = Pick<
  DB,
  'estimate_settings' | 'estimates' | 'estimate_cells' | 'estimate_adjustments'
>
