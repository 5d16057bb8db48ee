/**
 * The proposal steps with a delivery date on or before `until` that are still to do (not completed, not
 * applicable, not cancelled) of live proposals (not deleted, not finished or cancelled): the due and overdue
 * notices read them through index.ts (docs/platform.md#due-and-overdue).
 */
import { dueStepOf, STEP_STATUSES_NOT_TO_DO } from '@faena/domain'
import type { Executor } from '../../platform/db/executor'
import { FINAL_PROPOSAL_STATUSES } from './proposal-status'

export type DueProposalStep = {
  stepId: string
  stepName: string
  dueDate: string
  responsibleUserId: string | null
  proposalId: string
  number: string
  description: string
  projectManagerId: string
}

export async function listDueProposalSteps(
  ex: Executor,
  orgId: string,
  until: string,
): Promise<DueProposalStep[]> {
  const rows = await ex
    .selectFrom('proposal_steps as s')
    .innerJoin('proposals as p', 'p.id', 's.proposal_id')
    .select([
      's.id',
      's.name',
      's.delivery_date',
      's.responsible_user_id',
      'p.id as proposal_id',
      'p.official_number',
      'p.description',
      'p.project_manager_id',
    ])
    .where('s.org_id', '=', orgId)
    .where('p.org_id', '=', orgId)
    .where('p.deleted_at', 'is', null)
    .where('p.status', 'not in', [...FINAL_PROPOSAL_STATUSES])
    .where('s.status', 'not in', [...STEP_STATUSES_NOT_TO_DO])
    .where('s.delivery_date', 'is not', null)
    .where('s.delivery_date', '<=', until)
    .orderBy('s.delivery_date')
    .execute()
  return rows.map((r) => ({
    ...dueStepOf(r),
    proposalId: r.proposal_id,
    number: r.official_number,
    description: r.description,
    projectManagerId: r.project_manager_id,
  }))
}
