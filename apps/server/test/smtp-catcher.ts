/**
 * A real SMTP server in the test process (smtp-server on a free port of 127.0.0.1) that parses every message
 * it takes with mailparser, for the tests of outgoing e-mail (docs/mail.md). Optionally it wants a user and
 * password, and refuses MAIL FROM with the answers queued in `refuse`.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpCatcher = {
  port: number
  received: ParsedMail[]
  /** the user each message was sent as (with `auth`) */
  users: (string | undefined)[]
  /** the envelope's recipients of each message */
  envelopes: string[][]
  /** answers for the next MAIL FROM commands, in order (e.g. a 421 to be tried again) */
  refuse: { code: number; text: string }[]
  /** waits until `count` messages have arrived (or about 10 s) and answers them */
  waitFor: (count: number) => Promise<ParsedMail[]>
  close: () => Promise<void>
}

export async function startSmtpCatcher(
  opts: { auth?: { user: string; pass: string } } = {},
): Promise<SmtpCatcher> {
  const received: ParsedMail[] = []
  const users: (string | undefined)[] = []
  const envelopes: string[][] = []
  const refuse: { code: number; text: string }[] = []
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !opts.auth,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        cb(null, { user: auth.username })
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onMailFrom(_address, _session, cb) {
      const next = refuse.shift()
      if (next) cb(Object.assign(new Error(next.text), { responseCode: next.code }))
      else cb()
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          users.push(session.user as string | undefined)
          envelopes.push(session.envelope.rcptTo.map((r) => r.address))
          cb()
        })
        .catch(cb)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as { port: number }).port,
    received,
    users,
    envelopes,
    refuse,
    async waitFor(count) {
      for (let i = 0; i < 400 && received.length < count; i++) await new Promise((r) => setTimeout(r, 25))
      return received
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
