/**
 * The weekly activity digest on both databases (docs/insights.md#weekly-digest): settings, the week's figures
 * computed from what the test does through the API, the hourly tick in the organization's time zone (a fixed
 * clock), once per week, and the e-mail as it arrives at an SMTP server in the test process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

// Monday 14 December 2026, 08:30 in Mexico City (UTC-6): the demo offshore organization's week of
// 7–13 December has ended; the test's own changes (made today, 7 December) fall inside it.
const NOW = new Date('2026-12-14T14:30:00Z')
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

let t: TestApp
let admin = ''
let manager = ''
let smtp: SmtpCatcher
const api = jsonApi(
  () => t,
  () => admin,
)

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  t = await createTestApp({ clock: () => NOW, mailRetryDelaysMs: [20] })
  admin = await t.login('admin@offshore.test')
  manager = await t.login('manager@offshore.test')
  await api.ok(
    api.put('/api/v1/settings/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      fromAddress: 'avisos@offshore.test',
    }),
  )
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

const first = async (url: string): Promise<Json> => (await api.ok(api.get(url))).items[0]

describe('weekly digest', () => {
  it('starts off, and refuses to turn on without recipients', async () => {
    expect(await api.ok(api.get('/api/v1/insights/digest/settings'))).toEqual({
      enabled: false,
      weekday: 1,
      hour: 7,
      recipients: [],
      timeZone: 'America/Mexico_City',
      updatedAt: null,
    })
    const res = await api.put('/api/v1/insights/digest/settings', {
      enabled: true,
      weekday: 1,
      hour: 8,
      recipients: [],
    })
    expect(res.status).toBe(400)
    expect(res.body.error.details[0].path).toBe('recipients')
    expect(res.body.error.message).toBe('Indica al menos un destinatario para enviar el resumen')
    expect(
      (
        await api.put('/api/v1/insights/digest/settings', {
          enabled: true,
          weekday: 8,
          hour: 8,
          recipients: [],
        })
      ).status,
    ).toBe(400)
  })

  it('is for admins only', async () => {
    expect((await api.get('/api/v1/insights/digest/settings', manager)).status).toBe(403)
    expect((await api.post('/api/v1/insights/digest/send', undefined, manager)).status).toBe(403)
  })

  it('counts the week’s changes per user and module, and the documents of each project manager', async () => {
    // the manager creates a proposal and attaches a document to its first step (audited as "proposals")
    const pm = await first('/api/v1/catalogs/project-managers?limit=1')
    const proposal = await api.ok(
      api.post(
        '/api/v1/proposals',
        {
          officialNumber: 'DIG-001',
          requestNumber: 'SOL-DIG-001',
          description: 'Propuesta del resumen semanal',
          clientId: (await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).id,
          requestDate: '2026-12-01',
          deliveryDate: '2026-12-31',
          durationDays: 30,
          typeId: (await first('/api/v1/catalogs/types?level=proposal&limit=1')).id,
          projectManagerId: pm.id,
          priority: 'high',
        },
        manager,
      ),
    )
    const file = await uploadFile(t, manager, 'evidencia.png', PNG)
    const step = proposal.steps[0]
    await api.ok(
      api.post(
        `/api/v1/proposals/${proposal.id}/steps/${step.id}/attachments`,
        { fileId: file.id, name: 'Evidencia' },
        manager,
      ),
    )

    const digest = await api.ok(api.get('/api/v1/insights/digest/preview'))
    expect(digest).toMatchObject({
      periodStart: '2026-12-07',
      periodEnd: '2026-12-13',
      timeZone: 'America/Mexico_City',
    })
    expect(digest.subject).toBe('Resumen semanal de actividad: 07/12/2026 — 13/12/2026')
    const managerRow = digest.activity.find(
      (u: Json) => u.user.startsWith('Gerencia') || u.modules.some((m: Json) => m.module === 'proposals'),
    )
    expect(managerRow).toBeDefined()
    expect(managerRow.modules.find((m: Json) => m.module === 'proposals')).toMatchObject({
      label: 'Propuestas (PTE)',
    })
    expect(managerRow.total).toBe(managerRow.modules.reduce((n: number, m: Json) => n + m.count, 0))
    // sign-ins are not activity
    expect(digest.modules.map((m: Json) => m.module)).not.toContain('auth')

    const docs = digest.proposalDocuments.find((r: Json) => r.projectManager === pm.name)
    expect(docs.done).toBeGreaterThanOrEqual(1)
    expect(docs.total).toBeGreaterThanOrEqual(proposal.steps.length)
    expect(digest.html).toContain('Informe semanal de actividad')
    expect(digest.html).toContain(pm.name)

    // a week with nothing in it
    const empty = await api.ok(api.get('/api/v1/insights/digest/preview?end=2020-01-05'))
    expect(empty).toMatchObject({
      periodStart: '2019-12-30',
      periodEnd: '2020-01-05',
      activity: [],
      modules: [],
    })
    expect(empty.html).toContain('Nadie registró cambios en la semana.')
    // only finished weeks
    expect((await api.get('/api/v1/insights/digest/preview?end=2026-12-14')).status).toBe(400)
  })

  it('the hourly tick sends it on its weekday and hour of the organization, once per week', async () => {
    await api.ok(
      api.put('/api/v1/insights/digest/settings', {
        enabled: true,
        weekday: 1,
        hour: 8,
        recipients: ['Direccion@offshore.test', 'direccion@offshore.test', 'pmo@offshore.test'],
      }),
    )
    const saved = await api.ok(api.get('/api/v1/insights/digest/settings'))
    expect(saved.recipients).toEqual(['direccion@offshore.test', 'pmo@offshore.test'])

    const digest = t.app.services.insights.digest
    // 07:59 and 09:00 in Mexico City are not its hour; 14:00 UTC is 08:00 there
    expect(await digest.tick(new Date('2026-12-14T13:59:00Z'))).toBe(0)
    expect(await digest.tick(new Date('2026-12-14T15:00:00Z'))).toBe(0)
    expect(await digest.tick(new Date('2026-12-14T14:05:00Z'))).toBe(1)
    expect(await digest.tick(new Date('2026-12-14T14:40:00Z'))).toBe(0)

    const run = await t.db
      .selectFrom('digest_runs')
      .selectAll()
      .where('trigger', '=', 'schedule')
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ period_start: '2026-12-07', period_end: '2026-12-13', requested_by: null })
    const job = await t.db
      .selectFrom('job_runs')
      .select('id')
      .where('kind', '=', 'mail.send')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const { run: sent } = await settleJob(t, job.id, admin)
    expect(sent.status).toBe('done')
    const mail = smtp.received.at(-1)!
    expect(mail.subject).toBe('Resumen semanal de actividad: 07/12/2026 — 13/12/2026')
    expect(mail.html).toContain('Avance de carga de documentos de PTE')
    expect(mail.text).toContain('Actividad por usuario:')
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []
    expect(to).toEqual(['direccion@offshore.test', 'pmo@offshore.test'])

    const log = await api.ok(api.get('/api/v1/settings/mail/messages?limit=1'))
    expect(log.items[0]).toMatchObject({ kind: 'digest', status: 'sent', requestedBy: null })
  })

  it('sends now on request, to the saved recipients, as many times as asked', async () => {
    const before = smtp.received.length
    const res = await api.post('/api/v1/insights/digest/send')
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({
      periodStart: '2026-12-07',
      periodEnd: '2026-12-13',
      recipients: ['direccion@offshore.test', 'pmo@offshore.test'],
    })
    expect((await settleJob(t, res.body.jobId, admin)).run.status).toBe('done')
    expect(smtp.received.length).toBe(before + 1)
    expect((await api.post('/api/v1/insights/digest/send')).status).toBe(202)
  })

  it('each organization keeps its own settings', async () => {
    const rental = await t.login('admin@rental.test')
    const own = await api.ok(api.get('/api/v1/insights/digest/settings', rental))
    expect(own).toMatchObject({ enabled: false, recipients: [], timeZone: 'America/Guayaquil' })
    expect((await api.post('/api/v1/insights/digest/send', undefined, rental)).status).toBe(409)
    // an English user gets the rules and the field's message in English (another organization: its change of
    // language is no activity of the offshore digest)
    await api.ok(api.patch('/api/v1/auth/me/preferences', { locale: 'en' }, rental))
    const en = await api.put(
      '/api/v1/insights/digest/settings',
      { enabled: true, weekday: 1, hour: 8, recipients: [] },
      rental,
    )
    expect(en.body.error).toMatchObject({
      key: 'insights.recipientsNeeded',
      message: 'Give at least one recipient to send the digest to',
    })
    expect(en.body.error.details[0]).toMatchObject({
      path: 'recipients',
      message: 'Give at least one recipient',
    })
    const send = await api.post('/api/v1/insights/digest/send', undefined, rental)
    expect(send.body.error.message).toBe("Save the digest's recipients first")
    const future = await api.get('/api/v1/insights/digest/preview?end=2026-12-14', rental)
    expect(future.body.error.message).toBe('The digest covers finished weeks: choose a day before today')
  })
})
