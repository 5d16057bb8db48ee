import type { Executor } from '../db/executor'

/** Every SQL statement on `api_tokens` (docs/feeds.md). */

const columns = [
  't.id',
  't.name',
  't.prefix',
  't.datasets',
  't.created_at',
  't.last_used_at',
  't.revoked_at',
  'u.name as created_by_name',
] as const

export async function insertToken(
  db: Executor,
  row: { orgId: string; name: string; hash: string; prefix: string; datasets: string[]; createdBy: string },
) {
  const { id } = await db
    .insertInto('api_tokens')
    .values({
      org_id: row.orgId,
      name: row.name,
      token_hash: row.hash,
      prefix: row.prefix,
      datasets: row.datasets,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

const base = (db: Executor, orgId: string) =>
  db
    .selectFrom('api_tokens as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .where('t.org_id', '=', orgId)

export async function findToken(db: Executor, orgId: string, id: string) {
  return base(db, orgId).select(columns).where('t.id', '=', id).executeTakeFirst()
}
export type ApiTokenRow = NonNullable<Awaited<ReturnType<typeof findToken>>>

export async function listTokens(db: Executor, orgId: string) {
  return base(db, orgId)
    .select(columns)
    .orderBy('t.revoked_at', 'desc')
    .orderBy('t.created_at', 'desc')
    .execute()
}

export async function revokeToken(db: Executor, orgId: string, id: string, by: string, now: Date) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}

/** The live token with this hash (a revoked one is not found). */
export async function findLiveTokenByHash(db: Executor, hash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'org_id', 'name', 'datasets'])
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

export async function touchToken(db: Executor, id: string, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
}
