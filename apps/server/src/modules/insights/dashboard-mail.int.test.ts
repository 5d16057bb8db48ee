/**
 * E-mailing a dashboard on both databases (docs/insights.md#e-mailing-a-dashboard): the filtered figures as a
 * workbook and a PDF with the charts, attached to an e-mail an SMTP server in the test process receives.
 */
import ExcelJS from 'exceljs'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi } from '../../../test/json-api'

let t: TestApp
let manager = ''
const received: ParsedMail[] = []
let smtp: SMTPServer
const api = jsonApi(
  () => t,
  () => manager,
)

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((mail) => (received.push(mail), cb()))
        .catch(cb)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  t = await createTestApp({ mailRetryDelaysMs: [20] })
  manager = await t.login('manager@offshore.test')
  const port = (smtp.server.address() as { port: number }).port
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
  await new Promise<void>((r) => smtp.close(() => r()))
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
    const mail = received.at(-1)!
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
    expect(received.at(-1)!.subject).toContain('Tablero de alquiler')
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
