import type { Generated } from 'kysely'
import type { CreatedAt } from '../db/tables'

/** In-app notifications (migration 0023_notifications): one row per recipient. */
export type NotificationsTable = {
  id: Generated<string>
  org_id: string
  user_id: string
  kind: string
  title: string
  body: string | null
  link: string | null
  dedupe_key: string | null
  created_at: CreatedAt
  read_at: Date | null
}

/** Per person and kind: in the app and/or by e-mail (migration 0034_notification_preferences). */
export type NotificationPreferencesTable = {
  user_id: string
  kind: string
  in_app: boolean
  email: boolean
  updated_at: Date
}

export type NotificationTables = {
  notifications: NotificationsTable
  notification_preferences: NotificationPreferencesTable
}
