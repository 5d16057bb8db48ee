import type {
  TCreateUserRequest,
  TUpdateUserRequest,
  TUser,
  TUserListQuery,
  TUserOptionList,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../access'
import { diffFields, writeAudit } from '../audit/audit'
import type { Db, Executor } from '../db/executor'
import { AppError, fieldError } from '../errors'
import { authMessages as M } from './auth.messages'
import { deleteUserSessions, findUserByEmail, findUserById } from './auth.repository'
import { hashPassword } from './password'
import { assertStrongPassword } from './password-policy'
import * as repo from './users.repository'

type UserRow = Awaited<ReturnType<typeof repo.insertUser>>
const toUser = (r: UserRow): TUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  locale: r.locale,
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
})

export type UsersService = ReturnType<typeof createUsersService>

/**
 * Inserts a user (used by the admin screen, the CLI and the demo seed). An e-mail is unique within the
 * organization only, so another organization's accounts are neither seen nor revealed here; a weak
 * password is refused in the language of the caller.
 */
export async function createUserRecord(
  trx: Executor,
  actor: Actor,
  input: TCreateUserRequest,
  /** A hash of `input.password` whose strength the caller already checked (the demo seed: one for all). */
  prepared?: { passwordHash: string },
): Promise<TUser> {
  const locale = (await findUserById(trx, actor.orgId, actor.userId))?.locale === 'en' ? 'en' : 'es'
  if (!prepared) {
    await assertStrongPassword('password', input.password, { locale, userInputs: [input.email, input.name] })
  }
  if (await findUserByEmail(trx, actor.orgId, input.email)) {
    throw new AppError('CONFLICT', M.emailTaken(), [fieldError('email', M.emailTaken())])
  }
  const row = await repo.insertUser(trx, {
    orgId: actor.orgId,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: prepared?.passwordHash ?? (await hashPassword(input.password)),
  })
  await writeAudit(trx, actor, {
    action: 'user.created',
    module: 'users',
    entityType: 'user',
    entityId: row.id,
    changes: diffFields(null, { email: row.email, name: row.name, role: row.role, active: row.active }),
  })
  return toUser(row)
}

export function createUsersService({ db, clock }: { db: Db; clock: () => Date }) {
  async function listUsers(actor: Actor, query: TUserListQuery) {
    requireAccess(actor, 'user.manage')
    const { rows, total } = await repo.listUsers(db, actor.orgId, query)
    return { items: rows.map(toUser), total }
  }

  async function createUser(actor: Actor, input: TCreateUserRequest) {
    requireAccess(actor, 'user.manage')
    return db.transaction().execute((trx) => createUserRecord(trx, actor, input))
  }

  async function updateUser(actor: Actor, id: string, patch: TUpdateUserRequest) {
    requireAccess(actor, 'user.manage')
    return db.transaction().execute(async (trx) => {
      const before = await findUserById(trx, actor.orgId, id)
      if (!before) throw new AppError('NOT_FOUND', M.userNotFound())
      const losesAdmin =
        before.role === 'admin' &&
        before.active &&
        (patch.active === false || (patch.role && patch.role !== 'admin'))
      if (losesAdmin && (await repo.countActiveAdmins(trx, actor.orgId)) <= 1) {
        throw new AppError('INVALID_STATE', M.lastAdmin())
      }
      const after = await repo.updateUser(trx, actor.orgId, id, { ...patch, updated_at: clock() })
      if (patch.active === false || (patch.role && patch.role !== before.role))
        await deleteUserSessions(trx, id)
      const changes = diffFields(before, after, ['name', 'role', 'active'])
      if (changes.length > 0) {
        await writeAudit(trx, actor, {
          action:
            patch.active === false
              ? 'user.deactivated'
              : patch.active === true && !before.active
                ? 'user.reactivated'
                : 'user.updated',
          module: 'users',
          entityType: 'user',
          entityId: id,
          changes,
        })
      }
      return toUser(after)
    })
  }

  /** The organization's active users by name, for any signed-in user (names only: whom to assign a step to). */
  async function listActiveUsers(actor: Actor): Promise<TUserOptionList> {
    return { items: await repo.listActiveUserOptions(db, actor.orgId) }
  }

  return { listUsers, createUser, updateUser, listActiveUsers }
}
