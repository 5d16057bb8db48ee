import type {
  TMailMessage,
  TMailMessageList,
  TMailMessageListQuery,
  TMailQueued,
  TMailSettings,
  TMailSettingsInput,
  TMailSettingsState,
} from '@faena/contracts'
import { z } from 'zod'
import { isSystemActor, requireAccess, systemActor, type Actor } from '../access'
import { diffFields, writeAudit } from '../audit/audit'
import type { Db, Executor } from '../db/executor'
import { AppError, fieldError, validationError } from '../errors'
import type { FilesService } from '../files/files.service'
import { render } from '../i18n/messages'
import type { JobsService } from '../jobs'
import type { SecretBox } from '../secret-box'
import { mailMessages as M } from './mail.messages'
import * as repo from './mail.repository'
import { sendWithRetries, type MailTransportFactory, type SmtpSettings } from './mail-sending'
import type { MailAttachmentRef } from './mail.tables'

/** An e-mail a module asks to send: recipients, subject, bodies and files of the FileStore to attach. */
export type OutgoingMail = {
  /** what sends it, e.g. `report`, `digest` (the log says it) */
  kind: string
  to: readonly string[]
  subject: string
  text: string
  html?: string | null
  attachments?: readonly MailAttachmentRef[]
}

export type MailDeps = {
  db: Db
  clock: () => Date
  jobs: JobsService
  files: FilesService
  /** seals the SMTP password; null (benchmarks, tools without a data folder): passwords cannot be stored */
  secrets: SecretBox | null
  /** waits before the second, third… try of a failing server (default 5 s, then 30 s: three tries) */
  retryDelaysMs?: readonly number[]
  /** nodemailer's SMTP transport unless given (a different transport for a different kind of server) */
  transport?: MailTransportFactory
}

export type MailService = ReturnType<typeof createMailService>

const SETTINGS_FIELDS = [
  'host',
  'port',
  'security',
  'username',
  'fromAddress',
  'fromName',
  'password',
] as const

const TEST_MAIL = {
  es: {
    subject: 'Correo de prueba de Faena',
    text: (org: string) =>
      `Este es un correo de prueba enviado desde Faena con la configuración SMTP de ${org}.\n\nSi lo recibiste, el correo saliente funciona.`,
  },
  en: {
    subject: 'Faena test e-mail',
    text: (org: string) =>
      `This is a test e-mail sent from Faena with the SMTP settings of ${org}.\n\nIf you received it, outgoing e-mail works.`,
  },
}

/**
 * Outgoing e-mail (docs/mail.md): the organization's SMTP settings, the log of what was sent, and
 * `queueMail` for the modules that send (reports, the digest). Sending is a job (`mail.send`) that tries
 * a failing server again before it gives up; the log shows every try's outcome.
 */
export function createMailService({ db, clock, jobs, files, secrets, retryDelaysMs, transport }: MailDeps) {
  const toSettings = (r: repo.MailSettingsRow): TMailSettings => ({
    host: r.host,
    port: r.port,
    security: r.security,
    username: r.username,
    hasPassword: r.password_sealed !== null,
    fromAddress: r.from_address,
    fromName: r.from_name,
    updatedAt: r.updated_at.toISOString(),
  })

  const toMessage = (r: repo.MailMessageRow): TMailMessage => ({
    id: r.id,
    kind: r.kind,
    recipients: r.recipients,
    subject: r.subject,
    attachments: r.attachments.map((a) => ({ name: a.name, size: a.size })),
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    requestedBy: r.requested_by_name,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  })

  const sendJob = jobs.define({
    kind: 'mail.send',
    permission: 'mail.send',
    payload: z.object({ messageId: z.uuid() }),
    run: async (ctx, { messageId }) => {
      const message = await repo.findMessageToSend(db, ctx.actor.orgId, messageId)
      if (!message) throw new AppError('NOT_FOUND', M.messageGone())
      const row = await repo.findSettings(db, ctx.actor.orgId)
      if (!row) {
        // the log keeps the Spanish text, as the job's error does (the AppError's message)
        await repo.markAttemptFailed(db, message.id, render(M.noServer(), 'es'), true)
        throw new AppError('INVALID_STATE', M.noServer())
      }
      const attachments = []
      for (const a of message.attachments) {
        const { bytes } = await files.readFile(ctx.actor, a.fileId)
        attachments.push({ filename: a.name, content: bytes })
      }
      const outcome = await sendWithRetries({
        smtp: smtpOf(row),
        message: {
          to: message.recipients,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
          attachments,
        },
        delaysMs: retryDelaysMs ?? [5_000, 30_000],
        transport,
        onAttempt: () => repo.markSending(db, message.id),
        onFailure: (error, final) => repo.markAttemptFailed(db, message.id, error, final),
      })
      if (!outcome.sent) throw new AppError('INVALID_STATE', M.sendFailed({ error: outcome.error }))
      await repo.markSent(db, message.id, outcome.messageId, clock())
      return { result: { messageId: message.id, attempts: outcome.attempts } }
    },
  })

  function smtpOf(row: repo.MailSettingsRow): SmtpSettings {
    let password: string | null = null
    if (row.password_sealed) {
      if (!secrets) throw new AppError('INVALID_STATE', M.noSecretsKey())
      try {
        password = secrets.open(row.password_sealed)
      } catch {
        throw new AppError('INVALID_STATE', M.passwordUnreadable())
      }
    }
    return {
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      password,
      from: { address: row.from_address, name: row.from_name },
    }
  }

  async function getSettings(actor: Actor): Promise<TMailSettingsState> {
    requireAccess(actor, 'mail.configure')
    const row = await repo.findSettings(db, actor.orgId)
    return { settings: row ? toSettings(row) : null }
  }

  async function saveSettings(actor: Actor, input: TMailSettingsInput): Promise<TMailSettings> {
    requireAccess(actor, 'mail.configure')
    if (typeof input.password === 'string' && !secrets)
      throw new AppError('INVALID_STATE', M.noSecretsKeyToSave())
    return db.transaction().execute(async (trx) => {
      const before = await repo.findSettings(trx, actor.orgId)
      const passwordSealed =
        input.password === undefined
          ? (before?.password_sealed ?? null)
          : input.password === null
            ? null
            : secrets!.seal(input.password)
      const row: repo.MailSettingsRow = {
        org_id: actor.orgId,
        host: input.host,
        port: input.port,
        security: input.security,
        username: input.username || null,
        password_sealed: passwordSealed,
        from_address: input.fromAddress,
        from_name: input.fromName || null,
        updated_by: actor.userId,
        updated_at: clock(),
      }
      await repo.upsertSettings(trx, row)
      // the password is never written to the audit log: only that it was stored, changed or removed
      const passwordState = (sealed: string | null | undefined, changed: boolean) =>
        sealed ? (changed ? 'cambiada' : 'guardada') : null
      const snapshot = (r: repo.MailSettingsRow | undefined, changed: boolean) =>
        r && {
          host: r.host,
          port: r.port,
          security: r.security,
          username: r.username,
          fromAddress: r.from_address,
          fromName: r.from_name,
          password: passwordState(r.password_sealed, changed),
        }
      const changes = diffFields(
        snapshot(before, false) ?? null,
        snapshot(row, typeof input.password === 'string')!,
        SETTINGS_FIELDS,
      )
      await writeAudit(trx, actor, {
        action: before ? 'mail.settings_updated' : 'mail.settings_created',
        module: 'mail',
        entityType: 'mail_settings',
        entityId: actor.orgId,
        changes,
      })
      return toSettings(row)
    })
  }

  /**
   * Logs the e-mail and asks for its sending inside `trx` (both exist only if the caller's change commits);
   * call `wake()` after the commit so it leaves at once.
   */
  async function queueMail(trx: Executor, actor: Actor, mail: OutgoingMail) {
    requireAccess(actor, 'mail.send')
    const recipients = [...new Set(mail.to.map((a) => a.trim().toLowerCase()))]
    if (recipients.length === 0 || recipients.length > 50)
      throw validationError(M.recipients(), [fieldError('to', M.recipients())])
    const id = await repo.insertMessage(trx, {
      orgId: actor.orgId,
      kind: mail.kind,
      recipients,
      subject: mail.subject.slice(0, 300),
      text: mail.text,
      html: mail.html ?? null,
      attachments: [...(mail.attachments ?? [])],
      requestedBy: isSystemActor(actor) ? null : actor.userId,
      now: clock(),
    })
    const job = await sendJob.enqueue(trx, actor, { messageId: id })
    await writeAudit(trx, actor, {
      action: 'mail.queued',
      module: 'mail',
      entityType: 'mail_message',
      entityId: id,
      data: { kind: mail.kind, recipients, subject: mail.subject },
    })
    const row = await repo.findMessage(trx, actor.orgId, id)
    return { message: toMessage(row!), jobId: job.id }
  }

  /** "Send a test e-mail": to the address typed, in the requester's language, with the saved settings. */
  async function sendTest(actor: Actor, to: string): Promise<TMailQueued> {
    requireAccess(actor, 'mail.configure')
    const queued = await db.transaction().execute(async (trx) => {
      if (!(await repo.findSettings(trx, actor.orgId)))
        throw new AppError('INVALID_STATE', M.saveSettingsFirst())
      const org = await trx
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', actor.orgId)
        .executeTakeFirstOrThrow()
      const text = TEST_MAIL[await repo.findUserLocale(trx, actor.orgId, actor.userId)]
      return queueMail(trx, actor, {
        kind: 'test',
        to: [to],
        subject: text.subject,
        text: text.text(org.name),
      })
    })
    sendJob.wake()
    return queued
  }

  async function listMessages(actor: Actor, q: TMailMessageListQuery): Promise<TMailMessageList> {
    requireAccess(actor, 'mail.configure')
    const { rows, total } = await repo.listMessages(db, actor.orgId, q)
    return { items: rows.map(toMessage), total }
  }

  /** Does the organization send e-mail (its SMTP settings are saved)? */
  async function isConfigured(trx: Executor, orgId: string) {
    return (await repo.findSettings(trx, orgId)) !== undefined
  }

  /**
   * A notification by e-mail (docs/platform.md#notifications), sent by the system in `trx`. Not while the job
   * queue is not running (a command-line tool, the server's first second): the notice in the app still goes,
   * and the producer's change is never refused for an e-mail.
   */
  async function sendNotification(
    trx: Executor,
    orgId: string,
    mail: { to: string; subject: string; text: string },
  ) {
    if (!jobs.running()) return
    await queueMail(trx, systemActor(orgId), {
      kind: 'notification',
      to: [mail.to],
      subject: mail.subject,
      text: mail.text,
    })
  }

  return {
    getSettings,
    saveSettings,
    sendTest,
    listMessages,
    queueMail,
    isConfigured,
    sendNotification,
    wake: sendJob.wake,
  }
}
