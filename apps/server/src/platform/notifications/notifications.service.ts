import type { TNotification, TNotificationList, TNotificationListQuery } from '@faena/contracts'
import { ROLE_PERMISSIONS, type Actor, type Permission } from '../access'
import type { Db, Executor } from '../db/executor'
import { AppError } from '../errors'
import * as repo from './notifications.repository'

/** Text in both languages of the app: each recipient reads it in their own. */
export type Localized = { es: string; en: string }

/** Something that happened that people should act on. */
export type NotificationEvent = {
  orgId: string
  /** who receives it: every active user whose role has `permission`, and `userIds`; never `exceptUserId` */
  to: { permission?: Permission; userIds?: readonly string[]; exceptUserId?: string | null }
  /** what happened, e.g. `billingSheet.liquidated` */
  kind: string
  title: Localized
  body?: Localized | null
  /** a path of the web app that opens what it is about */
  link?: string | null
  /** the same key for the same recipient is stored once (a retried job, a second run of the same event) */
  dedupeKey?: string | null
}

export type NotifyFn = (trx: Executor, event: NotificationEvent) => Promise<number>

const rolesWith = (permission: Permission) =>
  (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
    ROLE_PERMISSIONS[role].includes(permission),
  )

/**
 * Writes the event for each recipient, in the producer's transaction (it commits or rolls back with the
 * change it announces). Returns how many notifications were added.
 */
export const notify: NotifyFn = async (trx, event) => {
  const byId = new Map<string, string>()
  if (event.to.permission) {
    for (const u of await repo.activeUsersWithRoles(trx, event.orgId, rolesWith(event.to.permission)))
      byId.set(u.id, u.locale)
  }
  for (const u of await repo.activeUsersByIds(trx, event.orgId, event.to.userIds ?? []))
    byId.set(u.id, u.locale)
  if (event.to.exceptUserId) byId.delete(event.to.exceptUserId)
  const pick = (text: Localized, locale: string) => (locale === 'en' ? text.en : text.es)
  return repo.insertNotifications(
    trx,
    [...byId].map(([userId, locale]) => ({
      orgId: event.orgId,
      userId,
      kind: event.kind,
      title: pick(event.title, locale).slice(0, 300),
      body: event.body ? pick(event.body, locale).slice(0, 2000) : null,
      link: event.link ?? null,
      dedupeKey: event.dedupeKey ?? null,
    })),
  )
}

const toNotification = (r: repo.NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
})

/**
 * The caller's own notifications (any signed-in user; nobody reads another's). Marking one read is the
 * reader's own state, not a change to the organization's records, so it is not written to the audit log.
 */
export function createNotificationsService({ db, clock }: { db: Db; clock: () => Date }) {
  async function list(actor: Actor, query: TNotificationListQuery): Promise<TNotificationList> {
    const { rows, total } = await repo.listNotifications(db, actor.orgId, actor.userId, query)
    const unread = await repo.countUnread(db, actor.orgId, actor.userId)
    return { items: rows.map(toNotification), total, unread }
  }

  async function markRead(actor: Actor, id: string | null) {
    return db.transaction().execute(async (trx) => {
      if (id && !(await repo.notificationExists(trx, actor.orgId, actor.userId, id)))
        throw new AppError('NOT_FOUND', 'Notificación no encontrada')
      const marked = await repo.markRead(trx, actor.orgId, actor.userId, id, clock())
      return { marked, unread: await repo.countUnread(trx, actor.orgId, actor.userId) }
    })
  }

  return { list, markRead, notify }
}
export type NotificationsService = ReturnType<typeof createNotificationsService>
