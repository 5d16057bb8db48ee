import { sql, type Selectable } from 'kysely'
import type { Executor } from '../db/executor'
import type { UsersTable } from '../db/tables'

/** The user with this e-mail in the organization (an e-mail is unique within an organization). */
export async function findUserByEmail(db: Executor, orgId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst()
}

/** Every user with this e-mail, in any organization, with the organization's slug (sign-in). */
export async function findUsersByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.org_id')
    .selectAll('users')
    .select('organizations.slug as orgSlug')
    .where('users.email', '=', email)
    .orderBy('users.created_at')
    .limit(20)
    .execute()
}

export async function findUserById(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Counts one attempt against a limit key, atomically (one upsert: parallel attempts each get their own
 * number), and returns the count in the current window. A window older than `windowMs` starts over.
 */
export async function hitThrottle(db: Executor, key: string, now: Date, windowMs: number) {
  const cutoff = new Date(now.getTime() - windowMs)
  const r = await sql<{ failures: number }>`
    INSERT INTO auth_throttle AS t (key, window_start, failures) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN t.window_start <= ${cutoff} THEN ${now} ELSE t.window_start END,
      failures = CASE WHEN t.window_start <= ${cutoff} THEN 1 ELSE t.failures + 1 END
    RETURNING failures`.execute(db)
  return Number(r.rows[0]?.failures ?? 0)
}

/** Gives back the attempts counted by `hitThrottle` once they turned out to be right. */
export async function releaseThrottle(db: Executor, keys: readonly string[]) {
  if (keys.length === 0) return
  await db
    .updateTable('auth_throttle')
    .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
    .where('key', 'in', [...keys])
    .execute()
}

export async function deleteStaleThrottles(db: Executor, before: Date) {
  await db.deleteFrom('auth_throttle').where('window_start', '<', before).execute()
}

/** Is this device cookie (its hash) one that signed in with this e-mail before and has not expired? */
export async function isKnownDevice(db: Executor, deviceId: string, email: string, now: Date) {
  const r = await db
    .selectFrom('auth_devices')
    .select('id')
    .where('id', '=', deviceId)
    .where('email', '=', email)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Boolean(r)
}

export async function insertDevice(db: Executor, deviceId: string, email: string, expiresAt: Date) {
  await db.insertInto('auth_devices').values({ id: deviceId, email, expires_at: expiresAt }).execute()
}

export async function deleteExpiredDevices(db: Executor, now: Date) {
  await db.deleteFrom('auth_devices').where('expires_at', '<', now).execute()
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
    /** the service's clock (the idle expiry slides from it) */
    now: Date
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
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute()
}

/**
 * A session and its user by the session id (the token's hash), through the `SECURITY DEFINER` function of
 * migration 0045: the same row whatever role and organization the connection is in, so the auth service
 * runs it in `runInAnyState` (no switch of the pooled connection; docs/platform.md#row-level-security).
 */
export async function findSessionWithUser(db: Executor, sessionId: string) {
  const { rows } = await sql<{
    sessionId: string
    expiresAt: Date
    lastSeenAt: Date
    userId: string
    orgId: string
    email: string
    name: string
    role: Selectable<UsersTable>['role']
    active: boolean
    locale: Selectable<UsersTable>['locale']
  }>`SELECT session_id AS "sessionId", expires_at AS "expiresAt", last_seen_at AS "lastSeenAt",
      user_id AS "userId", org_id AS "orgId", email, name, role, active, locale
    FROM faena_session_user(${sessionId})`.execute(db)
  return rows[0]
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

export async function updateLocale(db: Executor, userId: string, locale: 'es' | 'en', now: Date) {
  await db.updateTable('users').set({ locale, updated_at: now }).where('id', '=', userId).execute()
}
