import { sql } from 'kysely'
import type { Executor } from '../db/executor'

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function findUserById(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function countRecentFailures(db: Executor, email: string, ip: string, since: Date) {
  const r = await db
    .selectFrom('login_attempts')
    .select([
      sql<string>`count(*) FILTER (WHERE email = ${email})`.as('pair'),
      sql<string>`count(*)`.as('ip'),
    ])
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return { pair: Number(r.pair), ip: Number(r.ip) }
}

export async function recordLoginAttempt(db: Executor, email: string, ip: string, success: boolean) {
  await db.insertInto('login_attempts').values({ email, ip, success }).execute()
}

export async function insertSession(
  db: Executor,
  s: {
    id: string
    userId: string
    orgId: string
    expiresAt: Date
    ip: string | null
    userAgent: string | null
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      org_id: s.orgId,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute()
}

export async function findSessionWithUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.org_id as orgId',
      'users.email',
      'users.name',
      'users.role',
      'users.active',
      'users.locale',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst()
}

export async function touchSession(db: Executor, sessionId: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute()
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

export async function deleteUserSessions(db: Executor, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId)
  await q.execute()
}

export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute()
}

export async function markLogin(db: Executor, userId: string, now: Date) {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute()
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string, now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute()
}

export async function updateLocale(db: Executor, userId: string, locale: string, now: Date) {
  await db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute()
}
