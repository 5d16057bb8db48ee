import { sql } from 'kysely'
import type { TAuditQuery } from '@faena/contracts'
import type { Executor } from '../db/executor'
import { listTotal, pageTotal, withoutTotal } from '../db/page-total'

type AuditFilter = Omit<TAuditQuery, 'limit' | 'offset'>

/** The organization's rows matching the filters; `from`/`to` are calendar days in its time zone. */
function filtered(db: Executor, orgId: string, f: AuditFilter, timeZone: string) {
  let q = db.selectFrom('audit_log').where('org_id', '=', orgId)
  if (f.userId) q = q.where('actor_id', '=', f.userId)
  if (f.module) q = q.where('module', '=', f.module)
  if (f.entityType) q = q.where('entity_type', '=', f.entityType)
  if (f.entityId) q = q.where('entity_id', '=', f.entityId)
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`)
  if (f.from) q = q.where('at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE ${timeZone}`)
  if (f.to) q = q.where('at', '<', sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}`)
  return q
}

/** Audit rows of one organization, newest first; `from`/`to` are calendar days in the organization's time zone. */
export async function listAudit(db: Executor, orgId: string, f: TAuditQuery, timeZone: string) {
  const q = filtered(db, orgId, f, timeZone)
  const count = q.select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await q
    .selectAll()
    .select(listTotal(count))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(rows), total }
}

/** The ids of every row matching the filters, newest first (an export walks them in batches). */
export async function listAuditIds(db: Executor, orgId: string, f: AuditFilter, timeZone: string) {
  const rows = await filtered(db, orgId, f, timeZone)
    .select('id')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => String(r.id))
}

/** One batch of rows by id, in any order. */
export async function findAuditByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
}

/**
 * Changes per user and module over calendar days `start`–`end` of `timeZone` (the weekly digest): every audit
 * row a person wrote, without the sign-ins (`auth.*`), most active first.
 */
export async function countActivityByUserAndModule(
  db: Executor,
  orgId: string,
  p: { start: string; end: string; timeZone: string },
) {
  return db
    .selectFrom('audit_log as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .where('a.org_id', '=', orgId)
    .where('a.at', '>=', sql<Date>`(${p.start}::date)::timestamp AT TIME ZONE ${p.timeZone}`)
    .where('a.at', '<', sql<Date>`(${p.end}::date + 1)::timestamp AT TIME ZONE ${p.timeZone}`)
    .where('a.action', 'not like', 'auth.%')
    .groupBy(['u.id', 'u.name', 'a.module'])
    .select(['u.id as user_id', 'u.name', 'a.module', (eb) => eb.fn.countAll<string>().as('n')])
    .execute()
}
