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

export type NotificationTables = { notifications: NotificationsTable }
