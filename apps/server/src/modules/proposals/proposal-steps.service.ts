import type { TProposalDetail, TUpdateStepRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { ENTITY, MODULE, type ProposalsContext } from './proposals.context'
import * as repo from './proposals.repository'
import { assignmentNotice, checkResponsibleUser } from './step-assignment'
import {
  autoCompleteParents as walkParents,
  newlyAssignedUser,
  resolveStepPatch,
  STEP_FIELDS,
  stepSnapshot,
} from './step-rules'

export type UpdateStepOptions = TUpdateStepRequest

/** Editing a step, and the parent auto-completion it may trigger (rules in step-rules.ts; docs/proposals.md#steps). */
export function createProposalStepUseCases(ctx: ProposalsContext) {
  const { clock, inTransaction, readDetail, loadOpenProposal, loadStep, notify } = ctx

  /**
   * Edits one step. Completing it stamps the completion date (today in the organization's time zone unless
   * given); leaving `completed` clears it. Then its parent completes by itself when all its sub-steps are done.
   * A new responsible user (active, of the organization) is told in the bell, unless they assigned themselves.
   */
  async function updateStep(
    actor: Actor,
    id: string,
    stepId: string,
    patch: UpdateStepOptions,
  ): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx, day) => {
      const proposal = await loadOpenProposal(trx, actor, id)
      const before = await loadStep(trx, actor, id, stepId)
      await checkResponsibleUser(trx, actor.orgId, patch)
      const values = resolveStepPatch(
        patch,
        { status: before.status, keptCompletedDate: before.completed_date },
        day,
      )
      const after = await repo.updateStep(trx, actor.orgId, stepId, { ...values, updated_at: clock() })
      const changes = diffFields(stepSnapshot(before), stepSnapshot(after), STEP_FIELDS)
      if (changes.length > 0) {
        await writeAudit(trx, actor, {
          action: 'proposal.step_updated',
          module: MODULE,
          entityType: ENTITY,
          entityId: id,
          changes,
          data: { stepId, stepName: after.name },
        })
        const assignee = newlyAssignedUser(patch, before.responsible_user_id)
        if (assignee) {
          await notify(
            trx,
            assignmentNotice(actor, assignee, {
              kind: 'proposal',
              recordId: id,
              recordNumber: proposal.official_number,
              description: proposal.description,
              stepId,
              stepName: after.name,
              stepVersion: before.updated_at,
            }),
          )
        }
        if (after.parent_id && after.status !== before.status)
          await autoCompleteParents(trx, actor, id, after.parent_id, after.id, day)
        return readDetail(
          trx,
          actor,
          await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() }),
          day,
        )
      }
      return readDetail(trx, actor, proposal, day)
    })
  }

  /** Walks up from a parent: each open parent whose sub-steps are all done becomes completed (audited). */
  async function autoCompleteParents(
    trx: Executor,
    actor: Actor,
    proposalId: string,
    parentId: string,
    triggeredBy: string,
    day: string,
  ) {
    await walkParents(parentId, {
      loadStep: (stepId) => loadStep(trx, actor, proposalId, stepId),
      subStepStatuses: async (stepId) => await repo.listSubStepStatuses(trx, actor.orgId, stepId),
      complete: async (parent) => {
        const after = await repo.updateStep(trx, actor.orgId, parent.id, {
          status: 'completed',
          completed_date: day,
          updated_at: clock(),
        })
        await writeAudit(trx, actor, {
          action: 'proposal.step_auto_completed',
          module: MODULE,
          entityType: ENTITY,
          entityId: proposalId,
          changes: diffFields(stepSnapshot(parent), stepSnapshot(after), STEP_FIELDS),
          data: { stepId: parent.id, stepName: parent.name, triggeredBy, reason: 'all sub-steps done' },
        })
        return after
      },
    })
  }

  return { updateStep }
}
