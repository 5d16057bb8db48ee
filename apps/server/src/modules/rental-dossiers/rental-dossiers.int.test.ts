/**
 * The dossiers (docs/rental-dossiers.md) through HTTP → job → PDF, on the embedded database and PostgreSQL:
 * the sheet dossier's parts in order (generated sheet, certificate, invoice, each chain's scan or its
 * generated PDF), the project dossier per scope, a corrupt upload listed as skipped, tenancy.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'
import { postFile } from '../../../test/multipart'

const NOW = new Date('2026-02-05T15:00:00Z')
const R = '/api/v1/rental'
const S = `${R}/billing-sheets`

let t: TestApp
let manager: string
let billing: string
let viewer: string
let offshoreAdmin: string

const { get, post, patch, ok } = jsonApi(
  () => t,
  () => manager,
)

/** A real PDF of `pages` pages, each saying `label p<i>` (readable by unpdf). */
async function textPdf(label: string, pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`${label} p${i}`, { x: 50, y: 700, size: 18, font })
  return Buffer.from(await doc.save())
}
const CORRUPT = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

async function pageTexts(bytes: Buffer | Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { text } = await extractText(pdf, { mergePages: false })
  return text.map((s) => s.replace(/\s+/g, ' '))
}
const pagesOf = async (bytes: Buffer | Uint8Array) => (await PDFDocument.load(bytes)).getPageCount()

/** GET a generated PDF through its own route: its page count (what the dossier must contain). */
async function generatedPages(url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: manager } })
  expect(res.statusCode, res.body).toBe(200)
  return pagesOf(res.rawPayload)
}

/** Asks for a dossier at `url`: 202 + Location, polled to done; the PDF, its name and the job's result. */
async function dossier(url: string, body: object | undefined, cookie = manager) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie },
    ...(body ? { payload: body } : {}),
  })
  expect(res.statusCode, res.body).toBe(202)
  const job = res.json<Json>()
  expect(res.headers.location).toBe(`/api/v1/jobs/${job.id}`)
  const { run } = await settleJob(t, job.id, cookie)
  if (run.status !== 'done') return { run, bytes: null, fileName: '' }
  expect(run.done).toBe(run.total)
  const file = await t.app.inject({
    method: 'GET',
    url: `/api/v1/jobs/${job.id}/result`,
    headers: { cookie },
  })
  expect(file.statusCode).toBe(200)
  expect(String(file.headers['content-type'])).toContain('application/pdf')
  return { run, bytes: file.rawPayload, fileName: String(file.headers['content-disposition']) }
}

let seq = 0
let clientId = ''
async function projectWithUnit() {
  const project = await ok(
    post(`${R}/projects`, {
      clientId,
      name: `Proyecto expediente ${++seq}`,
      location: 'CAMPO SUR',
      cardinalPoint: 'south',
      startDate: '2025-12-01',
    }),
  )
  const unit = await ok(
    post(`${R}/equipment`, { code: `EX-BT-${++seq}`, name: 'BATERÍA', kind: 'equipment', type: 'toilet' }),
  )
  const assignment = await ok(
    post(`${R}/projects/${project.id}/assignments`, {
      equipmentId: unit.id,
      operationStart: '2025-12-01',
      dailyRate: '10.00',
    }),
  )
  return { project, assignment }
}
const chain = (projectId: string, activityDate: string, assignmentId: string) =>
  ok(
    post(`${R}/custody-chains`, {
      projectId,
      activityDate,
      assignmentIds: [assignmentId],
      volumeUnit: 'gallons',
      volume: '180',
    }),
  )
async function attach(kind: 'custody-chains' | 'shipping-guides', id: string, name: string, bytes: Buffer) {
  const res = await postFile(t, manager, `${R}/${kind}/${id}/attachments`, name, bytes)
  expect(res.statusCode, res.body).toBe(201)
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  billing = await t.login('billing@rental.test')
  viewer = await t.login('viewer@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  clientId = (await ok(post(`${R}/clients`, { name: 'Petróleos del Sur S.A.', taxId: '1790012345001' }))).id
})
afterAll(async () => t?.close())

describe('sheet dossier and project dossier', () => {
  let sheet: Json
  let projectId = ''
  let sheetPages = 0
  let certPages = 0
  let chainPages = 0

  beforeAll(async () => {
    const { project, assignment } = await projectWithUnit()
    projectId = project.id
    // chain B (Jan 10, no upload) comes before chain A (Jan 12, with a 2-page scan)
    const chainA = await chain(project.id, '2026-01-12', assignment.id)
    const chainB = await chain(project.id, '2026-01-10', assignment.id)
    await attach('custody-chains', chainA.id, 'escaneo-a.pdf', await textPdf('ESCANEO-A', 2))
    const guide = await ok(post(`${R}/shipping-guides`, { projectId: project.id, issueDate: '2026-01-09' }))
    await attach('shipping-guides', guide.id, 'guia-firmada.pdf', await textPdf('GUIA-FIRMADA'))
    sheet = await ok(post(S, { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' }))
    const cert = await ok(post(`${R}/disposition-certificates`, { billingSheetId: sheet.id }))
    await ok(post(`${S}/${sheet.id}/liquidate`))
    const invoice = await uploadFile(t, billing, 'factura.pdf', await textPdf('FACTURA-SUBIDA'))
    await ok(
      post(
        `${S}/${sheet.id}/invoice`,
        { invoiceReference: '001-001-000000777', invoiceFileId: invoice.id },
        billing,
      ),
    )
    sheetPages = await generatedPages(`${S}/${sheet.id}/pdf`)
    certPages = await generatedPages(`${R}/disposition-certificates/${cert.id}/pdf`)
    chainPages = await generatedPages(`${R}/custody-chains/${chainB.id}/pdf`)
    sheet = { ...sheet, chainA, chainB, cert }
  })

  it('one PDF: sheet (landscape), certificate, invoice, chain B generated, chain A scan — in that order', async () => {
    const { run, bytes, fileName } = await dossier(`${S}/${sheet.id}/dossier`, undefined, viewer)
    expect(run.kind).toBe('rental-dossiers.sheet-dossier')
    expect(fileName).toContain(`Expediente_${sheet.seriesCode}_Petroleos_del_Sur_S_A.pdf`)
    const total = sheetPages + certPages + 1 + chainPages + 2
    expect(await pagesOf(bytes!)).toBe(total)
    expect(run.result).toMatchObject({ pages: total, skipped: 0 })
    expect(run.result.parts.map((p: Json) => [p.kind, p.source, p.pages])).toEqual([
      ['sheet', 'generated', sheetPages],
      ['certificate', 'generated', certPages],
      ['invoice', 'uploaded', 1],
      ['chain', 'generated', chainPages],
      ['chain', 'uploaded', 2],
    ])
    const doc = await PDFDocument.load(bytes!)
    const first = doc.getPage(0).getSize()
    expect(first.width).toBeGreaterThan(first.height) // the billing sheet is landscape
    const texts = await pageTexts(bytes!)
    expect(texts[0]).toContain(sheet.seriesCode)
    expect(texts[sheetPages]).toContain(sheet.cert.number)
    expect(texts[sheetPages + certPages]).toContain('FACTURA-SUBIDA p1')
    expect(texts[sheetPages + certPages + 1]).toContain(String(sheet.chainB.number).padStart(8, '0'))
    expect(texts[total - 2]).toContain('ESCANEO-A p1')
    expect(texts[total - 1]).toContain('ESCANEO-A p2')
  })

  it('project dossier: uploaded files only, per scope, in order (invoice, chains, guides)', async () => {
    const url = `${R}/projects/${projectId}/dossier`
    const all = await dossier(url, { scope: 'all' })
    expect(all.fileName).toContain('Documentos_Petroleos_del_Sur_S_A_all.pdf')
    expect(await pageTexts(all.bytes!)).toEqual([
      expect.stringContaining('FACTURA-SUBIDA p1'),
      expect.stringContaining('ESCANEO-A p1'),
      expect.stringContaining('ESCANEO-A p2'),
      expect.stringContaining('GUIA-FIRMADA p1'),
    ])
    const count = async (body: object) => pagesOf((await dossier(url, body)).bytes!)
    expect(await count({ scope: 'sheet_files' })).toBe(1)
    expect(await count({ scope: 'custody_chains' })).toBe(2)
    expect(await count({ scope: 'shipping_guides' })).toBe(1)
    expect(await count({ scope: 'custody_chains', sheetId: sheet.id })).toBe(2)
    // nothing uploaded in the scope: the job fails with a message, not an empty PDF
    const other = await projectWithUnit()
    const empty = await dossier(`${R}/projects/${other.project.id}/dossier`, {})
    expect(empty.run).toMatchObject({ status: 'failed', error: expect.stringContaining('No hay archivos') })
    // a sheet of another project: 404 naming it
    const wrong = await post(`${R}/projects/${other.project.id}/dossier`, { sheetId: sheet.id })
    expect(wrong.status).toBe(404)
    expect(wrong.body.error.message).toBe('La planilla no es de este proyecto')
    // the same rule to an English user
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await patch('/api/v1/auth/me/preferences', { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const inEnglish = await post(`${R}/projects/${other.project.id}/dossier`, { sheetId: sheet.id })
      expect(inEnglish.body.error).toMatchObject({
        key: 'rentalDossiers.sheetOfOtherProject',
        message: 'The billing sheet does not belong to this project',
      })
    } finally {
      await setLocale('es')
    }
    const bad = await post(url, { scope: 'everything' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('scope')
  })

  it('another organization gets 404; the job is seen by its requester only', async () => {
    expect((await post(`${S}/${sheet.id}/dossier`, undefined, offshoreAdmin)).status).toBe(404)
    expect((await post(`${R}/projects/${projectId}/dossier`, {}, offshoreAdmin)).status).toBe(404)
    const res = await post(`${S}/${sheet.id}/dossier`, undefined, viewer)
    expect(res.status).toBe(202)
    expect((await get(`/api/v1/jobs/${res.body.id}`, offshoreAdmin)).status).toBe(404)
    expect((await get(`/api/v1/jobs/${res.body.id}`, billing)).status).toBe(404)
    await settleJob(t, res.body.id, viewer)
  })

  it('an authorized e-invoice: its RIDE is the invoice of the dossier', async () => {
    const { project } = await projectWithUnit()
    const s = await ok(post(S, { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' }))
    await ok(post(`${S}/${s.id}/liquidate`))
    const issued = await post(`${S}/${s.id}/e-invoice`, undefined, billing)
    expect(issued.status).toBe(201)
    expect(issued.body.status).toBe('authorized')
    const pages = await generatedPages(`${S}/${s.id}/pdf`)
    const ride = await generatedPages(`${S}/${s.id}/e-invoice/ride`)
    const { run, bytes } = await dossier(`${S}/${s.id}/dossier`, undefined)
    expect(run.result.parts.map((p: Json) => [p.kind, p.pages, p.skipped])).toEqual([
      ['sheet', pages, null],
      ['invoice', ride, null],
    ])
    expect(run.result.parts[1].name).toMatch(/^RIDE-factura-001-001-\d{9}\.pdf$/)
    expect((await pageTexts(bytes!))[pages]).toContain(issued.body.document.number)
  })

  it('a corrupt uploaded "PDF" is left out and listed on a last page and in the result, not a 500', async () => {
    const { project, assignment } = await projectWithUnit()
    const c = await chain(project.id, '2026-01-15', assignment.id)
    await attach('custody-chains', c.id, 'dañado.pdf', CORRUPT)
    const s = await ok(post(S, { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' }))
    const pages = await generatedPages(`${S}/${s.id}/pdf`)
    const { run, bytes } = await dossier(`${S}/${s.id}/dossier`, undefined)
    expect(run.status).toBe('done')
    expect(run.result.skipped).toBe(1)
    expect(run.result.parts).toEqual([
      expect.objectContaining({ kind: 'sheet', skipped: null }),
      expect.objectContaining({ kind: 'chain', name: 'dañado.pdf', pages: 0, skipped: 'unreadable' }),
    ])
    expect(await pagesOf(bytes!)).toBe(pages + 1)
    const last = (await pageTexts(bytes!)).at(-1)!
    expect(last).toContain('Partes que no se incluyeron')
    expect(last).toContain(`Cadena de custodia ${String(c.number).padStart(8, '0')}`)
    expect(last).toContain('no se pudo leer')
    // the project dossier of the same file: listed too
    const proj = await dossier(`${R}/projects/${project.id}/dossier`, { scope: 'custody_chains' })
    expect(proj.run.result).toMatchObject({ skipped: 1, pages: 1 })
  })
})
