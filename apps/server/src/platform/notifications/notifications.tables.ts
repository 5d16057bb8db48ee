import type { DB } from '../db/generated/tables.gen'

export type { NotificationsTable, NotificationPreferencesTable } from '../db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type NotificationTables = Pick<DB, 'notifications' | 'notification_preferences'>
