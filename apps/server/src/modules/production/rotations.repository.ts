import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'

/** SQL of superintendents and site rotations (docs/production.md#superintendent-rotation). */

export type SuperintendentRow = { id: string; name: string; active: boolean }

export async function listSuperintendents(ex: Executor, orgId: string): Promise<SuperintendentRow[]> {
  return ex
    .selectFrom('production_superintendents')
    .select(['id', 'name', 'active'])
    .where('org_id', '=', orgId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute()
}

export async function findSuperintendent(
  ex: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SuperintendentRow | null> {
  let q = ex
    .selectFrom('production_superintendents')
    .select(['id', 'name', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
  if (opts.forUpdate) q = q.forUpdate()
  return (await q.executeTakeFirst()) ?? null
}

export async function findSuperintendentByName(
  ex: Executor,
  orgId: string,
  name: string,
): Promise<SuperintendentRow | null> {
  return (
    (await ex
      .selectFrom('production_superintendents')
      .select(['id', 'name', 'active'])
      .where('org_id', '=', orgId)
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst()) ?? null
  )
}

export async function insertSuperintendent(ex: Executor, orgId: string, name: string): Promise<string> {
  const row = await ex
    .insertInto('production_superintendents')
    .values({ org_id: orgId, name })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateSuperintendent(
  ex: Executor,
  orgId: string,
  id: string,
  v: { name: string; active: boolean },
): Promise<void> {
  await ex
    .updateTable('production_superintendents')
    .set({ name: v.name, active: v.active, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export type RotationRow = {
  id: string
  site_id: string
  start_date: string
  superintendent_a_id: string
  superintendent_b_id: string
  cycle_days: number
}

/** A site's rotations, oldest start first. */
export async function listRotations(ex: Executor, orgId: string, siteId: string): Promise<RotationRow[]> {
  return ex
    .selectFrom('production_rotations')
    .select(['id', 'site_id', 'start_date', 'superintendent_a_id', 'superintendent_b_id', 'cycle_days'])
    .where('org_id', '=', orgId)
    .where('site_id', '=', siteId)
    .orderBy('start_date')
    .execute()
}

/** Adds the rotation starting on that date, or replaces it; gives back the one it replaced. */
export async function upsertRotation(
  ex: Executor,
  orgId: string,
  v: Omit<RotationRow, 'id'>,
  userId: string | null,
): Promise<RotationRow | null> {
  const old = await ex
    .selectFrom('production_rotations')
    .select(['id', 'site_id', 'start_date', 'superintendent_a_id', 'superintendent_b_id', 'cycle_days'])
    .where('org_id', '=', orgId)
    .where('site_id', '=', v.site_id)
    .where('start_date', '=', v.start_date)
    .forUpdate()
    .executeTakeFirst()
  if (old) {
    await ex
      .updateTable('production_rotations')
      .set({
        superintendent_a_id: v.superintendent_a_id,
        superintendent_b_id: v.superintendent_b_id,
        cycle_days: v.cycle_days,
      })
      .where('id', '=', old.id)
      .execute()
    return old
  }
  await ex
    .insertInto('production_rotations')
    .values({ org_id: orgId, ...v, created_by: userId })
    .execute()
  return null
}

export async function deleteRotation(ex: Executor, orgId: string, id: string): Promise<RotationRow | null> {
  return (
    (await ex
      .deleteFrom('production_rotations')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returning(['id', 'site_id', 'start_date', 'superintendent_a_id', 'superintendent_b_id', 'cycle_days'])
      .executeTakeFirst()) ?? null
  )
}

/** Names of the superintendents stored on daily statuses (by id). */
export async function superintendentNames(
  ex: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await ex
    .selectFrom('production_superintendents')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
