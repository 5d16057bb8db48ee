import crypto from 'node:crypto'
import type { TMe, TRole } from '@faena/contracts'
import { ROLE_PERMISSIONS, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import type { Db } from '../db/executor'
import { AppError } from '../errors'
import { findOrganizationById } from '../tenancy/organizations'
import * as repo from './auth.repository'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password'

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
const TOUCH_AFTER_MS = 60 * 1000
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 10
const MAX_FAILURES_PER_IP = 50

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null }
export type AuthService = ReturnType<typeof createAuthService>

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

export function createAuthService({ db, clock }: { db: Db; clock: () => Date }) {
  async function me(actor: Actor): Promise<TMe> {
    const user = await repo.findUserById(db, actor.orgId, actor.userId)
    const org = await findOrganizationById(db, actor.orgId)
    if (!user || !org) throw new AppError('UNAUTHENTICATED', 'Sesión no válida')
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role as TRole,
        locale: user.locale as 'es' | 'en',
      },
      organization: org,
      permissions: [...ROLE_PERMISSIONS[user.role as TRole]],
    }
  }

  /** Checks the password; on success opens a session and returns its token (only the hash is stored). */
  async function login(email: string, password: string, meta: RequestMeta) {
    const ip = meta.ip ?? 'unknown'
    const now = clock()
    const failures = await repo.countRecentFailures(db, email, ip, new Date(now.getTime() - LOGIN_WINDOW_MS))
    if (failures.pair >= MAX_FAILURES_PER_ACCOUNT_AND_IP || failures.ip >= MAX_FAILURES_PER_IP) {
      throw new AppError(
        'RATE_LIMITED',
        'Demasiados intentos fallidos; espera 15 minutos e inténtalo de nuevo',
      )
    }
    const user = await repo.findUserByEmail(db, email)
    const ok = user
      ? await verifyPassword(user.password_hash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false)
    if (!user || !ok || !user.active) {
      await db.transaction().execute(async (trx) => {
        await repo.recordLoginAttempt(trx, email, ip, false)
        await writeAudit(
          trx,
          { orgId: user?.org_id ?? null, ...meta },
          {
            action: 'auth.login_failed',
            module: 'auth',
            entityType: 'user',
            entityId: user?.id ?? null,
            data: { email, reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive_user' },
          },
        )
      })
      throw new AppError('UNAUTHENTICATED', 'Correo o contraseña incorrectos')
    }
    const token = crypto.randomBytes(32).toString('base64url')
    await db.transaction().execute(async (trx) => {
      await repo.recordLoginAttempt(trx, email, ip, true)
      await repo.insertSession(trx, {
        id: hashToken(token),
        userId: user.id,
        orgId: user.org_id,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
        ip: meta.ip,
        userAgent: meta.userAgent,
      })
      await repo.markLogin(trx, user.id, now)
      await writeAudit(
        trx,
        { orgId: user.org_id, userId: user.id, email: user.email, role: user.role as TRole, ...meta },
        { action: 'auth.login', module: 'auth', entityType: 'user', entityId: user.id },
      )
    })
    return { token, userId: user.id, orgId: user.org_id }
  }

  /** Resolves a session token to the caller, sliding the idle expiry. Undefined when invalid or expired. */
  async function authenticate(token: string, meta: RequestMeta): Promise<Actor | undefined> {
    const id = hashToken(token)
    const s = await repo.findSessionWithUser(db, id)
    if (!s) return undefined
    const now = clock()
    if (s.expiresAt.getTime() <= now.getTime() || !s.active) {
      await repo.deleteSession(db, id)
      return undefined
    }
    if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await repo.touchSession(db, id, now, new Date(now.getTime() + SESSION_IDLE_MS))
    }
    return { userId: s.userId, orgId: s.orgId, email: s.email, role: s.role as TRole, ...meta }
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
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sesión no válida')
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('VALIDATION', 'La contraseña actual no es correcta', [
        { path: 'currentPassword', message: 'La contraseña actual no es correcta' },
      ])
    }
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION', 'La nueva contraseña debe ser distinta', [
        { path: 'newPassword', message: 'La nueva contraseña debe ser distinta de la actual' },
      ])
    }
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
