import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'
import { created, projectWithService, scannedPdf } from './rental-api'

/**
 * The chain scans of a billing sheet (docs/rental-documents.md#bulk-scan): a project with two custody chains
 * last month and its billing sheet (through the API, with the manager's session), then on screen: the sheet's
 * "Subir escaneo de cadenas" lists both chains in date order, a 3-page PDF for 2 chains is refused before
 * anything is sent, a 2-page PDF goes one page per chain, and a second scan asks before replacing.
 */

test('upload a scan of two custody chains from their billing sheet; a wrong page count is refused', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const api = page.request

  const { project, lastMonth, day, chain } = await projectWithService(api, {
    project: 'Campamento E2E Escaneos',
    code: 'E2E-SCAN-SERV-1',
  })
  // recorded out of date order: the dialog lists them by activity date
  const second = await chain(12)
  const first = await chain(4)
  const sheet = await created(api, '/api/v1/rental/billing-sheets', {
    projectId: project.id,
    periodStart: lastMonth,
    periodEnd: day(28),
  })

  await page.goto(`/rental/billing-sheets/${sheet.id}`)
  await page.getByRole('button', { name: 'Subir escaneo de cadenas' }).click()
  const dialog = page.getByRole('dialog', { name: /Escaneo de cadenas/ })
  await expect(dialog.getByTestId(`scan-chain-${first.displayNumber}`)).toBeVisible()
  const labels = dialog.locator('.rd-scan li')
  await expect(labels).toHaveCount(2)
  await expect(labels.nth(0)).toContainText(first.displayNumber)
  await expect(labels.nth(0)).toContainText('Sin escaneo')
  await expect(labels.nth(1)).toContainText(second.displayNumber)

  // odd positions: only the first chain; then all
  await dialog.getByRole('button', { name: 'Posiciones impares' }).click()
  await expect(dialog.getByTestId(`scan-chain-${first.displayNumber}`)).toBeChecked()
  await expect(dialog.getByTestId(`scan-chain-${second.displayNumber}`)).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Todas' }).click()
  await expect(dialog.getByTestId(`scan-chain-${second.displayNumber}`)).toBeChecked()

  // three pages for two chains: refused on the spot, nothing uploaded
  let uploads = 0
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/custody-chains/scan-pages')) uploads++
  })
  await dialog.getByTestId('scan-file').setInputFiles({
    name: 'escaneo-tres.pdf',
    mimeType: 'application/pdf',
    buffer: await scannedPdf(3),
  })
  await expect(dialog.getByTestId('scan-pages-count')).toContainText('3 página(s)')
  await dialog.getByTestId('scan-send').click()
  await expect(dialog.getByRole('alert').first()).toContainText(
    'El PDF tiene 3 página(s) y elegiste 2 cadena(s)',
  )
  expect(uploads).toBe(0)

  // two pages: page 1 to the first chain by date, page 2 to the second
  await dialog.getByTestId('scan-file').setInputFiles({
    name: 'escaneo.pdf',
    mimeType: 'application/pdf',
    buffer: await scannedPdf(2),
  })
  await expect(dialog.getByTestId('scan-pages-count')).toContainText('2 página(s)')
  await dialog.getByTestId('scan-send').click()
  const result = dialog.getByTestId('scan-result')
  await expect(result).toBeVisible()
  await expect(result.locator('tbody tr').nth(0)).toContainText(first.displayNumber)
  await expect(result.locator('tbody tr').nth(0)).toContainText('escaneo-p1.pdf')
  await expect(result.locator('tbody tr').nth(1)).toContainText(second.displayNumber)
  expect(uploads).toBe(1)
  for (const [i, c] of [first, second].entries()) {
    const detail = await (await api.get(`/api/v1/rental/custody-chains/${c.id}`)).json()
    expect(detail.attachments.map((a: { label: string }) => a.label)).toEqual([
      `Escaneo, página ${i + 1} de 2`,
    ])
  }
  await dialog.getByTestId('scan-close').click()

  // a second scan of the first chain asks before replacing its scan
  await page.getByRole('button', { name: 'Subir escaneo de cadenas' }).click()
  await expect(labels.nth(0)).toContainText('Con escaneo')
  await dialog.getByTestId(`scan-chain-${first.displayNumber}`).check()
  await dialog.getByTestId('scan-file').setInputFiles({
    name: 'repetido.pdf',
    mimeType: 'application/pdf',
    buffer: await scannedPdf(1),
  })
  await expect(dialog.getByTestId('scan-pages-count')).toContainText('1 página(s)')
  await dialog.getByTestId('scan-send').click()
  await expect(dialog.getByTestId('scan-confirm')).toContainText(first.displayNumber)
  expect(uploads).toBe(1)
  await dialog.getByTestId('scan-send').click()
  await expect(dialog.getByTestId('scan-result')).toContainText('reemplazó el escaneo anterior')
  const replaced = await (await api.get(`/api/v1/rental/custody-chains/${first.id}`)).json()
  expect(replaced.attachments.map((a: { name: string }) => a.name)).toEqual(['repetido-p1.pdf'])

  expect(problems).toEqual([])
})
