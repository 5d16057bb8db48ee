import type { TRole, TUserListQuery } from '@faena/contracts'
import type { Executor } from '../db/executor'

export async function listUsers(db: Executor, orgId: string, f: TUserListQuery) {
  let q = db.selectFrom('users').where('org_id', '=', orgId)
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`
    q = q.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]))
  }
  if (f.role) q = q.where('role', '=', f.role)
  if (f.active) q = q.where('active', '=', f.active === 'true')
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('email').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function insertUser(
  db: Executor,
  u: { orgId: string; email: string; name: string; role: TRole; passwordHash: string },
) {
  return db
    .insertInto('users')
    .values({ org_id: u.orgId, email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateUser(
  db: Executor,
  orgId: string,
  id: string,
  patch: { name?: string; role?: TRole; active?: boolean; updated_at: Date },
) {
  return db
    .updateTable('users')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function countActiveAdmins(db: Executor, orgId: string) {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Display names of users of the organization by id (e.g. a document's creator on its PDF). */
export async function findUserNames(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
}

/** The active users of the organization by name (whom a step can be assigned to). */
export async function listActiveUserOptions(db: Executor, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('name')
    .orderBy('id')
    .execute()
}

/** An active user of the organization, or undefined (another organization's, inactive or unknown). */
export async function findActiveUser(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'locale'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
}
