import fs from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { login, watchPageErrors } from './helpers'

/**
 * The dossier of a billing sheet (docs/rental-dossiers.md): a project with two custody chains last month —
 * one with an uploaded 2-page scan, one without — and its billing sheet (through the API, as the manager),
 * then on screen: "Expediente PDF" on the sheet runs the job and downloads one PDF whose pages are the
 * sheet's PDF, the chain without a scan as generated, and the 2 scanned pages.
 */

/** 'YYYY-MM-DD' of day 1 of the month `offset` months from now, in the organization's time zone. */
const monthStart = (offset: number) => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Guayaquil',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10)
}

async function created(api: APIRequestContext, url: string, data: unknown) {
  const res = await api.post(url, { data })
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201)
  return res.json()
}

const pagesOf = async (bytes: Buffer) => (await PDFDocument.load(bytes)).getPageCount()
async function pagesAt(api: APIRequestContext, url: string) {
  const res = await api.get(url)
  expect(res.status(), url).toBe(200)
  return pagesOf(await res.body())
}

test('download the dossier of a billing sheet: one PDF with the sheet and every custody chain', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const api = page.request

  const lastMonth = monthStart(-1)
  const day = (n: number) => `${lastMonth.slice(0, 8)}${String(n).padStart(2, '0')}`
  const clients = await (await api.get('/api/v1/rental/clients?limit=1')).json()
  const project = await created(api, '/api/v1/rental/projects', {
    clientId: clients.items[0].id,
    name: 'Campamento E2E Expediente',
    location: 'BLOQUE E2E EXPEDIENTE',
    startDate: monthStart(-2),
  })
  const serviceItem = await created(api, '/api/v1/rental/equipment', {
    code: 'E2E-DOS-SERV-1',
    name: 'Limpieza E2E expediente',
    kind: 'service',
  })
  const service = await created(api, `/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: serviceItem.id,
    dailyRate: '30.00',
    operationStart: monthStart(-2),
  })
  const chain = (d: number) =>
    created(api, '/api/v1/rental/custody-chains', {
      projectId: project.id,
      activityDate: day(d),
      assignmentIds: [service.id],
      volumeUnit: 'gallons',
      volume: '100',
    })
  const scanned = await chain(12)
  const generated = await chain(4)
  const scan = await PDFDocument.create()
  scan.addPage([595, 842])
  scan.addPage([595, 842])
  const attached = await api.post(`/api/v1/rental/custody-chains/${scanned.id}/attachments`, {
    multipart: {
      file: { name: 'escaneo.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await scan.save()) },
    },
  })
  expect(attached.status(), await attached.text()).toBe(201)
  const sheet = await created(api, '/api/v1/rental/billing-sheets', {
    projectId: project.id,
    periodStart: lastMonth,
    periodEnd: day(28),
  })
  const expected =
    (await pagesAt(api, `/api/v1/rental/billing-sheets/${sheet.id}/pdf`)) +
    (await pagesAt(api, `/api/v1/rental/custody-chains/${generated.id}/pdf`)) +
    2

  await page.goto(`/rental/billing-sheets/${sheet.id}`)
  const button = page.getByTestId('sheet-dossier')
  await expect(button).toHaveText('Expediente PDF')
  const downloading = page.waitForEvent('download')
  await button.click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Expediente_PSL-PS-\d{4}-\d{4,}_.+\.pdf$/)
  expect(await pagesOf(fs.readFileSync(await download.path()))).toBe(expected)
  await expect(page.getByText('Expediente descargado')).toBeVisible()
  await expect(button).toBeEnabled()
  expect(problems).toEqual([])
})
