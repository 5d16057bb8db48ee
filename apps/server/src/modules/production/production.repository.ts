import { sql } from 'kysely'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { TSignature } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on the production module's tables (docs/production.md). */

// ---- day-status catalog ----

export type DayStatusRow = {
  id: string
  code: string
  name: string
  allows_production: boolean
  position: number
  active: boolean
}

export async function listDayStatuses(ex: Executor, orgId: string): Promise<DayStatusRow[]> {
  return ex
    .selectFrom('production_day_statuses')
    .select(['id', 'code', 'name', 'allows_production', 'position', 'active'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('code')
    .execute()
}

/** Inserts the statuses whose code the organization does not have yet (idempotent). */
export async function insertDayStatuses(
  ex: Executor,
  orgId: string,
  items: readonly {
    code: string
    name: string
    allowsProduction: boolean
    position: number
    active: boolean
  }[],
): Promise<void> {
  if (items.length === 0) return
  await ex
    .insertInto('production_day_statuses')
    .values(
      items.map((s) => ({
        org_id: orgId,
        code: s.code,
        name: s.name,
        allows_production: s.allowsProduction,
        position: s.position,
        active: s.active,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
    .execute()
}

export async function updateDayStatus(
  ex: Executor,
  orgId: string,
  id: string,
  v: { name: string; allowsProduction: boolean; position: number; active: boolean },
): Promise<void> {
  await ex
    .updateTable('production_day_statuses')
    .set({
      name: v.name,
      allows_production: v.allowsProduction,
      position: v.position,
      active: v.active,
      updated_at: sql`now()`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

// ---- daily statuses ----

export type DailyStatusRow = {
  work_order_id: string
  site_id: string
  day: string
  day_status_id: string | null
  signature: TSignature | null
  comment: string | null
  /** the superintendent on duty when the day was saved (migration 0026) */
  superintendent_id: string | null
}

export async function listDailyStatuses(
  ex: Executor,
  orgId: string,
  siteId: string,
  from: string,
  to: string,
  workOrderIds: readonly string[],
  opts: { forUpdate?: boolean } = {},
): Promise<DailyStatusRow[]> {
  if (workOrderIds.length === 0) return []
  let q = ex
    .selectFrom('production_daily_statuses')
    .select(['work_order_id', 'site_id', 'day', 'day_status_id', 'signature', 'comment', 'superintendent_id'])
    .where('org_id', '=', orgId)
    .where('site_id', '=', siteId)
    .where('work_order_id', 'in', workOrderIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('work_order_id')
    .orderBy('day')
  if (opts.forUpdate) q = q.forUpdate()
  return q.execute()
}

export async function upsertDailyStatuses(
  ex: Executor,
  orgId: string,
  userId: string | null,
  rows: readonly DailyStatusRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await ex
      .insertInto('production_daily_statuses')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          org_id: orgId,
          work_order_id: r.work_order_id,
          site_id: r.site_id,
          day: r.day,
          day_status_id: r.day_status_id,
          signature: r.signature,
          comment: r.comment,
          superintendent_id: r.superintendent_id,
          updated_by: userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['work_order_id', 'site_id', 'day']).doUpdateSet({
          day_status_id: (eb) => eb.ref('excluded.day_status_id'),
          signature: (eb) => eb.ref('excluded.signature'),
          comment: (eb) => eb.ref('excluded.comment'),
          superintendent_id: (eb) => eb.ref('excluded.superintendent_id'),
          updated_by: (eb) => eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        }),
      )
      .execute()
  }
}

export async function deleteDailyStatuses(
  ex: Executor,
  orgId: string,
  siteId: string,
  keys: readonly { workOrderId: string; day: string }[],
): Promise<void> {
  for (const k of keys) {
    await ex
      .deleteFrom('production_daily_statuses')
      .where('org_id', '=', orgId)
      .where('site_id', '=', siteId)
      .where('work_order_id', '=', k.workOrderId)
      .where('day', '=', k.day)
      .execute()
  }
}

/** Daily statuses of a work order at a site within [from, to], with whether their day status allows production. */
export async function dayFacts(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  from: string,
  to: string,
): Promise<{ day: string; signature: string | null; allows_production: boolean | null }[]> {
  return ex
    .selectFrom('production_daily_statuses as d')
    .leftJoin('production_day_statuses as s', 's.id', 'd.day_status_id')
    .select(['d.day', 'd.signature', 's.allows_production'])
    .where('d.org_id', '=', orgId)
    .where('d.work_order_id', '=', workOrderId)
    .where('d.site_id', '=', siteId)
    .where('d.day', '>=', from)
    .where('d.day', '<=', to)
    .execute()
}

/** `workOrderId|day` of the days with production (either time type) at a site within [from, to]. */
export async function productionDays(
  ex: Executor,
  orgId: string,
  siteId: string,
  workOrderIds: readonly string[],
  from: string,
  to: string,
): Promise<Set<string>> {
  if (workOrderIds.length === 0) return new Set()
  const rows = await ex
    .selectFrom('production_entries')
    .select(['work_order_id', 'day'])
    .distinct()
    .where('org_id', '=', orgId)
    .where('site_id', '=', siteId)
    .where('work_order_id', 'in', workOrderIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute()
  return new Set(rows.map((r) => `${r.work_order_id}|${r.day}`))
}

/** Day statuses by name, for the audit history. */
export const productionReferenceSources: ReferenceSource[] = [
  tableReferenceSource('production_day_statuses', 'name'),
]
