import type { Actor } from '../../platform/access'
import { isSystemActor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { progressOf } from './proposal-progress'
import * as repo from './proposals.repository'

/**
 * What other modules (work orders) read and write on proposals, inside the caller's transaction.
 * The caller authorizes its own use case.
 */

/** A proposal as a work order is created from it: header fields and progress; undefined when absent or deleted. */
export async function getProposalForWorkOrder(trx: Executor, orgId: string, id: string) {
  const row = await repo.findProposal(trx, orgId, id)
  if (!row) return undefined
  const steps = await repo.listSteps(trx, orgId, id)
  const { done, counted, progress } = progressOf(steps.map((s) => s.status))
  return {
    id: row.id,
    officialNumber: row.official_number,
    description: row.description,
    clientId: row.client_id,
    projectManagerId: row.project_manager_id,
    durationDays: row.duration_days,
    status: row.status,
    progress,
    doneSteps: done,
    countedSteps: counted,
  }
}

/** Official numbers by id as a reference source (deleted proposals too): for another module's names query. */
export const proposalNumberSource = repo.officialNumberSource

/** Official numbers by id (deleted proposals too). */
export async function getProposalNumbers(
  trx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; officialNumber: string }[]> {
  const rows = await repo.findOfficialNumbers(trx, orgId, [...new Set(ids)])
  return rows.map((r) => ({ id: r.id, officialNumber: r.official_number }))
}

/** How official numbers are compared: trimmed, case ignored. */
export const proposalNumberKey = (officialNumber: string) => officialNumber.trim().toLowerCase()

export type PlaceholderProposals = {
  clientId: string
  typeId: string
  projectManagerId: string
  /** today in the organization's time zone: the request date of a placeholder without one */
  day: string
  items: {
    officialNumber: string
    requestDate?: string | null | undefined
    description?: string | null | undefined
  }[]
}

/**
 * Proposals matched by official number (trimmed, case ignored; the oldest live one wins), and placeholders
 * created for the numbers that have none: status `finished`, no steps, the given client / type / manager,
 * a comment saying where they came from. One insert for all, one audit row each.
 * Returns the id per number key (`proposalNumberKey`) and the numbers created.
 */
export async function ensurePlaceholderProposals(
  trx: Executor,
  actor: Actor,
  input: PlaceholderProposals,
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const wanted = new Map<string, PlaceholderProposals['items'][number]>()
  for (const item of input.items) {
    const key = proposalNumberKey(item.officialNumber)
    const seen = wanted.get(key)
    // the earliest request date among the rows that name it
    if (!seen || (item.requestDate && (!seen.requestDate || item.requestDate < seen.requestDate))) {
      wanted.set(key, { ...item, requestDate: item.requestDate ?? seen?.requestDate ?? null })
    }
  }
  const ids = new Map<string, string>()
  for (const r of await repo.findByOfficialNumberKeys(trx, actor.orgId, [...wanted.keys()])) {
    const key = proposalNumberKey(r.official_number)
    if (!ids.has(key)) ids.set(key, r.id)
  }
  const missing = [...wanted].filter(([key]) => !ids.has(key))
  const rows = await repo.insertProposalsWithStatus(
    trx,
    actor.orgId,
    isSystemActor(actor) ? null : actor.userId,
    missing.map(([, item]) => {
      const day = item.requestDate ?? input.day
      return {
        official_number: item.officialNumber.trim(),
        request_number: 'POR DEFINIR',
        description: item.description?.trim().slice(0, 5000) || `PTE ${item.officialNumber.trim()}`,
        client_id: input.clientId,
        type_id: input.typeId,
        project_manager_id: input.projectManagerId,
        priority: 'medium',
        request_date: day,
        delivery_date: day,
        duration_days: 1,
        comment: 'Marcador creado por la importación histórica de órdenes de trabajo: completa sus datos.',
        status: 'finished',
      }
    }),
  )
  for (const r of rows) {
    ids.set(proposalNumberKey(r.official_number), r.id)
    await writeAudit(trx, actor, {
      action: 'proposal.created',
      module: 'proposals',
      entityType: 'proposal',
      entityId: r.id,
      changes: [
        { field: 'officialNumber', old: null, new: r.official_number },
        { field: 'status', old: null, new: r.status },
      ],
      data: { placeholder: true, source: 'work-order-history' },
    })
  }
  return { ids, created: rows.map((r) => r.official_number) }
}
