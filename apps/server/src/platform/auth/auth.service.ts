import crypto from 'node:crypto'
import type { TMe } from '@faena/contracts'
import { ROLE_PERMISSIONS, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import type { Db } from '../db/executor'
import { runInAnyState } from '../db/org-scope'
import { AppError, fieldError } from '../errors'
import { authMessages as M } from './auth.messages'
import { findOrganizationById } from '../tenancy/organizations'
import * as repo from './auth.repository'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password'
import { assertStrongPassword } from './password-policy'

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
const TOUCH_AFTER_MS = 60 * 1000
/** Sign-in limits (docs/platform.md#sign-in-limits). */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 10
export const MAX_FAILURES_PER_IP = 50
export const MAX_PASSWORD_CHANGE_FAILURES = 10
/** How long a browser that signed in is remembered (its device cookie exempts it from the per-IP limit). */
export const DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null }
export type AuthService = ReturnType<typeof createAuthService>
export type LoginOptions = { organization?: string | undefined; deviceToken?: string | undefined }

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')
const rateLimited = () => new AppError('RATE_LIMITED', M.tooManyAttempts())

export function createAuthService({ db, clock }: { db: Db; clock: () => Date }) {
  async function me(actor: Actor): Promise<TMe> {
    const user = await repo.findUserById(db, actor.orgId, actor.userId)
    const org = await findOrganizationById(db, actor.orgId)
    if (!user || !org) throw new AppError('UNAUTHENTICATED', M.invalidSession())
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
      },
      organization: org,
      permissions: [...ROLE_PERMISSIONS[user.role]],
    }
  }

  /**
   * Counts the attempt against every limit key BEFORE the password is checked (one atomic upsert per
   * key), so parallel guesses each take a number and those past the limit are refused unchecked.
   * Returns the keys to release when the password turns out right.
   */
  async function countAttempt(keys: { key: string; max: number }[], now: Date) {
    const counted: string[] = []
    let over = false
    for (const { key, max } of keys) {
      const n = await repo.hitThrottle(db, key, now, LOGIN_WINDOW_MS)
      counted.push(key)
      if (n > max) over = true
    }
    if (over) throw rateLimited()
    return counted
  }

  /**
   * Checks the password; on success opens a session and returns its token (only the hash is stored).
   * An e-mail is unique within an organization: when it has accounts in several, the password picks
   * the account, and `organization` (slug) picks one when the password fits more than one.
   */
  async function login(email: string, password: string, meta: RequestMeta, opts: LoginOptions = {}) {
    const ip = meta.ip ?? 'unknown'
    const now = clock()
    const knownDevice = opts.deviceToken
      ? await repo.isKnownDevice(db, hashToken(opts.deviceToken), email, now)
      : false
    const limits = [{ key: `login:account:${email}|${ip}`, max: MAX_FAILURES_PER_ACCOUNT_AND_IP }]
    // A browser that signed in with this e-mail before is not held back by failures of others
    // (e.g. guesses at unknown e-mails) from the same address.
    if (!knownDevice) limits.push({ key: `login:ip:${ip}`, max: MAX_FAILURES_PER_IP })
    const counted = await countAttempt(limits, now)

    const candidates = (await repo.findUsersByEmail(db, email)).filter(
      (u) => !opts.organization || u.orgSlug === opts.organization,
    )
    const matches = []
    for (const u of candidates) if (await verifyPassword(u.password_hash, password)) matches.push(u)
    if (candidates.length === 0) await verifyPassword(await dummyPasswordHash(), password)
    const user = matches.length === 1 ? matches[0] : undefined
    if (matches.length > 1) {
      await repo.releaseThrottle(db, counted)
      throw new AppError('CONFLICT', M.emailInSeveralOrgs(), [
        fieldError('organization', M.organizationRequired()),
      ])
    }
    if (!user || !user.active) {
      const known = candidates.length === 1 ? candidates[0] : undefined
      await db.transaction().execute(async (trx) => {
        await repo.recordLoginAttempt(trx, email, ip, false)
        await writeAudit(
          trx,
          { orgId: known?.org_id ?? null, ...meta },
          {
            action: 'auth.login_failed',
            module: 'auth',
            entityType: 'user',
            entityId: known?.id ?? null,
            data: {
              email,
              reason: candidates.length === 0 ? 'unknown_email' : !user ? 'wrong_password' : 'inactive_user',
            },
          },
        )
      })
      throw new AppError('UNAUTHENTICATED', M.wrongCredentials())
    }
    const token = crypto.randomBytes(32).toString('base64url')
    const deviceToken = knownDevice ? undefined : crypto.randomBytes(32).toString('base64url')
    await db.transaction().execute(async (trx) => {
      await repo.releaseThrottle(trx, counted)
      await repo.recordLoginAttempt(trx, email, ip, true)
      await repo.insertSession(trx, {
        id: hashToken(token),
        userId: user.id,
        orgId: user.org_id,
        now,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
        ip: meta.ip,
        userAgent: meta.userAgent,
      })
      if (deviceToken)
        await repo.insertDevice(trx, hashToken(deviceToken), email, new Date(now.getTime() + DEVICE_TTL_MS))
      await repo.markLogin(trx, user.id, now)
      await writeAudit(
        trx,
        { orgId: user.org_id, userId: user.id, email: user.email, role: user.role, ...meta },
        { action: 'auth.login', module: 'auth', entityType: 'user', entityId: user.id },
      )
    })
    // house-keeping: counters of past windows and expired devices
    await repo.deleteStaleThrottles(db, new Date(now.getTime() - 2 * LOGIN_WINDOW_MS))
    await repo.deleteExpiredDevices(db, now)
    return { token, userId: user.id, orgId: user.org_id, email: user.email, deviceToken }
  }

  /**
   * Resolves a session token to the caller, sliding the idle expiry. Undefined when invalid or expired.
   * `renewedUntil` is set when the expiry moved, so the cookie's Max-Age can move with it.
   */
  async function authenticate(
    token: string,
    meta: RequestMeta,
  ): Promise<{ actor: Actor; renewedUntil: Date | undefined } | undefined> {
    const id = hashToken(token)
    // no switch of the pooled connection: the look-up reads the same row in any state (migration 0045)
    const s = await runInAnyState(() => repo.findSessionWithUser(db, id))
    if (!s) return undefined
    const now = clock()
    if (s.expiresAt.getTime() <= now.getTime() || !s.active) {
      await repo.deleteSession(db, id)
      return undefined
    }
    let renewedUntil: Date | undefined
    if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      renewedUntil = new Date(now.getTime() + SESSION_IDLE_MS)
      await repo.touchSession(db, id, now, renewedUntil)
    }
    return {
      actor: {
        userId: s.userId,
        orgId: s.orgId,
        email: s.email,
        role: s.role,
        lang: s.locale === 'en' ? 'en' : 'es',
        ...meta,
      },
      renewedUntil,
    }
  }

  async function logout(actor: Actor, token: string) {
    await db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, hashToken(token))
      await writeAudit(trx, actor, {
        action: 'auth.logout',
        module: 'auth',
        entityType: 'user',
        entityId: actor.userId,
      })
    })
  }

  async function changePassword(actor: Actor, token: string, currentPassword: string, newPassword: string) {
    const user = await repo.findUserById(db, actor.orgId, actor.userId)
    if (!user) throw new AppError('UNAUTHENTICATED', M.invalidSession())
    // Same limit as sign-in, per account: a stolen session cannot guess the password either.
    const counted = await countAttempt(
      [{ key: `password:${user.id}`, max: MAX_PASSWORD_CHANGE_FAILURES }],
      clock(),
    )
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      await db.transaction().execute((trx) =>
        writeAudit(trx, actor, {
          action: 'auth.password_change_failed',
          module: 'auth',
          entityType: 'user',
          entityId: user.id,
          data: { reason: 'wrong_current_password' },
        }),
      )
      throw new AppError('VALIDATION', M.wrongCurrentPassword(), [
        fieldError('currentPassword', M.wrongCurrentPassword()),
      ])
    }
    await repo.releaseThrottle(db, counted)
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION', M.samePassword(), [fieldError('newPassword', M.samePasswordField())])
    }
    await assertStrongPassword('newPassword', newPassword, {
      locale: user.locale,
      userInputs: [user.email, user.name],
    })
    const passwordHash = await hashPassword(newPassword)
    await db.transaction().execute(async (trx) => {
      await repo.updatePasswordHash(trx, user.id, passwordHash, clock())
      // Other sessions of this user end; this one stays.
      await repo.deleteUserSessions(trx, user.id, hashToken(token))
      await writeAudit(trx, actor, {
        action: 'auth.password_changed',
        module: 'auth',
        entityType: 'user',
        entityId: user.id,
      })
    })
  }

  async function setLocale(actor: Actor, locale: 'es' | 'en') {
    await db.transaction().execute(async (trx) => {
      const user = await repo.findUserById(trx, actor.orgId, actor.userId)
      await repo.updateLocale(trx, actor.userId, locale, clock())
      await writeAudit(trx, actor, {
        action: 'user.preferences_changed',
        module: 'auth',
        entityType: 'user',
        entityId: actor.userId,
        changes: [{ field: 'locale', old: user?.locale ?? null, new: locale }],
      })
    })
  }

  return { me, login, authenticate, logout, changePassword, setLocale }
}
