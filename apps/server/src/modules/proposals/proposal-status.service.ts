import type { TChangeProposalStatusRequest, TProposalDetail } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { allowedTransitions, checkTransition } from './proposal-status'
import { ENTITY, MODULE, type ProposalsContext } from './proposals.context'
import { headerSnapshot } from './proposals.mapping'
import * as repo from './proposals.repository'
import { proposalsMessages as M } from './proposals.messages'

export type ChangeProposalStatusOptions = TChangeProposalStatusRequest

/** Moving the header's status along its transitions (rules in proposal-status.ts; docs/proposals.md#header-status). */
export function createProposalStatusUseCases(ctx: ProposalsContext) {
  const { clock, inTransaction, readDetail, loadVisible } = ctx

  async function changeStatus(
    actor: Actor,
    id: string,
    input: ChangeProposalStatusOptions,
  ): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.status')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const from = before.status
      const to = input.status
      const check = checkTransition(from, to, input.reason)
      if (!check.ok && check.error === 'invalid_transition') {
        throw new AppError('INVALID_STATE', M.transitionRefused({ from, to }), {
          from,
          to,
          allowed: allowedTransitions(from),
        })
      }
      if (!check.ok) {
        throw validationError(M.reasonRequired(), [
          fieldError('reason', M.reasonRequiredField({ status: to })),
        ])
      }
      const reason = input.reason?.trim() || null
      const after = await repo.updateProposal(trx, actor.orgId, id, {
        status: to,
        status_reason: reason,
        status_changed_at: clock(),
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'proposal.status_changed',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: diffFields(headerSnapshot(before), headerSnapshot(after), ['status', 'statusReason']),
        data: { from, to, reason },
      })
      return readDetail(trx, actor, after, day)
    })
  }

  return { changeStatus }
}
