/**
 * What each person wants to hear about, on both databases (docs/platform.md#notifications): the kinds offered
 * by role, defaults, saving (audited), and delivery — in the app unless turned off, by e-mail when turned on
 * and the organization sends e-mail (received by an SMTP server in the test process), once per event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

let t: TestApp
let admin = ''
let manager = ''
let managerId = ''
let smtp: SmtpCatcher
const api = jsonApi(
  () => t,
  () => admin,
)
const first = async (url: string): Promise<Json> => (await api.ok(api.get(url))).items[0]

let proposal: Json
async function assignFirstStep(userId: string | null) {
  const step = proposal.steps[0]
  await api.ok(api.patch(`/api/v1/proposals/${proposal.id}/steps/${step.id}`, { responsibleUserId: userId }))
}

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  t = await createTestApp({ mailRetryDelaysMs: [20] })
  admin = await t.login('admin@offshore.test')
  manager = await t.login('manager@offshore.test')
  managerId = (
    await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@offshore.test')
      .executeTakeFirstOrThrow()
  ).id
  proposal = await api.ok(
    api.post('/api/v1/proposals', {
      officialNumber: 'AVISO-001',
      requestNumber: 'SOL-AVISO-001',
      description: 'Propuesta de los avisos',
      clientId: (await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).id,
      requestDate: '2026-11-01',
      deliveryDate: '2026-11-30',
      durationDays: 30,
      typeId: (await first('/api/v1/catalogs/types?level=proposal&limit=1')).id,
      projectManagerId: (await first('/api/v1/catalogs/project-managers?limit=1')).id,
      priority: 'medium',
    }),
  )
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

const unreadOf = async (cookie: string) =>
  (await api.ok(api.get('/api/v1/notifications?limit=50', cookie))).items

describe('notification preferences', () => {
  it('offers the kinds of the caller’s role, in the app by default and not by e-mail', async () => {
    const mine = await api.ok(api.get('/api/v1/notifications/preferences', manager))
    expect(mine.emailAvailable).toBe(false)
    const kinds = mine.items.map((i: Json) => i.kind)
    expect(kinds).toContain('proposal.step_assigned')
    expect(kinds).not.toContain('backup.failed')
    expect(mine.items.every((i: Json) => i.inApp && !i.email)).toBe(true)
    const adminKinds = (await api.ok(api.get('/api/v1/notifications/preferences'))).items.map(
      (i: Json) => i.kind,
    )
    expect(adminKinds).toContain('backup.failed')
  })

  it('refuses a kind the role is not offered, naming it', async () => {
    const res = await api.put(
      '/api/v1/notifications/preferences',
      { items: [{ kind: 'backup.failed', inApp: false, email: true }] },
      manager,
    )
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({
      key: 'notifications.unknownKind',
      message: 'Tipo de aviso desconocido',
      details: [{ path: 'items.0.kind', message: 'No hay avisos «backup.failed» para tu rol' }],
    })
  })

  it('speaks the caller language: the refused kind in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.patch('/api/v1/auth/me/preferences', { locale }, manager)).status).toBe(200)
    await setLocale('en')
    try {
      const res = await api.put(
        '/api/v1/notifications/preferences',
        { items: [{ kind: 'backup.failed', inApp: false, email: true }] },
        manager,
      )
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({
        key: 'notifications.unknownKind',
        message: 'Unknown kind of notice',
        details: [
          {
            path: 'items.0.kind',
            key: 'notifications.kindNotForRole',
            message: 'There are no “backup.failed” notices for your role',
          },
        ],
      })
    } finally {
      await setLocale('es')
    }
  })

  it('e-mails an assignment to whom asked for it, once, besides the app', async () => {
    await api.ok(
      api.put('/api/v1/settings/mail', {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        fromAddress: 'avisos@offshore.test',
      }),
    )
    const saved = await api.ok(
      api.put(
        '/api/v1/notifications/preferences',
        { items: [{ kind: 'proposal.step_assigned', inApp: true, email: true }] },
        manager,
      ),
    )
    expect(saved.emailAvailable).toBe(true)
    expect(saved.items.find((i: Json) => i.kind === 'proposal.step_assigned')).toMatchObject({
      inApp: true,
      email: true,
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select('changes')
      .where('action', '=', 'notifications.preferences_saved')
      .executeTakeFirstOrThrow()
    expect(audit.changes).toEqual([
      {
        field: 'proposal.step_assigned',
        old: { inApp: true, email: false },
        new: { inApp: true, email: true },
      },
    ])

    await assignFirstStep(managerId)
    const mails = await smtp.waitFor(1)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('AVISO-001')
    expect(mails[0]!.text).toContain(`/proposals/${proposal.id}`)
    const to = mails[0]!.to && !Array.isArray(mails[0]!.to) ? mails[0]!.to.value[0]!.address : ''
    expect(to).toBe('manager@offshore.test')
    expect((await unreadOf(manager)).filter((n: Json) => n.kind === 'proposal.step_assigned')).toHaveLength(1)
  })

  it('with the app turned off: only the e-mail, and no row in the bell', async () => {
    await api.ok(
      api.put(
        '/api/v1/notifications/preferences',
        { items: [{ kind: 'proposal.step_assigned', inApp: false, email: true }] },
        manager,
      ),
    )
    await assignFirstStep(null)
    await assignFirstStep(managerId)
    const mails = await smtp.waitFor(2)
    expect(mails).toHaveLength(2)
    expect((await unreadOf(manager)).filter((n: Json) => n.kind === 'proposal.step_assigned')).toHaveLength(1)
    const log = await api.ok(api.get('/api/v1/settings/mail/messages?limit=5'))
    expect(log.items[0]).toMatchObject({
      kind: 'notification',
      recipients: ['manager@offshore.test'],
      requestedBy: null,
    })
  })
})
