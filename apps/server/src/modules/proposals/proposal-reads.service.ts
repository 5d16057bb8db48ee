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
import { writeProposalsWorkbook } from './proposals-export'
import { toSummary } from './proposals.mapping'
import * as repo from './proposals.repository'

export type ListProposalsOptions = TProposalListQuery
export type ListHistoryOptions = TPagination

const EXPORT_LIMIT = 50_000

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
    if (!row) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
    return readDetail(db, actor, row, await today(actor.orgId))
  }

  async function listProposals(
    actor: Actor,
    query: ListProposalsOptions,
  ): Promise<{ items: TProposalSummary[]; total: number }> {
    requireAccess(actor, 'proposal.read')
    if (query.deleted === 'true') requireAccess(actor, 'proposal.readDeleted')
    const day = await today(actor.orgId)
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
    const { rows, total } = await repo.listProposals(db, actor.orgId, {
      ...query,
      today: day,
      clientIdsMatching,
      clientOrder,
      assignee: await assigneeOf(actor, query),
    })
    const names = await namesFor(db, actor.orgId, rows)
    return { total, items: rows.map((r) => toSummary(r, r, names, day)) }
  }

  /** "Assigned to me": the caller, and the project managers of the catalog linked to their account. */
  async function assigneeOf(actor: Actor, query: ListProposalsOptions) {
    const userId = ctx.userId(actor)
    if (!query.assignedToMe || !userId) return { userId, projectManagerIds: [] }
    return { userId, projectManagerIds: await catalogs.projectManagerIdsOfUser(db, actor.orgId, userId) }
  }

  async function exportProposals(actor: Actor, query: ListProposalsOptions): Promise<Buffer> {
    const { items } = await listProposals(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeProposalsWorkbook(items)
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
    if (!row) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
    return auditEntries(actor.orgId, {
      entityType: ENTITY,
      entityId: id,
      limit: page.limit,
      offset: page.offset,
    })
  }

  return { getProposal, listProposals, exportProposals, listHistory }
}
