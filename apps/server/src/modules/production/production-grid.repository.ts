import { sql } from 'kysely'
import type { TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** SQL of the production grid: entries, the family's sums, the excess recomputation, versions, exchange rates. */

export type EntryRow = {
  concept_id: string
  day: string
  time_type: TTimeType
  volume: string
  is_excess: boolean
  excess_reason: string | null
}

/** The entries of one work order at one site in [from, to], both time types; volumes without trailing zeros. */
export async function listEntries(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  from: string,
  to: string,
  timeType?: TTimeType,
): Promise<EntryRow[]> {
  let q = ex
    .selectFrom('production_entries')
    .select([
      'concept_id',
      'day',
      'time_type',
      sql<string>`trim_scale(volume)::text`.as('volume'),
      'is_excess',
      'excess_reason',
    ])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
  if (timeType) q = q.where('time_type', '=', timeType)
  return q.execute()
}

/**
 * The entries of one work order at one site in [from, to] as the grid reads them: one row per concept and time
 * type with its cells as one JSON array of [day, volume without trailing zeros, excess, reason] — a month of 300
 * concepts is 300–600 rows to send and parse instead of 9,300.
 */
export async function listGridEntries(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  from: string,
  to: string,
): Promise<
  { concept_id: string; time_type: TTimeType; cells: [string, string, boolean, string | null][] }[]
> {
  return ex
    .selectFrom('production_entries')
    .select([
      'concept_id',
      'time_type',
      sql<[string, string, boolean, string | null][]>`json_agg(json_build_array(day, trim_scale(volume)::text,
        is_excess, excess_reason))`.as('cells'),
    ])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['concept_id', 'time_type'])
    .execute()
}

/** The cells of one work order at one site in [from, to] flagged excess (both time types), by day, TE/CMA. */
export async function listExcessCells(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  from: string,
  to: string,
): Promise<{ concept_id: string; day: string; time_type: TTimeType }[]> {
  return ex
    .selectFrom('production_entries')
    .select(['concept_id', 'day', 'time_type'])
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('site_id', '=', siteId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('is_excess', '=', true)
    .orderBy('day')
    .orderBy(sql`time_type COLLATE "C"`)
    .execute()
}

/**
 * Per concept: the family's volume before `from` and within [from, to], every site and time type, and `mine`:
 * the volume of one work order at one site within [from, to] (both time types); without trailing zeros.
 */
export async function familySums(
  ex: Executor,
  orgId: string,
  familyId: string,
  from: string,
  to: string,
  at: { workOrderId: string; siteId: string },
): Promise<Map<string, { before: string; within: string; mine: string }>> {
  const rows = await ex
    .selectFrom('production_entries')
    .select([
      'concept_id',
      sql<string>`trim_scale(coalesce(sum(volume) FILTER (WHERE day < ${from}), 0))::text`.as('before'),
      sql<string>`trim_scale(coalesce(sum(volume) FILTER (WHERE day >= ${from}), 0))::text`.as('within'),
      sql<string>`trim_scale(coalesce(sum(volume) FILTER (WHERE day >= ${from} AND work_order_id = ${at.workOrderId}
        AND site_id = ${at.siteId}), 0))::text`.as('mine'),
    ])
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .where('day', '<=', to)
    .groupBy('concept_id')
    .execute()
  return new Map(rows.map((r) => [r.concept_id, { before: r.before, within: r.within, mine: r.mine }]))
}

type EntryKey = { orgId: string; familyId: string; workOrderId: string; siteId: string; timeType: TTimeType }

/**
 * Writes the volumes of many entries of one grid and the excess flags of the concepts they touch, in one
 * statement (docs/production.md#excess). The running total is per concept, so only the concepts whose volumes
 * changed (`touched`, with their authorized volume and the first day that changed; deletions already done) can
 * flip, and only from that day on: the family's production of the concept before that day is summed, not
 * sorted; from that day on the running total runs over the family's stored entries with this grid's new volumes
 * in place. The grid's entries are inserted or updated with their flag already set (no second write), and the
 * family's other entries get their flag only where it flips. The rows travel as one jsonb parameter (thousands
 * of bound parameters are slow to send, on PGlite most of all).
 */
export async function writeEntriesWithExcess(
  ex: Executor,
  key: EntryKey,
  userId: string | null,
  rows: readonly { conceptId: string; day: string; volume: string }[],
  touched: readonly { conceptId: string; volume: string; from: string }[],
): Promise<void> {
  if (touched.length === 0) return
  await writeEntriesWithExcessSql(key, userId, rows, touched).execute(ex)
}

/** The statement of `writeEntriesWithExcess` (the benchmark explains it). */
export function writeEntriesWithExcessSql(
  key: EntryKey,
  userId: string | null,
  rows: readonly { conceptId: string; day: string; volume: string }[],
  touched: readonly { conceptId: string; volume: string; from: string }[],
) {
  const ids = touched.map((t) => t.conceptId)
  // per concept, the first day whose running total can change (an object looked up per row, not a table to join)
  const from = JSON.stringify(Object.fromEntries(touched.map((t) => [t.conceptId, t.from])))
  // the earliest of them also as a plain bound, which the family index can check without reading the rows
  const earliest = touched.reduce((m, t) => (t.from < m ? t.from : m), touched[0]!.from)
  return sql`
    WITH cells AS (
      SELECT r."conceptId" AS concept_id, r.day, r.volume
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("conceptId" uuid, day date, volume numeric)
    ),
    fam AS (
      SELECT 'before'::text AS kind, NULL::uuid AS work_order_id, NULL::uuid AS site_id, NULL::text AS time_type,
        '-infinity'::date AS day, e.concept_id, sum(e.volume) AS volume, NULL::boolean AS was
      FROM production_entries e
      WHERE e.org_id = ${key.orgId} AND e.family_id = ${key.familyId} AND e.concept_id = ANY(${ids}::uuid[])
        AND e.day < (${from}::jsonb ->> e.concept_id::text)::date
      GROUP BY e.concept_id
      UNION ALL
      SELECT 'stored', e.work_order_id, e.site_id, e.time_type, e.day, e.concept_id, e.volume, e.is_excess
      FROM production_entries e
      WHERE e.org_id = ${key.orgId} AND e.family_id = ${key.familyId} AND e.concept_id = ANY(${ids}::uuid[])
        AND e.day >= ${earliest}::date AND e.day >= (${from}::jsonb ->> e.concept_id::text)::date
        AND NOT (e.work_order_id = ${key.workOrderId} AND e.site_id = ${key.siteId} AND e.time_type = ${key.timeType}
          AND EXISTS (SELECT 1 FROM cells c WHERE c.concept_id = e.concept_id AND c.day = e.day))
      UNION ALL
      SELECT 'written', ${key.workOrderId}::uuid, ${key.siteId}::uuid, ${key.timeType}::text, c.day, c.concept_id,
        c.volume, NULL
      FROM cells c
    ),
    run AS MATERIALIZED (
      SELECT fam.kind, fam.work_order_id, fam.site_id, fam.time_type, fam.day, fam.concept_id, fam.volume, fam.was,
        ${runningTotalPassesAuthorized('fam', touched)} AS excess
      FROM fam
    ),
    written AS (
      INSERT INTO production_entries
        (org_id, family_id, work_order_id, site_id, concept_id, day, time_type, volume, is_excess, updated_by)
      SELECT ${key.orgId}, ${key.familyId}, ${key.workOrderId}, ${key.siteId}, run.concept_id, run.day,
        ${key.timeType}, run.volume, run.excess, ${userId}
      FROM run WHERE run.kind = 'written'
      ON CONFLICT (work_order_id, site_id, time_type, day, concept_id)
        DO UPDATE SET volume = excluded.volume, is_excess = excluded.is_excess, updated_by = excluded.updated_by,
          updated_at = now()
    )
    UPDATE production_entries p SET is_excess = run.excess
    FROM run
    WHERE run.kind = 'stored' AND run.excess <> run.was
      AND p.work_order_id = run.work_order_id AND p.site_id = run.site_id AND p.time_type = run.time_type
      AND p.day = run.day AND p.concept_id = run.concept_id
  `
}

/**
 * Whether the running total of the concept of the rows of `alias` passes its authorized volume (0 for a concept
 * not in `authorized`): the authorizations travel as one jsonb object looked up per row, not as a table to join
 * (a join's estimate made the planner loop over every pair).
 */
function runningTotalPassesAuthorized(
  alias: string,
  authorized: readonly { conceptId: string; volume: string }[],
) {
  const auth = JSON.stringify(Object.fromEntries(authorized.map((a) => [a.conceptId, a.volume])))
  const t = sql.ref(alias)
  return sql`sum(${t}.volume) OVER (
      PARTITION BY ${t}.concept_id
      ORDER BY ${t}.day, ${t}.time_type DESC, ${t}.site_id, ${t}.work_order_id
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) > coalesce((${auth}::jsonb ->> ${t}.concept_id::text)::numeric, 0)`
}

export async function deleteEntries(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  siteId: string,
  timeType: TTimeType,
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
  await recomputeExcessSql(orgId, familyId, authorized).execute(ex)
}

/** The statement of `recomputeExcess` (the benchmark explains it). */
export function recomputeExcessSql(
  orgId: string,
  familyId: string,
  authorized: readonly { conceptId: string; volume: string }[],
) {
  return sql`
    WITH run AS (
      SELECT e.work_order_id, e.site_id, e.time_type, e.day, e.concept_id, e.is_excess AS was,
        ${runningTotalPassesAuthorized('e', authorized)} AS excess
      FROM production_entries e
      WHERE e.org_id = ${orgId} AND e.family_id = ${familyId}
    ),
    flips AS MATERIALIZED (SELECT * FROM run WHERE run.excess <> run.was)
    UPDATE production_entries p SET is_excess = flips.excess
    FROM flips
    WHERE p.work_order_id = flips.work_order_id AND p.site_id = flips.site_id AND p.time_type = flips.time_type
      AND p.day = flips.day AND p.concept_id = flips.concept_id
  `
}

/**
 * For the rest of a save's transaction: no JIT compilation (on by default on PostgreSQL; the save's statements
 * run once and a compilation costs more than it saves) and room to sort a large family in memory.
 */
export async function setSaveSettings(ex: Executor): Promise<void> {
  await sql`SET LOCAL jit = off`.execute(ex)
  await sql`SET LOCAL work_mem = '32MB'`.execute(ex)
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
  key: { workOrderId: string; siteId: string; month: string; timeType: TTimeType },
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
  key: { workOrderId: string; siteId: string; month: string; timeType: TTimeType },
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
  cell: { workOrderId: string; siteId: string; conceptId: string; day: string; timeType: TTimeType },
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
  cell: { workOrderId: string; siteId: string; conceptId: string; day: string; timeType: TTimeType },
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
