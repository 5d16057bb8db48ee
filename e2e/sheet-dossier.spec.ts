import fs from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { login, watchPageErrors } from './helpers'
import { created, projectWithService, scannedPdf } from './rental-api'

/**
 * The dossier of a billing sheet (docs/rental-dossiers.md): a project with two custody chains last month —
 * one with an uploaded 2-page scan, one without — and its billing sheet (through the API, as the manager),
 * then on screen: "Expediente PDF" on the sheet runs the job and downloads one PDF whose pages are the
 * sheet's PDF, the chain without a scan as generated, and the 2 scanned pages.
 */

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

  const { project, lastMonth, day, chain } = await projectWithService(api, {
    project: 'Campamento E2E Expediente',
    code: 'E2E-DOS-SERV-1',
  })
  const scanned = await chain(12)
  const generated = await chain(4)
  const attached = await api.post(`/api/v1/rental/custody-chains/${scanned.id}/attachments`, {
    multipart: {
      file: { name: 'escaneo.pdf', mimeType: 'application/pdf', buffer: await scannedPdf(2) },
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
