import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'

/** SQL of the production grid: entries, the family's sums, the excess recomputation, versions, exchange rates. */

export type EntryRow = {
  concept_id: string
  day: string
  time_type: string
  volume: string
  is_excess: boolean
  excess_reason: string | null
}

/** The entries of one work order at one site in [from, to], both time types. */
export async function listEntries(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  from: string,
  to: string,
  timeType?: string,
): Promise<EntryRow[]> {
  let q = ex
    .selectFrom('production_entries')
    .select(['concept_id', 'day', 'time_type', 'volume', 'is_excess', 'excess_reason'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
  if (timeType) q = q.where('time_type', '=', timeType)
  return q.execute()
}

/** Per concept: the family's volume before `from` and within [from, to], every site and time type. */
export async function familySums(
  ex: Executor,
  orgId: string,
  familyId: string,
  from: string,
  to: string,
): Promise<Map<string, { before: string; within: string }>> {
  const rows = await ex
    .selectFrom('production_entries')
    .select([
      'concept_id',
      sql<string>`coalesce(sum(volume) FILTER (WHERE day < ${from}), 0)::text`.as('before'),
      sql<string>`coalesce(sum(volume) FILTER (WHERE day >= ${from} AND day <= ${to}), 0)::text`.as('within'),
    ])
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .where('day', '<=', to)
    .groupBy('concept_id')
    .execute()
  return new Map(rows.map((r) => [r.concept_id, { before: r.before, within: r.within }]))
}

/**
 * Writes the volumes of many entries in one statement: the rows travel as one jsonb parameter (thousands of
 * bound parameters are slow to send, on PGlite most of all).
 */
export async function upsertEntries(
  ex: Executor,
  key: { orgId: string; familyId: string; workOrderId: string; siteId: string; timeType: string },
  userId: string | null,
  rows: readonly { conceptId: string; day: string; volume: string }[],
): Promise<void> {
  if (rows.length === 0) return
  await sql`
    INSERT INTO production_entries
      (org_id, family_id, work_order_id, site_id, concept_id, day, time_type, volume, updated_by)
    SELECT ${key.orgId}, ${key.familyId}, ${key.workOrderId}, ${key.siteId}, r."conceptId", r.day, ${key.timeType},
      r.volume, ${userId}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("conceptId" uuid, day date, volume numeric)
    ON CONFLICT (work_order_id, site_id, time_type, day, concept_id)
      DO UPDATE SET volume = excluded.volume, updated_by = excluded.updated_by, updated_at = now()
  `.execute(ex)
}

export async function deleteEntries(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  timeType: string,
  keys: readonly { conceptId: string; day: string }[],
): Promise<void> {
  if (keys.length === 0) return
  await sql`
    DELETE FROM production_entries p
    USING jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k("conceptId" uuid, day date)
    WHERE p.org_id = ${orgId} AND p.work_order_id = ${workOrderId} AND p.site_id = ${siteId}
      AND p.time_type = ${timeType} AND p.concept_id = k."conceptId" AND p.day = k.day
  `.execute(ex)
}

/**
 * The excess flag of every entry of a family, in one statement (docs/production.md#excess): per concept, the
 * running total of the family's production (every site and time type) in date order, TE before CMA on one
 * day, then by site; an entry is excess where that running total passes the authorized volume (0 for a
 * concept the family no longer authorizes). Only the flags that change are written.
 */
export async function recomputeExcess(
  ex: Executor,
  orgId: string,
  familyId: string,
  authorized: readonly { conceptId: string; volume: string }[],
): Promise<void> {
  await sql`
    WITH auth AS (
      SELECT a."conceptId" AS concept_id, a.volume
      FROM jsonb_to_recordset(${JSON.stringify(authorized)}::jsonb) AS a("conceptId" uuid, volume numeric)
    ),
    run AS (
      SELECT e.work_order_id, e.site_id, e.time_type, e.day, e.concept_id,
        sum(e.volume) OVER (
          PARTITION BY e.concept_id
          ORDER BY e.day, e.time_type DESC, e.site_id, e.work_order_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) > coalesce(auth.volume, 0) AS excess
      FROM production_entries e LEFT JOIN auth ON auth.concept_id = e.concept_id
      WHERE e.org_id = ${orgId} AND e.family_id = ${familyId}
    )
    UPDATE production_entries p SET is_excess = run.excess
    FROM run
    WHERE p.work_order_id = run.work_order_id AND p.site_id = run.site_id AND p.time_type = run.time_type
      AND p.day = run.day AND p.concept_id = run.concept_id AND p.is_excess <> run.excess
  `.execute(ex)
}

/** The family's excess basis row, locked (created when missing): serializes the family's saves. */
export async function lockFamilyBasis(ex: Executor, orgId: string, familyId: string): Promise<string> {
  await ex
    .insertInto('production_excess_basis')
    .values({ org_id: orgId, family_id: familyId, basis: '' })
    .onConflict((oc) => oc.column('family_id').doNothing())
    .execute()
  const r = await ex
    .selectFrom('production_excess_basis')
    .select('basis')
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return r.basis
}

export async function getFamilyBasis(ex: Executor, orgId: string, familyId: string): Promise<string | null> {
  const r = await ex
    .selectFrom('production_excess_basis')
    .select('basis')
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .executeTakeFirst()
  return r?.basis ?? null
}

export async function setFamilyBasis(
  ex: Executor,
  orgId: string,
  familyId: string,
  basis: string,
): Promise<void> {
  await ex
    .updateTable('production_excess_basis')
    .set({ basis, recomputed_at: sql`now()` })
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .execute()
}

export type VersionRow = { version: number; saved_by: string | null; saved_at: Date; last_changes: unknown[] }

export async function getVersion(
  ex: Executor,
  orgId: string,
  key: { workOrderId: string; siteId: string; month: string; timeType: string },
  opts: { forUpdate?: boolean } = {},
): Promise<VersionRow | undefined> {
  let q = ex
    .selectFrom('production_grid_versions')
    .select(['version', 'saved_by', 'saved_at', 'last_changes'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', key.workOrderId)
    .where('site_id', '=', key.siteId)
    .where('month', '=', key.month)
    .where('time_type', '=', key.timeType)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function writeVersion(
  ex: Executor,
  orgId: string,
  key: { workOrderId: string; siteId: string; month: string; timeType: string },
  version: number,
  userId: string | null,
  changes: unknown[],
): Promise<void> {
  await ex
    .insertInto('production_grid_versions')
    .values({
      org_id: orgId,
      work_order_id: key.workOrderId,
      site_id: key.siteId,
      month: key.month,
      time_type: key.timeType,
      version,
      saved_by: userId,
      last_changes: JSON.stringify(changes),
    })
    .onConflict((oc) =>
      oc.columns(['work_order_id', 'site_id', 'month', 'time_type']).doUpdateSet({
        version,
        saved_by: userId,
        saved_at: sql`now()`,
        last_changes: JSON.stringify(changes),
      }),
    )
    .execute()
}

// ---- reason for an excess ----

/** The entry of one cell, locked; undefined when the cell has no production. */
export async function lockEntry(
  ex: Executor,
  orgId: string,
  cell: { workOrderId: string; siteId: string; conceptId: string; day: string; timeType: string },
) {
  return ex
    .selectFrom('production_entries')
    .select(['volume', 'is_excess', 'excess_reason'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', cell.workOrderId)
    .where('site_id', '=', cell.siteId)
    .where('concept_id', '=', cell.conceptId)
    .where('day', '=', cell.day)
    .where('time_type', '=', cell.timeType)
    .forUpdate()
    .executeTakeFirst()
}

export async function setExcessReason(
  ex: Executor,
  orgId: string,
  cell: { workOrderId: string; siteId: string; conceptId: string; day: string; timeType: string },
  reason: string | null,
  userId: string | null,
): Promise<void> {
  await ex
    .updateTable('production_entries')
    .set({
      excess_reason: reason,
      excess_reason_by: reason === null ? null : userId,
      excess_reason_at: reason === null ? null : new Date(),
    })
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', cell.workOrderId)
    .where('site_id', '=', cell.siteId)
    .where('concept_id', '=', cell.conceptId)
    .where('day', '=', cell.day)
    .where('time_type', '=', cell.timeType)
    .execute()
}

// ---- exchange rates ----

export async function listRates(ex: Executor, orgId: string, limit: number, offset: number) {
  return ex
    .selectFrom('exchange_rates')
    .select(['valid_from', 'rate', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('valid_from', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countRates(ex: Executor, orgId: string): Promise<number> {
  const r = await ex
    .selectFrom('exchange_rates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Deletes the rate in force from that date; its old value, or null when there was none. */
export async function deleteRate(ex: Executor, orgId: string, validFrom: string): Promise<string | null> {
  const r = await ex
    .deleteFrom('exchange_rates')
    .where('org_id', '=', orgId)
    .where('valid_from', '=', validFrom)
    .returning('rate')
    .executeTakeFirst()
  return r?.rate ?? null
}

export async function rateOn(ex: Executor, orgId: string, date: string) {
  return ex
    .selectFrom('exchange_rates')
    .select(['valid_from', 'rate'])
    .where('org_id', '=', orgId)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function upsertRate(
  ex: Executor,
  orgId: string,
  validFrom: string,
  rate: string,
  userId: string | null,
): Promise<string | null> {
  const old = await ex
    .selectFrom('exchange_rates')
    .select('rate')
    .where('org_id', '=', orgId)
    .where('valid_from', '=', validFrom)
    .forUpdate()
    .executeTakeFirst()
  await ex
    .insertInto('exchange_rates')
    .values({ org_id: orgId, valid_from: validFrom, rate, created_by: userId })
    .onConflict((oc) => oc.columns(['org_id', 'valid_from']).doUpdateSet({ rate, created_by: userId }))
    .execute()
  return old?.rate ?? null
}
