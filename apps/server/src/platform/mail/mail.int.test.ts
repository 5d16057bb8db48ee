/**
 * Outgoing e-mail on both databases (docs/mail.md), against a real SMTP server in this process
 * (smtp-server) whose mail is parsed with mailparser: settings with a sealed password, the test e-mail
 * with authentication, tries again after temporary refusals, gives up on permanent ones, the log, who
 * may do what, and the audit trail without the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi } from '../../../test/json-api'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

let t: TestApp
let admin = ''
let smtp: SmtpCatcher
const api = jsonApi(
  () => t,
  () => admin,
)

const settings = (over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  username: 'faena',
  password: 'clave-smtp-ñ',
  fromAddress: 'avisos@offshore.test',
  fromName: 'Faena Offshore',
  ...over,
})

async function sendTest(to: string) {
  const queued = await api.call('POST', '/api/v1/settings/mail/test', { to })
  expect(queued.status, JSON.stringify(queued.body)).toBe(202)
  const { run } = await settleJob(t, queued.body.jobId as string, admin)
  const log = await api.ok(api.get('/api/v1/settings/mail/messages?limit=50'))
  const message = log.items.find((m: { id: string }) => m.id === queued.body.message.id)
  return { queued: queued.body, run, message }
}

beforeAll(async () => {
  smtp = await startSmtpCatcher({ auth: { user: 'faena', pass: 'clave-smtp-ñ' } })
  t = await createTestApp({ mailRetryDelaysMs: [20, 20] })
  admin = await t.login('admin@offshore.test')
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

describe('mail settings', () => {
  it('answers none before they are saved, and refuses a test e-mail then', async () => {
    expect(await api.ok(api.get('/api/v1/settings/mail'))).toEqual({ settings: null })
    const res = await api.call('POST', '/api/v1/settings/mail/test', { to: 'yo@offshore.test' })
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({
      key: 'mail.saveSettingsFirst',
      message: 'Guarda primero la configuración del servidor de correo',
    })
  })

  it('speaks the caller language: the refusal of a test e-mail in English', async () => {
    const rentalAdmin = await t.login('admin@rental.test')
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.call('PATCH', '/api/v1/auth/me/preferences', { locale }, rentalAdmin)).status).toBe(
        200,
      )
    await setLocale('en')
    try {
      const res = await api.call('POST', '/api/v1/settings/mail/test', { to: 'yo@rental.test' }, rentalAdmin)
      expect(res.status).toBe(409)
      expect(res.body.error).toMatchObject({
        key: 'mail.saveSettingsFirst',
        message: 'Save the mail server settings first',
      })
    } finally {
      await setLocale('es')
    }
  })

  it('stores the password sealed, never answers it, and audits only that it changed', async () => {
    const saved = await api.ok(api.put('/api/v1/settings/mail', settings()))
    expect(saved).toMatchObject({ host: '127.0.0.1', port: smtp.port, hasPassword: true, username: 'faena' })
    expect(JSON.stringify(saved)).not.toContain('clave-smtp')
    expect(JSON.stringify(await api.ok(api.get('/api/v1/settings/mail')))).not.toContain('clave-smtp')

    const row = await t.db.selectFrom('mail_settings').select('password_sealed').executeTakeFirstOrThrow()
    expect(row.password_sealed).toMatch(/^v1\./)
    expect(row.password_sealed).not.toContain('clave')

    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select(['action', 'changes'])
      .where('module', '=', 'mail')
      .where('action', '=', 'mail.settings_created')
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.changes)).not.toContain('clave-smtp')
    expect(audit.changes).toContainEqual({ field: 'password', old: null, new: 'cambiada' })
  })

  it('refuses bad input naming the field', async () => {
    for (const [field, value] of [
      ['port', 70000],
      ['fromAddress', 'no-es-correo'],
      ['security', 'ssl'],
      ['host', 'smtp server con espacios'],
    ] as const) {
      const res = await api.call('PUT', '/api/v1/settings/mail', settings({ [field]: value }))
      expect(res.status, field).toBe(400)
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field)
    }
  })

  it('is for admins only, and each organization sees its own', async () => {
    const manager = await t.login('manager@offshore.test')
    expect((await api.call('GET', '/api/v1/settings/mail', undefined, manager)).status).toBe(403)
    expect((await api.call('PUT', '/api/v1/settings/mail', settings(), manager)).status).toBe(403)
    const rentalAdmin = await t.login('admin@rental.test')
    expect(await api.ok(api.get('/api/v1/settings/mail', rentalAdmin))).toEqual({ settings: null })
    const log = await api.ok(api.get('/api/v1/settings/mail/messages', rentalAdmin))
    expect(log).toEqual({ items: [], total: 0 })
  })
})

describe('sending', () => {
  it('sends the test e-mail with the sealed password, in the requester language, and logs it', async () => {
    const { run, message } = await sendTest('Jefa@Offshore.test')
    expect(run.status).toBe('done')
    expect(message).toMatchObject({ kind: 'test', status: 'sent', attempts: 1, lastError: null })
    expect(message.recipients).toEqual(['jefa@offshore.test'])
    const got = smtp.received.at(-1)!
    expect(smtp.users.at(-1)).toBe('faena')
    expect(smtp.envelopes.at(-1)).toEqual(['jefa@offshore.test'])
    expect(got.subject).toBe('Correo de prueba de Faena')
    expect(got.from?.text).toBe('"Faena Offshore" <avisos@offshore.test>')
    expect(got.text).toContain('configuración SMTP de')
  })

  it('keeps the stored password when the settings are saved without one', async () => {
    await api.ok(api.put('/api/v1/settings/mail', settings({ password: undefined, fromName: null })))
    const { message } = await sendTest('otra@offshore.test')
    expect(message.status).toBe('sent')
    expect(smtp.received.at(-1)!.from?.text).toBe('avisos@offshore.test')
  })

  it('tries again after temporary refusals and sends', async () => {
    smtp.refuse.push({ code: 421, text: 'Too busy, try later' }, { code: 451, text: 'Greylisted' })
    const before = smtp.received.length
    const { run, message } = await sendTest('reintento@offshore.test')
    expect(run.status).toBe('done')
    expect(message).toMatchObject({ status: 'sent', attempts: 3, lastError: null })
    expect(smtp.received.length).toBe(before + 1)
  })

  it('gives up at once on a permanent refusal, and says why in the log and the job', async () => {
    smtp.refuse.push({ code: 550, text: 'Sender rejected' })
    const { run, message } = await sendTest('nunca@offshore.test')
    expect(run.status).toBe('failed')
    expect(run.error).toContain('No se pudo enviar el correo')
    expect(message).toMatchObject({ status: 'failed', attempts: 1 })
    expect(message.lastError).toContain('Sender rejected')
  })

  it('fails after the last try when the server is unreachable', async () => {
    await api.ok(api.put('/api/v1/settings/mail', settings({ port: 1 })))
    const { message } = await sendTest('sinservidor@offshore.test')
    expect(message).toMatchObject({ status: 'failed', attempts: 3 })
    expect(message.lastError).toMatch(/ECONNREFUSED/)
  })

  it('removes the password with null: the server then refuses the login', async () => {
    await api.ok(api.put('/api/v1/settings/mail', settings({ password: null })))
    expect((await api.ok(api.get('/api/v1/settings/mail'))).settings.hasPassword).toBe(false)
    const { message } = await sendTest('sinclave@offshore.test')
    expect(message.status).toBe('failed')
    expect(message.attempts).toBe(1)
    expect(message.lastError).toContain('530 Error: authentication Required')
  })

  it('lists the log newest first, by status, with paging', async () => {
    const all = await api.ok(api.get('/api/v1/settings/mail/messages?limit=2'))
    expect(all.total).toBe(6)
    expect(all.items).toHaveLength(2)
    expect(all.items[0].recipients).toEqual(['sinclave@offshore.test'])
    const failed = await api.ok(api.get('/api/v1/settings/mail/messages?status=failed'))
    expect(failed.total).toBe(3)
    const page = await api.ok(api.get('/api/v1/settings/mail/messages?limit=2&offset=10'))
    expect(page).toEqual({ items: [], total: 6 })
  })
})
