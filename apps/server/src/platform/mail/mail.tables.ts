import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../db/tables'

/** An organization's SMTP settings (migration 0029_mail); the password sealed (secret-box.ts). */
export type MailSettingsTable = {
  org_id: string
  host: string
  port: number
  security: 'tls' | 'starttls' | 'none'
  username: string | null
  password_sealed: string | null
  from_address: string
  from_name: string | null
  updated_by: string | null
  updated_at: Date
}

export type MailAttachmentRef = { fileId: string; name: string; size: number }

/** The outgoing log: one row per e-mail, whatever happened to it. */
export type MailMessagesTable = {
  id: Generated<string>
  org_id: string
  kind: string
  recipients: string[]
  subject: string
  text_body: string
  html_body: string | null
  attachments: ColumnType<MailAttachmentRef[], string | undefined, string>
  status: 'queued' | 'sending' | 'sent' | 'failed'
  attempts: Generated<number>
  last_error: string | null
  smtp_message_id: string | null
  requested_by: string | null
  created_at: CreatedAt
  sent_at: Date | null
}

export type MailTables = { mail_settings: MailSettingsTable; mail_messages: MailMessagesTable }
