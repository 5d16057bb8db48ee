import crypto from 'node:crypto'
import type { TCreateProposalRequest, TProposalSaved } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { fieldError, validationError } from '../../platform/errors'
import { checkOfficialNumber } from './proposal-official-number'
import { checkDates, ENTITY, MODULE, type ProposalsContext } from './proposals.context'
import { headerSnapshot } from './proposals.mapping'
import * as repo from './proposals.repository'
import { copyStepTemplates } from './step-rules'
import { langOf } from '../../platform/i18n/export-texts'
import { proposalsMessages as M } from './proposals.messages'

export type CreateProposalOptions = TCreateProposalRequest

/** Creating a proposal: the header and its steps, copied from the client type's step templates (docs/proposals.md#creating). */
export function createProposalCreateUseCases(ctx: ProposalsContext) {
  const { catalogs, userId, inTransaction, readDetail, checkReferences } = ctx

  /**
   * Creates the proposal and its steps, copied from the client type's step templates, in one transaction;
   * a duplicate official number is a warning, or a 409 where the organization wants numbers unique.
   */
  async function createProposal(actor: Actor, input: CreateProposalOptions): Promise<TProposalSaved> {
    requireAccess(actor, 'proposal.create')
    checkDates(input.requestDate, input.deliveryDate)
    return inTransaction(actor, async (trx, day) => {
      const refs = await checkReferences(trx, actor.orgId, {
        clientId: input.clientId,
        typeId: input.typeId,
        projectManagerId: input.projectManagerId,
      })
      const clientType = refs.client!.clientType
      const templates = await catalogs.listStepTemplates(trx, actor.orgId, 'proposal', clientType)
      if (templates.length === 0) {
        throw validationError(M.noStepTemplates({ clientType }), [
          fieldError('clientId', M.noStepTemplatesField({ clientType })),
        ])
      }
      const warnings = await checkOfficialNumber(
        trx,
        actor.orgId,
        input.officialNumber,
        undefined,
        langOf(actor),
      )
      const row = await repo.insertProposal(trx, actor.orgId, userId(actor), {
        official_number: input.officialNumber,
        request_number: input.requestNumber,
        description: input.description,
        client_id: input.clientId,
        type_id: input.typeId,
        project_manager_id: input.projectManagerId,
        priority: input.priority,
        request_date: input.requestDate,
        delivery_date: input.deliveryDate,
        duration_days: input.durationDays,
        comment: input.comment ?? null,
      })
      const steps: repo.StepInsert[] = copyStepTemplates(templates, () => crypto.randomUUID())
      await repo.insertSteps(trx, actor.orgId, row.id, steps)
      await writeAudit(trx, actor, {
        action: 'proposal.created',
        module: MODULE,
        entityType: ENTITY,
        entityId: row.id,
        changes: diffFields(null, headerSnapshot(row)),
        data: { clientType, steps: steps.length },
      })
      return { ...(await readDetail(trx, actor, row, day)), warnings }
    })
  }

  return { createProposal }
}
