import type { TAuditEntry, TAuditQuery } from '@faena/contracts'
import { requireAccess, type Actor } from '../access'
import type { Db } from '../db/executor'
import { entryReferenceIds, resolveReferenceNames, type ReferenceSource } from './audit-references'
import { listAudit } from './audit.repository'

type AuditRow = Awaited<ReturnType<typeof listAudit>>['rows'][number]

export type AuditService = ReturnType<typeof createAuditService>

/** An audit row as the API gives it, with the names of the records it mentions (`refs`). */
export const toAuditEntry = (r: AuditRow, refs: TAuditEntry['refs'] = {}): TAuditEntry => ({
  id: String(r.id),
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  module: r.module,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: (r.changes ?? []) as TAuditEntry['changes'],
  data: r.data,
  refs,
  requestId: r.request_id,
  ip: r.ip,
  userAgent: r.user_agent,
})

export type AuditServiceDeps = {
  db: Db
  timeZoneOf: (orgId: string) => Promise<string>
  /** where the names of ids in entries come from: one source per module that owns named records */
  referenceSources: readonly ReferenceSource[]
}

export function createAuditService({ db, timeZoneOf, referenceSources }: AuditServiceDeps) {
  /**
   * A page of one organization's entries with the names they mention. No permission check: for the
   * activity log below, and for a module's own record history, which checks its module's permission.
   */
  async function readEntries(
    orgId: string,
    query: TAuditQuery,
  ): Promise<{ items: TAuditEntry[]; total: number }> {
    const { rows, total } = await listAudit(db, orgId, query, await timeZoneOf(orgId))
    const entries = rows.map((r) => toAuditEntry(r))
    const idsOf = entries.map((e) => entryReferenceIds(e))
    const names = await resolveReferenceNames(
      db,
      referenceSources,
      orgId,
      new Set(idsOf.flatMap((ids) => [...ids])),
    )
    return {
      total,
      items: entries.map((e, i) => {
        const refs: TAuditEntry['refs'] = {}
        for (const id of idsOf[i]!) {
          const name = names.get(id)
          if (name !== undefined) refs[id] = name
        }
        return { ...e, refs }
      }),
    }
  }

  async function listEntries(
    actor: Actor,
    query: TAuditQuery,
  ): Promise<{ items: TAuditEntry[]; total: number }> {
    requireAccess(actor, 'audit.read')
    return readEntries(actor.orgId, query)
  }

  return { readEntries, listEntries }
}
