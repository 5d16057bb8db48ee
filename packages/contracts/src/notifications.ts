import { z } from 'zod'
import { listOf, ZPagination, ZQueryBool } from './common'

/**
 * In-app notifications: what happened that a person should act on (a billing sheet ready to invoice, a
 * backup that failed). Each belongs to one user; the header's bell lists them, newest first.
 */
export const ZNotification = z.object({
  id: z.uuid(),
  /** what happened, e.g. `billingSheet.liquidated`, `backup.failed` */
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** where the web app opens it (a path of the app, e.g. `/rental/billing-sheets/…`) */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type TNotification = z.infer<typeof ZNotification>

export const ZNotificationList = listOf(ZNotification).extend({
  /** the caller's unread notifications, whatever the page */
  unread: z.number().int(),
})
export type TNotificationList = z.infer<typeof ZNotificationList>

export const ZNotificationListQuery = ZPagination.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** only the unread ones */
  unread: ZQueryBool.optional(),
})
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>

export const ZNotificationsMarked = z.object({ marked: z.number().int(), unread: z.number().int() })

/** How a person wants to hear about one kind of notification. */
export const ZNotificationPreference = z.object({
  kind: z.string(),
  label: z.object({ es: z.string(), en: z.string() }),
  inApp: z.boolean(),
  email: z.boolean(),
})
export const ZNotificationPreferences = z.object({
  items: z.array(ZNotificationPreference),
  /** the organization sends e-mail (docs/mail.md); otherwise e-mail choices wait for it */
  emailAvailable: z.boolean(),
})
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>
export const ZNotificationPreferencesInput = z.object({
  items: z
    .array(z.object({ kind: z.string().min(1).max(80), inApp: z.boolean(), email: z.boolean() }))
    .max(50),
})
export type TNotificationPreferencesInput = z.infer<typeof ZNotificationPreferencesInput>
