import type { DB } from '../../platform/db/generated/tables.gen'

export type {
  ProposalsTable,
  ProposalStepsTable,
  ProposalStepAttachmentsTable,
} from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type ProposalTables = Pick<DB, 'proposals' | 'proposal_steps' | 'proposal_step_attachments'>
