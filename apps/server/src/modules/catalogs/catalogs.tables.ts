import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Timestamp } from '../../platform/db/tables'

type Base = {
  id: Generated<string>
  org_id: string
  active: Generated<boolean>
  comment: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ClientsTable = Base & { name: string; client_type: string }
export type ProjectManagersTable = Base & {
  name: string
  email: string | null
  user_id: ColumnType<string | null, string | null | undefined, string | null>
}
export type TypesTable = Base & { name: string; level: string }
export type StatusesTable = Base & { name: string; level: string }
export type FrontsTable = Base & {
  name: string
  site_kinds: ColumnType<string[], string[] | undefined, string[]>
}
export type SitesTable = Base & { name: string; kind: string }
export type UnitsTable = Base & { key: string; normalized_key: string; description: string }
export type StepTemplatesTable = Base & {
  client_type: string
  name: string
  position: number
  parent_id: string | null
}

export type CatalogTables = {
  clients: ClientsTable
  project_managers: ProjectManagersTable
  types: TypesTable
  statuses: StatusesTable
  fronts: FrontsTable
  sites: SitesTable
  units: UnitsTable
  proposal_step_templates: StepTemplatesTable
  work_order_step_templates: StepTemplatesTable
}
