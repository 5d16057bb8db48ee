import type { TProposalSaved, TProposalWarning, TUpdateProposalRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { checkOfficialNumber } from './proposal-official-number'
import { proposalNumberKey } from './proposal-refs'
import { checkDates, ENTITY, MODULE, type ProposalsContext } from './proposals.context'
import { camel, HEADER_FIELDS, headerSnapshot } from './proposals.mapping'
import * as repo from './proposals.repository'
import { langOf } from '../../platform/i18n/export-texts'

export type UpdateProposalOptions = TUpdateProposalRequest

/** The header after creation: editing its fields (not the client) and the soft delete (docs/proposals.md#deleting). */
export function createProposalHeaderUseCases(ctx: ProposalsContext) {
  const { clock, userId, inTransaction, readDetail, loadVisible, checkReferences } = ctx

  /**
   * Edits header fields; an unchanged patch writes nothing. Field-level audit. A new official number that
   * another live proposal has is a warning, or a 409 where the organization wants numbers unique; an edit that
   * keeps the number (trimmed, case-insensitive) is not checked, so older duplicates stay editable.
   */
  async function updateProposal(
    actor: Actor,
    id: string,
    patch: UpdateProposalOptions,
  ): Promise<TProposalSaved> {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      checkDates(patch.requestDate ?? before.request_date, patch.deliveryDate ?? before.delivery_date)
      const changedRefs = {
        typeId: patch.typeId !== undefined && patch.typeId !== before.type_id ? patch.typeId : undefined,
        projectManagerId:
          patch.projectManagerId !== undefined && patch.projectManagerId !== before.project_manager_id
            ? patch.projectManagerId
            : undefined,
      }
      if (changedRefs.typeId || changedRefs.projectManagerId)
        await checkReferences(trx, actor.orgId, changedRefs)
      let warnings: TProposalWarning[] = []
      if (
        patch.officialNumber !== undefined &&
        proposalNumberKey(patch.officialNumber) !== proposalNumberKey(before.official_number)
      )
        warnings = await checkOfficialNumber(trx, actor.orgId, patch.officialNumber, id, langOf(actor))
      const values: Partial<repo.ProposalValues> = {}
      if (patch.officialNumber !== undefined) values.official_number = patch.officialNumber
      if (patch.requestNumber !== undefined) values.request_number = patch.requestNumber
      if (patch.description !== undefined) values.description = patch.description
      if (patch.typeId !== undefined) values.type_id = patch.typeId
      if (patch.projectManagerId !== undefined) values.project_manager_id = patch.projectManagerId
      if (patch.priority !== undefined) values.priority = patch.priority
      if (patch.requestDate !== undefined) values.request_date = patch.requestDate
      if (patch.deliveryDate !== undefined) values.delivery_date = patch.deliveryDate
      if (patch.durationDays !== undefined) values.duration_days = patch.durationDays
      if (patch.comment !== undefined) values.comment = patch.comment
      const changes = diffFields(
        headerSnapshot(before),
        { ...headerSnapshot(before), ...camel(values) },
        HEADER_FIELDS,
      )
      if (changes.length === 0) return { ...(await readDetail(trx, actor, before, day)), warnings }
      const after = await repo.updateProposal(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'proposal.updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
      })
      return { ...(await readDetail(trx, actor, after, day)), warnings }
    })
  }

  /** Soft delete (audited): the proposal becomes a 404 except to holders of proposal.readDeleted. */
  async function deleteProposal(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'proposal.delete')
    await inTransaction(actor, async (trx) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const now = clock()
      await repo.updateProposal(trx, actor.orgId, id, {
        deleted_at: now,
        deleted_by: userId(actor),
        updated_at: now,
      })
      await writeAudit(trx, actor, {
        action: 'proposal.deleted',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'deleted', old: false, new: true }],
        data: { officialNumber: before.official_number },
      })
    })
  }

  return { updateProposal, deleteProposal }
}
