import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ClientsTable,
  ProjectManagersTable,
  TypesTable,
  StatusesTable,
  FrontsTable,
  SitesTable,
  UnitsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type CatalogTables = Pick<
  DB,
  | 'clients'
  | 'project_managers'
  | 'types'
  | 'statuses'
  | 'fronts'
  | 'sites'
  | 'units'
  | 'proposal_step_templates'
  | 'work_order_step_templates'
>
