import type {
  TAuditEntry,
  TPagination,
  TProposalDetail,
  TProposalListQuery,
  TProposalSummary,
} from '@faena/contracts'
import { can, requireAccess, type Actor } from '../../platform/access'
import { AppError } from '../../platform/errors'
import { ENTITY, type ProposalsContext } from './proposals.context'
import { createProposalsExport } from './proposals-export'
import { toSummary } from './proposals.mapping'
import * as repo from './proposals.repository'
import { proposalsMessages as M } from './proposals.messages'

export type ListProposalsOptions = TProposalListQuery
type ProposalListFilters = Omit<TProposalListQuery, 'limit' | 'offset'>
export type ListHistoryOptions = TPagination

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** Reading proposals: the detail, the list (filters, search, sort), its workbook, and a proposal's history. */
export function createProposalReadUseCases(ctx: ProposalsContext) {
  const { db, catalogs, auditEntries, today, namesFor, readDetail } = ctx

  async function getProposal(actor: Actor, id: string): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.read')
    const row = await repo.findProposal(db, actor.orgId, id, {
      includeDeleted: can(actor, 'proposal.readDeleted'),
    })
    if (!row) throw new AppError('NOT_FOUND', M.notFound())
    return readDetail(db, actor, row, await today(actor.orgId))
  }

  /** The list's filters as the repository takes them (client names, today, "assigned to me"). */
  async function listFilter<Q extends ProposalListFilters>(actor: Actor, query: Q, day: string) {
    // Client names live in the catalogs module: resolve name search and name order through it.
    let clientIdsMatching: string[] = []
    let clientOrder: string[] = []
    if (query.q || query.sort === 'client') {
      const ids = await repo.referencedClientIds(db, actor.orgId)
      const { clients } = await catalogs.getNames(db, actor.orgId, { clientIds: ids })
      if (query.q) {
        const needle = fold(query.q)
        clientIdsMatching = clients.filter((c) => fold(c.name).includes(needle)).map((c) => c.id)
      }
      if (query.sort === 'client') {
        clientOrder = [...clients]
          .sort((a, b) => a.name.localeCompare(b.name, 'es', { sensitivity: 'base' }))
          .map((c) => c.id)
      }
    }
    return { ...query, today: day, clientIdsMatching, clientOrder, assignee: await assigneeOf(actor, query) }
  }

  async function listProposals(
    actor: Actor,
    query: ListProposalsOptions,
  ): Promise<{ items: TProposalSummary[]; total: number }> {
    requireAccess(actor, 'proposal.read')
    if (query.deleted === 'true') requireAccess(actor, 'proposal.readDeleted')
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listProposals(db, actor.orgId, await listFilter(actor, query, day))
    const names = await namesFor(db, actor.orgId, rows)
    return { total, items: rows.map((r) => toSummary(r, r, names, day)) }
  }

  /** "Assigned to me": the caller, and the project managers of the catalog linked to their account. */
  async function assigneeOf(actor: Actor, query: ProposalListFilters) {
    const userId = ctx.userId(actor)
    if (!query.assignedToMe || !userId) return { userId, projectManagerIds: [] }
    return { userId, projectManagerIds: await catalogs.projectManagerIdsOfUser(db, actor.orgId, userId) }
  }

  // the list's export runs as a job (docs/jobs.md), defined now, before the server starts
  const exports = createProposalsExport({
    jobs: ctx.jobs,
    listIds: async (actor, filters) => {
      if (filters.deleted === 'true') requireAccess(actor, 'proposal.readDeleted')
      const day = await today(actor.orgId)
      const f = await listFilter(actor, filters, day)
      return { ids: await repo.listProposalIds(db, actor.orgId, f), filter: f, day }
    },
    batch: async (actor, { filter, day }, ids) => {
      const rows = await repo.listProposalsByIds(db, actor.orgId, filter, ids)
      const names = await namesFor(db, actor.orgId, rows)
      return rows.map((r) => toSummary(r, r, names, day))
    },
  })
  /** Asks for the list's export (202 with the job); deleted proposals only for who may read them. */
  async function exportProposals(actor: Actor, filters: Omit<ListProposalsOptions, 'limit' | 'offset'>) {
    if (filters.deleted === 'true') requireAccess(actor, 'proposal.readDeleted')
    return exports.exportProposals(actor, filters)
  }

  /** The proposal's audit history (its header, steps and attachments), newest first. */
  async function listHistory(
    actor: Actor,
    id: string,
    page: ListHistoryOptions,
  ): Promise<{ items: TAuditEntry[]; total: number }> {
    requireAccess(actor, 'proposal.read')
    const row = await repo.findProposal(db, actor.orgId, id, {
      includeDeleted: can(actor, 'proposal.readDeleted'),
    })
    if (!row) throw new AppError('NOT_FOUND', M.notFound())
    return auditEntries(actor.orgId, {
      entityType: ENTITY,
      entityId: id,
      limit: page.limit,
      offset: page.offset,
    })
  }

  return { getProposal, listProposals, exportProposals, listHistory }
}
