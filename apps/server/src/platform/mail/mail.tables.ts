import type { DB } from '../db/generated/tables.gen'

export type { MailSettingsTable, MailMessagesTable } from '../db/generated/tables.gen'

export type MailAttachmentRef = { fileId: string; name: string; size: number }

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type MailTables = Pick<DB, 'mail_settings' | 'mail_messages'>
