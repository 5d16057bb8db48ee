import type {
  TNotification,
  TNotificationList,
  TNotificationListQuery,
  TNotificationPreferences,
  TNotificationPreferencesInput,
} from '@faena/contracts'
import { can, ROLE_PERMISSIONS, type Actor, type Permission } from '../access'
import { writeAudit } from '../audit/audit'
import type { Db, Executor } from '../db/executor'
import { AppError, fieldError, validationError } from '../errors'
import { NOTIFICATION_KINDS } from './notification-kinds'
import { notificationsMessages as M } from './notifications.messages'
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

/** What delivering beyond the app needs. */
export type NotifyDeps = {
  /**
   * E-mails a notification (the mail platform, docs/mail.md); absent or answering false when the organization
   * has no outgoing e-mail: then only the app delivers.
   */
  email?: {
    isConfigured: (trx: Executor, orgId: string) => Promise<boolean>
    send: (trx: Executor, orgId: string, mail: { to: string; subject: string; text: string }) => Promise<void>
  }
  /** the app's address, for the link in an e-mail (FAENA_PUBLIC_ORIGIN); absent: the path alone */
  publicOrigin?: string | undefined
}

/**
 * Writes the event for each recipient, in the producer's transaction (it commits or rolls back with the change
 * it announces): in the app unless the person turned that kind off, and by e-mail when they turned it on and
 * the organization sends e-mail. Answers how many notifications were added in the app.
 */
export function createNotify({ email, publicOrigin }: NotifyDeps = {}): NotifyFn {
  return async (trx, event) => {
    const byId = new Map<string, { locale: string; email: string }>()
    if (event.to.permission) {
      for (const u of await repo.activeUsersWithRoles(trx, event.orgId, rolesWith(event.to.permission)))
        byId.set(u.id, u)
    }
    for (const u of await repo.activeUsersByIds(trx, event.orgId, event.to.userIds ?? [])) byId.set(u.id, u)
    if (event.to.exceptUserId) byId.delete(event.to.exceptUserId)
    const prefs = new Map(
      (await repo.preferencesFor(trx, [...byId.keys()], event.kind)).map((p) => [p.user_id, p]),
    )
    const pick = (text: Localized, locale: string) => (locale === 'en' ? text.en : text.es)
    const inApp = [...byId].filter(([id]) => prefs.get(id)?.in_app ?? true)
    const added = await repo.insertNotifications(
      trx,
      inApp.map(([userId, u]) => ({
        orgId: event.orgId,
        userId,
        kind: event.kind,
        title: pick(event.title, u.locale).slice(0, 300),
        body: event.body ? pick(event.body, u.locale).slice(0, 2000) : null,
        link: event.link ?? null,
        dedupeKey: event.dedupeKey ?? null,
      })),
    )
    // by e-mail: those who asked for it; when the app also delivers, only for a notification just added (a
    // retried producer e-mails nobody twice)
    const fresh = new Set(added)
    const byMail = [...byId].filter(
      ([id]) => (prefs.get(id)?.email ?? false) && (!(prefs.get(id)?.in_app ?? true) || fresh.has(id)),
    )
    if (email && byMail.length > 0 && (await email.isConfigured(trx, event.orgId))) {
      for (const [, u] of byMail) {
        const link = event.link ? `${publicOrigin ?? ''}${event.link}` : null
        const body = event.body ? pick(event.body, u.locale) : ''
        const footer = u.locale === 'en' ? 'Open it in Faena' : 'Ábrelo en Faena'
        await email.send(trx, event.orgId, {
          to: u.email,
          subject: pick(event.title, u.locale).slice(0, 300),
          text:
            [body, link ? `${footer}: ${link}` : ''].filter(Boolean).join('\n\n') ||
            pick(event.title, u.locale),
        })
      }
    }
    return added.length
  }
}

/** In the app only (no e-mail): for tools and tests that build no mail platform. */
export const notify: NotifyFn = createNotify()

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
export function createNotificationsService({
  db,
  clock,
  ...delivery
}: { db: Db; clock: () => Date } & NotifyDeps) {
  async function list(actor: Actor, query: TNotificationListQuery): Promise<TNotificationList> {
    const { rows, total } = await repo.listNotifications(db, actor.orgId, actor.userId, query)
    const unread = await repo.countUnread(db, actor.orgId, actor.userId)
    return { items: rows.map(toNotification), total, unread }
  }

  async function markRead(actor: Actor, id: string | null) {
    return db.transaction().execute(async (trx) => {
      if (id && !(await repo.notificationExists(trx, actor.orgId, actor.userId, id)))
        throw new AppError('NOT_FOUND', M.notFound())
      const marked = await repo.markRead(trx, actor.orgId, actor.userId, id, clock())
      return { marked, unread: await repo.countUnread(trx, actor.orgId, actor.userId) }
    })
  }

  /** The kinds offered to the caller's role, with what they chose (defaults: in the app, not by e-mail). */
  async function getPreferences(actor: Actor): Promise<TNotificationPreferences> {
    const stored = new Map((await repo.listPreferences(db, actor.userId)).map((p) => [p.kind, p]))
    const emailAvailable = (await delivery.email?.isConfigured(db, actor.orgId)) ?? false
    return {
      emailAvailable,
      items: NOTIFICATION_KINDS.filter((k) => !k.permission || can(actor, k.permission)).map((k) => ({
        kind: k.kind,
        label: k.label,
        inApp: stored.get(k.kind)?.in_app ?? true,
        email: stored.get(k.kind)?.email ?? false,
      })),
    }
  }

  async function savePreferences(actor: Actor, input: TNotificationPreferencesInput) {
    const offered = new Set(
      NOTIFICATION_KINDS.filter((k) => !k.permission || can(actor, k.permission)).map((k) => k.kind),
    )
    const bad = input.items.findIndex((i) => !offered.has(i.kind))
    if (bad >= 0)
      throw validationError(M.unknownKind(), [
        fieldError(`items.${bad}.kind`, M.kindNotForRole({ kind: input.items[bad]!.kind })),
      ])
    await db.transaction().execute(async (trx) => {
      const before = new Map((await repo.listPreferences(trx, actor.userId)).map((p) => [p.kind, p]))
      await repo.upsertPreferences(trx, actor.userId, input.items, clock())
      const changes = input.items.flatMap((i) => {
        const old = before.get(i.kind)
        const was = { inApp: old?.in_app ?? true, email: old?.email ?? false }
        return was.inApp === i.inApp && was.email === i.email
          ? []
          : [{ field: i.kind, old: was, new: { inApp: i.inApp, email: i.email } }]
      })
      if (changes.length)
        await writeAudit(trx, actor, {
          action: 'notifications.preferences_saved',
          module: 'notifications',
          entityType: 'user',
          entityId: actor.userId,
          changes,
        })
    })
    return getPreferences(actor)
  }

  return { list, markRead, notify: createNotify(delivery), getPreferences, savePreferences }
}
export type NotificationsService = ReturnType<typeof createNotificationsService>
