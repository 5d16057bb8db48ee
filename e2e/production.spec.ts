import { expect, test, type Page } from '@playwright/test'
import {
  annexRows,
  confirmAnnex,
  importCatalog,
  siteRefs,
  workOrderWithAnnex,
  type SiteRefs,
} from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

async function setup(page: Page, number: string, month: string, volumes: number[]) {
  const api = apiOf(page.request)
  // the contract workbook the other journeys import, one annex: a code names one concept
  // the concepts in the order the sheet shows them (by code), whatever order other journeys left the catalog in
  const catalog = (await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' }))
    .slice(0, volumes.length)
    .sort((a, b) => a.code.localeCompare(b.code, 'es', { numeric: true }))
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number,
    start: `${month}-02`,
    end: `${month}-27`,
    rows: annexRows(catalog, (i) => volumes[i]!),
  })
  return { api, catalog, refs, wo }
}

const dailyCell = (page: Page, number: string, date: string) =>
  page.locator(`td[data-cell="${number}|${date}"]`)
const gridCell = (page: Page, code: string, date: string) => page.locator(`td[data-cell="${code}|${date}"]`)

async function openProduction(page: Page, refs: SiteRefs, month: string, extra = '') {
  await page.goto(`/production?month=${month}&siteId=${refs.vessel}${extra}`)
}

/** Types a volume in a grid cell (click until it is the selected cell, type, Enter). */
async function typeVolume(page: Page, code: string, date: string, value: string) {
  await expect(async () => {
    await gridCell(page, code, date).click()
    await expect(gridCell(page, code, date)).toHaveAttribute('aria-selected', 'true', { timeout: 500 })
  }).toPass()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

test('weather standby: a status with a comment, no production that day, production resumes the next day', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { refs, wo, catalog } = await setup(page, 'OT-E2E-CLIMA', '2026-03', [50])
  await openProduction(page, refs, '2026-03')
  const grid = page.getByRole('grid', { name: /Estado de cada día/ })
  await expect(grid).toBeVisible()
  await expect(dailyCell(page, wo.number, '2026-03-01')).toHaveClass(/kg__cell--blocked/)

  // day 10: operating; day 11: weather standby with a comment (dialog); day 12: operating again
  await dailyCell(page, wo.number, '2026-03-10').click()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Estado del día').selectOption('operating')
  await dialog.getByRole('button', { name: 'Aplicar a la selección' }).click()
  await dailyCell(page, wo.number, '2026-03-11').dblclick()
  await dialog.getByLabel('Estado del día').selectOption('weather_standby')
  await dialog.getByLabel('Comentario').fill('Frente frío, puerto cerrado')
  await dialog.getByRole('button', { name: 'Aplicar a la selección' }).click()
  // bulk: select day 12 and apply "Operando" from the toolbar
  await dailyCell(page, wo.number, '2026-03-12').click()
  await page.getByLabel('Estado del día').selectOption('operating')
  await page.getByRole('button', { name: 'Aplicar a la selección' }).click()
  await expect(page.getByText('3 cambios sin guardar')).toBeVisible()
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await expect(dailyCell(page, wo.number, '2026-03-11')).toHaveAttribute('title', /Frente frío/)
  await page.screenshot({ path: 'e2e/test-results/production-daily.png' })

  // the production sheet: day 11 takes no production, day 12 does
  await page.getByRole('tab', { name: 'Producción' }).click()
  const code = catalog[0]!.code
  await expect(gridCell(page, code, '2026-03-11')).toHaveClass(/kg__cell--blocked/)
  await expect(gridCell(page, code, '2026-03-11')).toHaveAttribute('title', /no permite producción/)
  await typeVolume(page, code, '2026-03-12', '4.5')
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await expect(gridCell(page, code, '2026-03-12')).toContainText('4.5')
  expect(problems).toEqual([])
})

test('excess volume: flagged while typing, confirmed on save, its reason recorded, cleared when a reprogramming raises the authorization', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { api, refs, wo, catalog } = await setup(page, 'OT-E2E-EXCEDENTE', '2026-04', [10, 20])
  await openProduction(page, refs, '2026-04', `&tab=grid&workOrderId=${wo.id}`)
  const code = catalog[0]!.code
  await typeVolume(page, code, '2026-04-06', '7')
  await expect(gridCell(page, code, '2026-04-06')).not.toHaveClass(/pg__cell--excess/)
  // fast typing, then arrows: the next cell to the right
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('5')
  await page.keyboard.press('Tab')
  await expect(gridCell(page, code, '2026-04-07')).toHaveClass(/pg__cell--excess/)
  await expect(page.getByText('2 cambios sin guardar')).toBeVisible()
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await expect(gridCell(page, code, '2026-04-07')).toHaveClass(/pg__cell--excess/)
  await expect(page.getByRole('row', { name: new RegExp(code.replace('.', '\\.')) }).first()).toContainText(
    'Excedente',
  )

  // the reason for the excess: the saved excess cell selected, the button records it; the field is named
  const reasonButton = page.getByRole('button', { name: 'Motivo del excedente', exact: true })
  await gridCell(page, code, '2026-04-06').click()
  await expect(reasonButton).toBeDisabled()
  await gridCell(page, code, '2026-04-07').click()
  await reasonButton.click()
  const reasonDialog = page.getByRole('dialog', { name: /^Motivo del excedente/ })
  await reasonDialog.getByRole('button', { name: 'Guardar' }).click()
  await expect(reasonDialog.getByText('El motivo es obligatorio (al menos 5 caracteres).')).toBeVisible()
  await reasonDialog.getByTestId('excess-reason').fill('Trabajo adicional pedido por el cliente')
  await reasonDialog.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('Motivo del excedente guardado')).toBeVisible()
  await expect(gridCell(page, code, '2026-04-07')).toHaveClass(/pg__cell--reason/)
  await gridCell(page, code, '2026-04-07').click()
  await expect(page.getByTestId('excess-reason-shown')).toContainText(
    'Trabajo adicional pedido por el cliente',
  )
  await page.screenshot({ path: 'e2e/test-results/production-excess-reason.png' })

  // a reprogramming whose Anexo C authorizes 30: the excess clears
  const repro = await api.json('POST', `/api/v1/work-orders/${wo.id}/reprogrammings`, {
    plannedStart: '2026-04-02',
    plannedEnd: '2026-05-31',
  })
  await confirmAnnex(
    api,
    repro.id,
    annexRows(catalog.slice(0, 2), (i) => (i === 0 ? 30 : 20)),
  )
  await page.reload()
  await expect(gridCell(page, code, '2026-04-07')).toContainText('5')
  await expect(gridCell(page, code, '2026-04-07')).not.toHaveClass(/pg__cell--excess/)
  expect(problems).toEqual([])
})

test('multi-site: one work order produces at a vessel and a platform; the family KPIs include both', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { refs, wo, catalog } = await setup(page, 'OT-E2E-MULTISITIO', '2026-05', [100])
  const code = catalog[0]!.code
  await openProduction(page, refs, '2026-05', `&tab=grid&workOrderId=${wo.id}`)
  await typeVolume(page, code, '2026-05-04', '10')
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  // the platform
  await page.goto(`/production?month=2026-05&siteId=${refs.platform}&tab=grid&workOrderId=${wo.id}`)
  await expect(gridCell(page, code, '2026-05-04')).toBeVisible()
  await expect(gridCell(page, code, '2026-05-04')).not.toContainText('10')
  await typeVolume(page, code, '2026-05-05', '15')
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  const price = Number(catalog[0]!.unitPriceMxn)
  const executed = new Intl.NumberFormat('es-MX', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(25 * price)
  await expect(page.getByLabel('Indicadores de la familia (todos los sitios)')).toContainText(executed)
  await expect(page.getByText('Incluye la producción de todos los sitios')).toBeVisible()
  expect(problems).toEqual([])
})

test('a signed day cannot be edited until a supervisor unlocks it', async ({ page, browser }) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { refs, wo, catalog } = await setup(page, 'OT-E2E-FIRMA', '2026-06', [100])
  const code = catalog[0]!.code
  await openProduction(page, refs, '2026-06')
  await dailyCell(page, wo.number, '2026-06-08').click()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Estado del día').selectOption('operating')
  await dialog.getByLabel('Firma del reporte').selectOption('signed')
  await dialog.getByRole('button', { name: 'Aplicar a la selección' }).click()
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()

  // the sheet of this work order (other journeys work at the same vessel and month): the signed day is locked
  await openProduction(page, refs, '2026-06', `&tab=grid&workOrderId=${wo.id}`)
  await expect(gridCell(page, code, '2026-06-08')).toHaveAttribute('title', /Día firmado/)
  await gridCell(page, code, '2026-06-08').click()
  await page.keyboard.type('3')
  await expect(page.getByText(/cambios? sin guardar/)).toHaveCount(0)

  // an operator sees it locked without the unlock; a supervisor unlocks it with a reason
  const sup = await browser.newContext({ baseURL: page.url() })
  const supPage = await sup.newPage()
  await login(supPage, 'supervisor@offshore.test')
  await openProduction(supPage, refs, '2026-06')
  await dailyCell(supPage, wo.number, '2026-06-08').dblclick()
  const d2 = supPage.getByRole('dialog')
  await expect(d2).toContainText('Día firmado: bloqueado')
  await d2.getByLabel('Motivo del desbloqueo').fill('El cliente pidió corregir el volumen')
  await d2.getByRole('button', { name: 'Desbloquear día firmado' }).click()
  await expect(supPage.getByText('Día desbloqueado')).toBeVisible()
  await sup.close()

  await page.reload()
  await expect(gridCell(page, code, '2026-06-08')).not.toHaveClass(/kg__cell--blocked/)
  await typeVolume(page, code, '2026-06-08', '3')
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await page.screenshot({ path: 'e2e/test-results/production-grid.png', fullPage: false })
  expect(problems).toEqual([])
})

test('Configuración: the day-status catalog (create, edit, reorder, deactivate) and exchange rates (add, edit, page, delete), in Spanish and English', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'admin@offshore.test')
  // unique names: the catalog and the rates are the organization's, shared with the other journeys
  const tag = Date.now().toString(36)
  const name = `Cambio de guardia ${tag}`
  const code = `cambio_de_guardia_${tag}`
  await page.goto('/production?tab=settings')
  await page.getByRole('tab', { name: 'Configuración' }).click()
  const statuses = page.getByRole('region', { name: 'Estados del día' })
  await expect(statuses.getByRole('cell', { name: 'Operando operating' })).toBeVisible()

  // 1. A new status: the field is named when it is missing; the code follows the name.
  await statuses.getByRole('button', { name: 'Nuevo estado' }).click()
  let dialog = page.getByRole('dialog', { name: 'Nuevo estado del día' })
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(dialog.getByText('El nombre es obligatorio.')).toBeVisible()
  await expect(dialog.getByText('La clave es obligatoria.')).toBeVisible()
  await dialog.getByTestId('day-status-name').fill(name)
  await expect(dialog.getByTestId('day-status-code')).toHaveValue(code)
  await dialog.getByTestId('day-status-allows').check()
  await page.screenshot({ path: 'e2e/test-results/production-day-status-dialog.png' })
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByText(`Estado «${name}» creado`)).toBeVisible()
  const row = statuses.getByRole('row').filter({ hasText: code })
  await expect(row.getByText('Sí', { exact: true })).toBeVisible()

  // 2. Edit: no production that day; the code cannot change.
  await row.getByRole('button', { name: 'Editar' }).click()
  dialog = page.getByRole('dialog', { name: `Editar «${name}»` })
  await expect(dialog.getByTestId('day-status-code')).toHaveAttribute('readonly', '')
  await dialog.getByTestId('day-status-allows').uncheck()
  await dialog.getByRole('button', { name: 'Guardar' }).click()
  await expect(row.getByText('No', { exact: true })).toBeVisible()

  // 3. Move it up one place: it is now above the row that was before it.
  const codesNow = async () =>
    (await statuses.locator('tbody tr .mono').allTextContents()).map((s) => s.trim())
  const before = await codesNow()
  await row.getByRole('button', { name: `Subir «${name}»` }).click()
  await expect(page.getByText(`Orden guardado («${name}»)`)).toBeVisible()
  const i = before.indexOf(code)
  await expect
    .poll(codesNow)
    .toEqual([...before.slice(0, i - 1), code, before[i - 1]!, ...before.slice(i + 1)])

  // 4. Deactivate, after a confirmation; the daily report no longer offers it.
  await row.getByRole('button', { name: 'Desactivar' }).click()
  const confirm = page.getByRole('dialog', { name: `¿Desactivar «${name}»?` })
  await expect(confirm.getByText(/Ya no se podrá elegir en el reporte diario/)).toBeVisible()
  await confirm.getByRole('button', { name: 'Desactivar' }).click()
  await expect(row.getByText('Inactivo')).toBeVisible()
  await expect(row.getByRole('button', { name: 'Reactivar' })).toBeVisible()
  const catalog = (await (await page.request.get('/api/v1/production/day-statuses')).json()) as {
    items: { code: string; active: boolean; allowsProduction: boolean }[]
  }
  expect(catalog.items.find((s) => s.code === code)).toMatchObject({ active: false, allowsProduction: false })

  // 5. Exchange rates: a date far ahead, so no other journey's month uses it.
  const day = String(1 + (Date.now() % 27)).padStart(2, '0')
  const date = `2098-0${1 + (Date.now() % 9)}-${day}`
  const rates = page.getByRole('region', { name: 'Tipos de cambio USD → MXN' })
  await rates.getByRole('button', { name: 'Registrar tipo de cambio' }).click()
  dialog = page.getByRole('dialog', { name: 'Registrar tipo de cambio' })
  await dialog.getByTestId('rate-value').fill('0')
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(dialog.getByText('La fecha «Vigente desde» es obligatoria.')).toBeVisible()
  await expect(dialog.getByText('El tipo de cambio debe ser mayor que cero.')).toBeVisible()
  await dialog.getByTestId('rate-valid-from').fill(date)
  await dialog.getByTestId('rate-value').fill('18.4512')
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(dialog).toBeHidden()
  const [y, m, d] = date.split('-')
  const shown = `${d}/${m}/${y}`
  const rateRow = rates.getByRole('row').filter({ hasText: shown })
  await expect(rateRow.getByText('18.4512')).toBeVisible()
  await expect(rates.getByRole('navigation', { name: /Paginación|pagination/i })).toBeVisible()
  await page.screenshot({ path: 'e2e/test-results/production-settings-es.png', fullPage: true })

  await rateRow.getByRole('button', { name: 'Editar' }).click()
  dialog = page.getByRole('dialog', { name: `Tipo de cambio desde el ${shown}` })
  await expect(dialog.getByTestId('rate-valid-from')).toHaveAttribute('readonly', '')
  await dialog.getByTestId('rate-value').fill('18.5')
  await dialog.getByRole('button', { name: 'Guardar' }).click()
  await expect(rateRow.getByText('18.5000')).toBeVisible()

  // 6. In English, the same screen; deleting asks first.
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('tab', { name: 'Settings' })).toBeVisible()
  const ratesEn = page.getByRole('region', { name: 'Exchange rates USD → MXN' })
  await expect(page.getByRole('region', { name: 'Day statuses' })).toBeVisible()
  await page.screenshot({ path: 'e2e/test-results/production-settings-en.png', fullPage: true })
  await ratesEn.getByRole('row').filter({ hasText: shown }).getByRole('button', { name: 'Delete' }).click()
  const del = page.getByRole('dialog', { name: `Delete the exchange rate from ${shown}?` })
  await expect(del.getByText(/Months that used it will take the previous rate/)).toBeVisible()
  await del.getByRole('button', { name: 'Delete' }).click()
  await expect(ratesEn.getByRole('row').filter({ hasText: shown })).toHaveCount(0)

  // Back to Spanish for the other journeys.
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible()
  expect(problems).toEqual([])
})
