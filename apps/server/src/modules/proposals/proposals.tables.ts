import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, DateCol, Timestamp } from '../../platform/db/tables'

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>

export type ProposalsTable = {
  id: Generated<string>
  org_id: string
  official_number: string
  request_number: string
  description: string
  client_id: string
  type_id: string
  project_manager_id: string
  priority: string
  status: Generated<string>
  status_reason: string | null
  status_changed_at: Date | null
  request_date: DateCol
  delivery_date: DateCol
  duration_days: number
  comment: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  deleted_at: Date | null
  deleted_by: string | null
}

export type ProposalStepsTable = {
  id: Generated<string>
  org_id: string
  proposal_id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status: Generated<string>
  start_date: NullableDate
  delivery_date: NullableDate
  completed_date: NullableDate
  comment: string | null
  responsible_user_id: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ProposalStepAttachmentsTable = {
  id: Generated<string>
  org_id: string
  proposal_id: string
  step_id: string
  kind: string
  file_id: string | null
  url: string | null
  name: string
  created_by: string | null
  created_at: CreatedAt
}

export type ProposalTables = {
  proposals: ProposalsTable
  proposal_steps: ProposalStepsTable
  proposal_step_attachments: ProposalStepAttachmentsTable
}
