import { expect, test, type Page } from '@playwright/test'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

/** A 1×1 PNG built here (the server types files by their first bytes). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/test-results'

const evidenceCell = (page: Page, code: string, timeType: string, date: string) =>
  page.locator(`td[data-cell="${code}|${timeType}|${date}"]`)
const count = (page: Page, status: string) => page.getByTestId(`evidence-count-${status}`)

test('evidence (GPU): production on a C-2 concept gets evidence — upload a photo, sign it; reject another cell with a note', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const api = apiOf(page.request)
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-E2E-GPU',
    start: '2026-06-01',
    end: '2026-06-28',
    rows: annexRows(catalog.slice(0, 2), () => 100),
  })
  const code = catalog[0]!.code

  // production of day 8, TE and CMA (the production sheet's own journeys type it; here the API saves it)
  for (const [timeType, volume] of [
    ['TE', '3.5'],
    ['CMA', '1.5'],
  ] as const)
    await api.json('PUT', '/api/v1/production/grid', {
      workOrderId: wo.id,
      siteId: refs.vessel,
      month: '2026-06',
      timeType,
      version: 0,
      cells: [{ conceptId: catalog[0]!.id, date: '2026-06-08', volume }],
    })
  await page.goto(`/production?month=2026-06&siteId=${refs.vessel}&tab=grid&workOrderId=${wo.id}`)

  // Evidencias: both cells of day 8 are pending
  await page.getByRole('tab', { name: 'Evidencias' }).click()
  const grid = page.getByRole('grid', { name: /Evidencias \(GPU\) de OT-E2E-GPU/ })
  await expect(grid).toBeVisible()
  await expect(count(page, 'pending')).toHaveText('2')
  await expect(count(page, 'signed')).toHaveText('0')
  await expect(page.getByTestId('evidence-pending')).toHaveText('2 celdas pendientes de firma')
  await expect(evidenceCell(page, code, 'TE', '2026-06-08')).toHaveClass(/ev__cell--pending/)
  await expect(evidenceCell(page, code, 'CMA', '2026-06-08')).toHaveClass(/ev__cell--pending/)

  // open the TE cell with the keyboard: upload a photo, then sign
  await evidenceCell(page, code, 'TE', '2026-06-08').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: new RegExp(`${code} · TE`) })).toBeVisible()
  await dialog
    .getByTestId('evidence-files')
    .setInputFiles({ name: 'frente.png', mimeType: 'image/png', buffer: PNG })
  await dialog.getByRole('button', { name: 'Subir 1 archivo' }).click()
  await expect(page.getByText('1 archivo subido')).toBeVisible()
  await expect(dialog.getByRole('link', { name: 'Descargar frente.png' })).toBeVisible()
  await dialog.getByTestId('evidence-status').selectOption('signed')
  await dialog.getByRole('button', { name: 'Guardar estado' }).click()
  await expect(page.getByText('Estado de la evidencia guardado').last()).toBeVisible()
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click()
  await expect(count(page, 'signed')).toHaveText('1')
  await expect(count(page, 'pending')).toHaveText('1')
  await expect(evidenceCell(page, code, 'TE', '2026-06-08')).toHaveClass(/ev__cell--signed/)
  await expect(evidenceCell(page, code, 'TE', '2026-06-08')).toContainText('1')
  await page.screenshot({ path: `${SHOTS}/production-evidence.png`, fullPage: true })

  // the CMA cell, reached with the arrow key from the TE cell: a rejection asks for its note
  await evidenceCell(page, code, 'TE', '2026-06-08').focus()
  await page.keyboard.press('ArrowDown')
  await expect(evidenceCell(page, code, 'CMA', '2026-06-08')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('heading', { name: new RegExp(`${code} · CMA`) })).toBeVisible()
  await dialog.getByTestId('evidence-status').selectOption('rejected')
  await dialog.getByRole('button', { name: 'Guardar estado' }).click()
  await expect(dialog.getByText('El rechazo necesita una nota que diga por qué.')).toBeVisible()
  await dialog.getByTestId('evidence-note').fill('Falta el generador firmado por el cliente')
  await dialog.getByRole('button', { name: 'Guardar estado' }).click()
  await expect(page.getByText('Estado de la evidencia guardado').last()).toBeVisible()
  await expect(dialog.locator('.badge')).toHaveText('Rechazado')
  await page.screenshot({ path: `${SHOTS}/production-evidence-dialog.png` })
  await page.keyboard.press('Escape')
  await expect(count(page, 'rejected')).toHaveText('1')
  await expect(count(page, 'pending')).toHaveText('0')
  await expect(page.getByTestId('evidence-pending')).toHaveText('1 celda pendiente de firma')

  // the filter by status leaves the rows with a rejected cell
  await page.getByRole('button', { name: /^Rechazado/ }).click()
  await expect(evidenceCell(page, code, 'TE', '2026-06-08')).toHaveCount(0)
  await expect(evidenceCell(page, code, 'CMA', '2026-06-08')).toHaveClass(/ev__cell--rejected/)

  // Configuración shows the organization's evidence annexes
  await page.getByRole('tab', { name: 'Configuración' }).click()
  const annexes = page.getByRole('region', { name: 'Anexos con evidencia (GPU)' })
  await expect(annexes.getByRole('list', { name: 'Anexos con evidencia (GPU)' })).toContainText('C-2')
  await annexes.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/production-evidence-settings.png` })
  await page.getByRole('tab', { name: 'Evidencias' }).click()
  await expect(grid).toBeVisible()

  // a phone-width screen scrolls the grid inside its box, not the page
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(grid).toBeVisible()
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
  expect(overflow).toBeLessThanOrEqual(1)
  await page.waitForTimeout(600) // the navigation drawer slides away on a narrow screen
  await page.screenshot({ path: `${SHOTS}/production-evidence-phone.png`, fullPage: true })
  await evidenceCell(page, code, 'CMA', '2026-06-08').click()
  await expect(dialog.getByTestId('evidence-note')).toHaveValue('Falta el generador firmado por el cliente')
  await page.screenshot({ path: `${SHOTS}/production-evidence-phone-dialog.png` })
  await page.keyboard.press('Escape')
  expect(problems).toEqual([])
})
