import type { TNotificationListQuery, TRole } from '@faena/contracts'
import type { Executor } from '../db/executor'
import { listTotal, pageTotal, withoutTotal } from '../db/page-total'

/** Every SQL statement on `notifications`. Reads and writes are scoped by organization and recipient. */

export type NotificationRow = {
  id: string
  kind: string
  title: string
  body: string | null
  link: string | null
  created_at: Date
  read_at: Date | null
}

export type NewNotification = {
  orgId: string
  userId: string
  kind: string
  title: string
  body: string | null
  link: string | null
  dedupeKey: string | null
}

/** Inserts one row per recipient; a row whose (user, dedupe key) exists is skipped. Answers the users added. */
export async function insertNotifications(db: Executor, rows: readonly NewNotification[]): Promise<string[]> {
  if (rows.length === 0) return []
  const inserted = await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        user_id: r.userId,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        dedupe_key: r.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('user_id')
    .execute()
  return inserted.map((r) => r.user_id)
}

/** The active users of an organization whose role is one of `roles`, with their language. */
export async function activeUsersWithRoles(
  db: Executor,
  orgId: string,
  roles: readonly TRole[],
): Promise<{ id: string; locale: string; email: string }[]> {
  if (roles.length === 0) return []
  return db
    .selectFrom('users')
    .select(['id', 'locale', 'email'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where('role', 'in', [...roles])
    .execute()
}

/** Active users of the organization among `ids`, with their language. */
export async function activeUsersByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; locale: string; email: string }[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('users')
    .select(['id', 'locale', 'email'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where('id', 'in', [...ids])
    .execute()
}

export async function listNotifications(
  db: Executor,
  orgId: string,
  userId: string,
  f: TNotificationListQuery,
) {
  let q = db.selectFrom('notifications').where('org_id', '=', orgId).where('user_id', '=', userId)
  if (f.unread) q = q.where('read_at', 'is', null)
  const count = q.select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await q
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .select(listTotal(count))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(rows) as NotificationRow[], total }
}

export async function countUnread(db: Executor, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks the recipient's unread notifications read (one, or all when `id` is null); returns how many changed. */
export async function markRead(
  db: Executor,
  orgId: string,
  userId: string,
  id: string | null,
  at: Date,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id) q = q.where('id', '=', id)
  const res = await q.executeTakeFirst()
  return Number(res.numUpdatedRows)
}

export async function notificationExists(db: Executor, orgId: string, userId: string, id: string) {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** The stored preferences of these users for one kind (a user without a row keeps the defaults). */
export async function preferencesFor(db: Executor, userIds: readonly string[], kind: string) {
  if (userIds.length === 0) return []
  return db
    .selectFrom('notification_preferences')
    .select(['user_id', 'in_app', 'email'])
    .where('user_id', 'in', [...userIds])
    .where('kind', '=', kind)
    .execute()
}

export async function listPreferences(db: Executor, userId: string) {
  return db
    .selectFrom('notification_preferences')
    .select(['kind', 'in_app', 'email'])
    .where('user_id', '=', userId)
    .execute()
}

export async function upsertPreferences(
  db: Executor,
  userId: string,
  items: readonly { kind: string; inApp: boolean; email: boolean }[],
  now: Date,
) {
  if (items.length === 0) return
  await db
    .insertInto('notification_preferences')
    .values(
      items.map((i) => ({ user_id: userId, kind: i.kind, in_app: i.inApp, email: i.email, updated_at: now })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
        in_app: eb.ref('excluded.in_app'),
        email: eb.ref('excluded.email'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}
