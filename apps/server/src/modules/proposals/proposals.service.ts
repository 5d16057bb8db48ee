import type { Executor } from '../../platform/db/executor'
import { createProposalAttachmentUseCases } from './proposal-attachments.service'
import { createProposalCreateUseCases } from './proposal-create.service'
import { createProposalHeaderUseCases } from './proposal-header.service'
import { createProposalReadUseCases } from './proposal-reads.service'
import { createProposalStatusUseCases } from './proposal-status.service'
import { createProposalStepUseCases } from './proposal-steps.service'
import { createProposalsContext, type ProposalsServiceDeps } from './proposals.context'
import * as repo from './proposals.repository'

export type { CatalogsPort, FilesPort, ProposalsServiceDeps } from './proposals.context'
export type { AddStepAttachmentOptions } from './proposal-attachments.service'
export type { CreateProposalOptions } from './proposal-create.service'
export type { UpdateProposalOptions } from './proposal-header.service'
export type { ListHistoryOptions, ListProposalsOptions } from './proposal-reads.service'
export type { ChangeProposalStatusOptions } from './proposal-status.service'
export type { UpdateStepOptions } from './proposal-steps.service'

/**
 * The proposals' service: one use-case file per use case, all on one shared context (proposals.context.ts) —
 * proposal-reads.service.ts (detail, list, export, history), proposal-create.service.ts,
 * proposal-header.service.ts (edit, delete), proposal-status.service.ts, proposal-steps.service.ts
 * (with the parent auto-completion) and proposal-attachments.service.ts; docs/proposals.md#files.
 */
export function createProposalsService(deps: ProposalsServiceDeps) {
  const ctx = createProposalsContext(deps)
  return {
    ...createProposalReadUseCases(ctx),
    ...createProposalCreateUseCases(ctx),
    ...createProposalHeaderUseCases(ctx),
    ...createProposalStatusUseCases(ctx),
    ...createProposalStepUseCases(ctx),
    ...createProposalAttachmentUseCases(ctx),
  }
}

export type ProposalsService = ReturnType<typeof createProposalsService>

/**
 * Live proposals counted by status, client and overdue (for the dashboards of the insights module), with the
 * filters and overdue rule of the proposals list. No access check here: the calling use case has done it.
 */
export async function countProposals(executor: Executor, orgId: string, filter: repo.ProposalCountFilter) {
  return repo.countProposals(executor, orgId, filter)
}
