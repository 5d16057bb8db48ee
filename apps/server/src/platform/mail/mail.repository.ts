import { sql, type Selectable } from 'kysely'
import type { TMailMessageListQuery } from '@faena/contracts'
import type { Executor } from '../db/executor'
import type { MailAttachmentRef, MailSettingsTable } from './mail.tables'

/** Every SQL statement on the mail tables (docs/mail.md). */

export type MailSettingsRow = Selectable<MailSettingsTable>

export async function findSettings(db: Executor, orgId: string): Promise<MailSettingsRow | undefined> {
  return db.selectFrom('mail_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst()
}

export async function upsertSettings(db: Executor, row: MailSettingsRow): Promise<void> {
  const { org_id: _org, ...values } = row
  await db
    .insertInto('mail_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute()
}

const messageColumns = [
  'm.id',
  'm.org_id',
  'm.kind',
  'm.recipients',
  'm.subject',
  'm.attachments',
  'm.status',
  'm.attempts',
  'm.last_error',
  'm.smtp_message_id',
  'm.requested_by',
  'm.created_at',
  'm.sent_at',
] as const

export async function insertMessage(
  db: Executor,
  row: {
    orgId: string
    kind: string
    recipients: string[]
    subject: string
    text: string
    html: string | null
    attachments: MailAttachmentRef[]
    requestedBy: string | null
    now: Date
  },
) {
  const { id } = await db
    .insertInto('mail_messages')
    .values({
      org_id: row.orgId,
      kind: row.kind,
      recipients: row.recipients,
      subject: row.subject,
      text_body: row.text,
      html_body: row.html,
      attachments: JSON.stringify(row.attachments),
      status: 'queued',
      requested_by: row.requestedBy,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A message as the log shows it (who asked for it by name). */
export async function findMessage(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('mail_messages as m')
    .leftJoin('users as u', 'u.id', 'm.requested_by')
    .select([...messageColumns, 'u.name as requested_by_name'])
    .where('m.org_id', '=', orgId)
    .where('m.id', '=', id)
    .executeTakeFirst()
}

export type MailMessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>

/** The whole message, bodies included, for the worker that sends it. */
export async function findMessageToSend(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('mail_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listMessages(db: Executor, orgId: string, q: TMailMessageListQuery) {
  let query = db
    .selectFrom('mail_messages as m')
    .leftJoin('users as u', 'u.id', 'm.requested_by')
    .where('m.org_id', '=', orgId)
  if (q.status) query = query.where('m.status', '=', q.status)
  const rows = await query
    .select([...messageColumns, 'u.name as requested_by_name', sql<string>`count(*) over ()`.as('total')])
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  const total = rows[0]
    ? Number(rows[0].total)
    : q.offset > 0
      ? Number((await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
      : 0
  return { rows, total }
}

/** One try begins: `sending`, one more attempt. */
export async function markSending(db: Executor, id: string) {
  await db
    .updateTable('mail_messages')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function markSent(db: Executor, id: string, smtpMessageId: string | null, now: Date) {
  await db
    .updateTable('mail_messages')
    .set({ status: 'sent', smtp_message_id: smtpMessageId, sent_at: now, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** A try failed: the error kept; `final` when no try is left (the message is `failed`). */
export async function markAttemptFailed(db: Executor, id: string, error: string, final: boolean) {
  await db
    .updateTable('mail_messages')
    .set({ status: final ? 'failed' : 'queued', last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute()
}

export async function findUserLocale(db: Executor, orgId: string, userId: string) {
  const r = await db
    .selectFrom('users')
    .select('locale')
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst()
  return r?.locale === 'en' ? 'en' : 'es'
}
