import type { Actor } from '../access'
import { isSystemActor } from '../access'
import type { Executor } from '../db/executor'

export type AuditChange = { field: string; old: unknown; new: unknown }

export type AuditEvent = {
  /** dotted verb, e.g. `proposal.created`, `proposal.status_changed`, `auth.login_failed` */
  action: string
  module: string
  entityType: string
  entityId?: string | null
  changes?: AuditChange[]
  data?: Record<string, unknown> | null
}

/** Field-level differences between two snapshots, for the fields named (or all fields of `after`). */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[] = Object.keys(after),
): AuditChange[] {
  const changes: AuditChange[] = []
  for (const field of fields) {
    const o = normalise(before?.[field])
    const n = normalise(after[field])
    if (JSON.stringify(o) !== JSON.stringify(n)) changes.push({ field, old: o, new: n })
  }
  return changes
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null
  if (v instanceof Date) return v.toISOString()
  return v
}

/**
 * Append one audit row. Call it with the same transaction as the change it records,
 * so the change and its audit row commit or roll back together.
 */
export async function writeAudit(
  trx: Executor,
  actor: Actor | { orgId: string | null; ip: string | null; userAgent: string | null; requestId: string },
  event: AuditEvent,
): Promise<void> {
  const person = 'userId' in actor && !isSystemActor(actor) ? actor : null
  await trx
    .insertInto('audit_log')
    .values({
      org_id: actor.orgId,
      actor_id: person?.userId ?? null,
      actor_email: 'email' in actor ? actor.email : null,
      action: event.action,
      module: event.module,
      entity_type: event.entityType,
      entity_id: event.entityId ?? null,
      changes: JSON.stringify(event.changes ?? []),
      data: event.data ? JSON.stringify(event.data) : null,
      request_id: actor.requestId,
      ip: actor.ip,
      user_agent: actor.userAgent,
    })
    .execute()
}

/**
 * Append many audit rows (one per event) in multi-row inserts of `batchSize`: for imports that change
 * thousands of records in one transaction. Same rules as `writeAudit`: call it with that transaction.
 */
export async function writeAuditMany(
  trx: Executor,
  actor: Actor | { orgId: string | null; ip: string | null; userAgent: string | null; requestId: string },
  events: readonly AuditEvent[],
  batchSize = 500,
): Promise<void> {
  const person = 'userId' in actor && !isSystemActor(actor) ? actor : null
  for (let i = 0; i < events.length; i += batchSize) {
    await trx
      .insertInto('audit_log')
      .values(
        events.slice(i, i + batchSize).map((event) => ({
          org_id: actor.orgId,
          actor_id: person?.userId ?? null,
          actor_email: 'email' in actor ? actor.email : null,
          action: event.action,
          module: event.module,
          entity_type: event.entityType,
          entity_id: event.entityId ?? null,
          changes: JSON.stringify(event.changes ?? []),
          data: event.data ? JSON.stringify(event.data) : null,
          request_id: actor.requestId,
          ip: actor.ip,
          user_agent: actor.userAgent,
        })),
      )
      .execute()
  }
}
