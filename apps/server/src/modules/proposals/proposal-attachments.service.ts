import type { TAddStepAttachmentRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { ENTITY, MODULE, type ProposalsContext } from './proposals.context'
import { linkName, toAttachment } from './proposals.mapping'
import * as repo from './proposals.repository'
import { proposalsMessages as M } from './proposals.messages'

export type AddStepAttachmentOptions = TAddStepAttachmentRequest

/** A step's attachments: an uploaded file or a link, added and removed with audit (docs/proposals.md#steps). */
export function createProposalAttachmentUseCases(ctx: ProposalsContext) {
  const { clock, files, userId, inTransaction, loadOpenProposal, loadStep } = ctx

  async function addStepAttachment(
    actor: Actor,
    id: string,
    stepId: string,
    input: AddStepAttachmentOptions,
  ) {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx) => {
      await loadOpenProposal(trx, actor, id)
      const step = await loadStep(trx, actor, id, stepId)
      let attachment: { kind: 'file' | 'link'; fileId: string | null; url: string | null; name: string }
      if ('fileId' in input) {
        const file = await files.getFile(actor, input.fileId, trx).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'NOT_FOUND') {
            throw validationError(M.fileNotFound(), [fieldError('fileId', M.fileMissing())])
          }
          throw err
        })
        attachment = { kind: 'file', fileId: file.id, url: null, name: file.name }
      } else {
        attachment = { kind: 'link', fileId: null, url: input.url, name: input.name ?? linkName(input.url) }
      }
      const row = await repo.insertAttachment(trx, {
        orgId: actor.orgId,
        proposalId: id,
        stepId,
        ...attachment,
        createdBy: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'proposal.attachment_added',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'attachments', old: null, new: row.name }],
        data: {
          stepId,
          stepName: step.name,
          attachmentId: row.id,
          kind: row.kind,
          fileId: row.file_id,
          url: row.url,
        },
      })
      await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() })
      return toAttachment(row)
    })
  }

  async function removeStepAttachment(
    actor: Actor,
    id: string,
    stepId: string,
    attachmentId: string,
  ): Promise<void> {
    requireAccess(actor, 'proposal.update')
    await inTransaction(actor, async (trx) => {
      await loadOpenProposal(trx, actor, id)
      const step = await loadStep(trx, actor, id, stepId)
      const row = await repo.findAttachment(trx, actor.orgId, stepId, attachmentId)
      if (!row) throw new AppError('NOT_FOUND', M.attachmentNotFound())
      await repo.deleteAttachment(trx, actor.orgId, attachmentId)
      await writeAudit(trx, actor, {
        action: 'proposal.attachment_removed',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'attachments', old: row.name, new: null }],
        data: {
          stepId,
          stepName: step.name,
          attachmentId,
          kind: row.kind,
          fileId: row.file_id,
          url: row.url,
        },
      })
      await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() })
    })
  }

  return { addStepAttachment, removeStepAttachment }
}
