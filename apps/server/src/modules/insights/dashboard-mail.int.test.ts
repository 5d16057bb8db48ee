/**
 * E-mailing a dashboard on both databases (docs/insights.md#e-mailing-a-dashboard): the filtered figures as a
 * workbook and a PDF with the charts, attached to an e-mail an SMTP server in the test process receives.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi } from '../../../test/json-api'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

let t: TestApp
let manager = ''
let smtp: SmtpCatcher
const api = jsonApi(
  () => t,
  () => manager,
)

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  t = await createTestApp({ mailRetryDelaysMs: [20] })
  manager = await t.login('manager@offshore.test')
  const port = smtp.port
  for (const admin of [await t.login('admin@offshore.test'), await t.login('admin@rental.test')])
    await api.ok(
      api.put(
        '/api/v1/settings/mail',
        { host: '127.0.0.1', port, security: 'none', fromAddress: 'avisos@faena.test' },
        admin,
      ),
    )
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

describe('e-mailing a dashboard', () => {
  it('sends the offshore dashboard as filtered: a workbook and a PDF with the charts', async () => {
    const res = await api.post('/api/v1/insights/offshore/email', {
      to: ['Direccion@offshore.test'],
      query: { from: '2026-01-01', to: '2026-12-31', proposalStatus: 'active' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body.recipients).toEqual(['direccion@offshore.test'])
    expect((await settleJob(t, res.body.jobId, manager)).run.status).toBe('done')
    const mail = smtp.received.at(-1)!
    expect(mail.subject).toContain('Tablero costa afuera')
    expect(mail.subject).toContain('periodo 2026-01-01 — 2026-12-31')
    const names = mail.attachments.map((a) => a.filename)
    expect(names).toEqual([
      expect.stringMatching(/^tablero-costa-afuera-\d{4}-\d{2}-\d{2}\.xlsx$/),
      expect.stringMatching(/\.pdf$/),
    ])
    const [xlsx, pdf] = mail.attachments
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx!.content as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toContain('Propuestas por estatus')
    expect(wb.getWorksheet('Propuestas por estatus')!.getRow(1).values).toEqual([
      undefined,
      'Estatus',
      'Propuestas',
    ])
  })

  it('sends the rental dashboard for a rental organization', async () => {
    const rentalManager = await t.login('manager@rental.test')
    const res = await api.post(
      '/api/v1/insights/rental/email',
      { to: ['gerencia@rental.test'], query: {} },
      rentalManager,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect((await settleJob(t, res.body.jobId, rentalManager)).run.status).toBe('done')
    expect(smtp.received.at(-1)!.subject).toContain('Tablero de alquiler')
  })

  it('refuses bad addresses naming them, those who cannot send, and the other line of business', async () => {
    const bad = await api.post('/api/v1/insights/offshore/email', { to: ['no-es-correo'], query: {} })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details[0].path).toBe('to.0')
    const viewer = await t.login('viewer@offshore.test')
    expect(
      (await api.post('/api/v1/insights/offshore/email', { to: ['a@b.test'], query: {} }, viewer)).status,
    ).toBe(403)
    expect((await api.post('/api/v1/insights/rental/email', { to: ['a@b.test'], query: {} })).status).toBe(
      403,
    )
  })
})
