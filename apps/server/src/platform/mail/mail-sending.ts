import nodemailer from 'nodemailer'

/** What sending needs of the organization's settings, the password opened. */
export type SmtpSettings = {
  host: string
  port: number
  security: 'tls' | 'starttls' | 'none'
  username: string | null
  password: string | null
  from: { address: string; name: string | null }
}

export type MailToSend = {
  to: string[]
  subject: string
  text: string
  html: string | null
  attachments: { filename: string; content: Buffer }[]
}

/** Sends one message with the given settings; answers the server's message id. */
export type MailTransportFactory = (smtp: SmtpSettings) => {
  send: (message: MailToSend) => Promise<{ messageId: string | null }>
}

/** nodemailer's SMTP transport, one connection per message, with timeouts a job can live with. */
export const smtpTransport: MailTransportFactory = (smtp) => {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    // a user name without a password signs in with nothing: the server says whether it needs more
    ...(smtp.username && smtp.password ? { auth: { user: smtp.username, pass: smtp.password } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  })
  return {
    async send(m) {
      const info = await transporter.sendMail({
        from: smtp.from.name ? { name: smtp.from.name, address: smtp.from.address } : smtp.from.address,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        attachments: m.attachments,
      })
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null }
    },
  }
}

/**
 * Is this failure worth another try? The server's answer decides when there is one: a temporary refusal
 * (4xx: greylisting, too busy) may pass later, a permanent one (5xx: unknown recipient, authentication
 * refused) will not. Without an answer, credentials nodemailer cannot use or a message it cannot build
 * fail the same way next time; a network failure may not.
 */
export function isTemporary(err: unknown): boolean {
  const { responseCode, code } = err as { responseCode?: unknown; code?: unknown }
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500
  return code !== 'EAUTH' && code !== 'EMESSAGE'
}

/** The failure in words for the log: the server's own answer when there is one. */
export function describeFailure(err: unknown): string {
  const e = err as { response?: unknown; message?: unknown; code?: unknown }
  const text =
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(err)
  return typeof e.code === 'string' && !text.includes(e.code) ? `${e.code}: ${text}` : text
}

/**
 * Tries the message, then again after each of `delaysMs` while the failure is temporary. Reports every
 * try (`onAttempt`) and every failure (`onFailure`, `final` on the last one).
 */
export async function sendWithRetries(opts: {
  smtp: SmtpSettings
  message: MailToSend
  delaysMs: readonly number[]
  transport?: MailTransportFactory | undefined
  onAttempt: () => Promise<void>
  onFailure: (error: string, final: boolean) => Promise<void>
  sleep?: (ms: number) => Promise<void>
}): Promise<
  | { sent: true; messageId: string | null; attempts: number }
  | { sent: false; error: string; attempts: number }
> {
  const sender = (opts.transport ?? smtpTransport)(opts.smtp)
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  for (let attempt = 1; ; attempt++) {
    await opts.onAttempt()
    try {
      const { messageId } = await sender.send(opts.message)
      return { sent: true, messageId, attempts: attempt }
    } catch (err) {
      const error = describeFailure(err)
      const final = attempt > opts.delaysMs.length || !isTemporary(err)
      await opts.onFailure(error, final)
      if (final) return { sent: false, error, attempts: attempt }
      await sleep(opts.delaysMs[attempt - 1] ?? 0)
    }
  }
}
