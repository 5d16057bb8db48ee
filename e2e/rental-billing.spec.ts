import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'
import { created, monthStart } from './rental-api'

/**
 * The billing sheet journey: a project with a unit and a service on site, a custody chain and a maintenance
 * sheet last month (recorded through the API with the user's own session — the field-document screens have
 * their own journeys), then, on screen: open the billing sheet for last month, edit its days with the
 * keyboard, liquidate it and download its PDF.
 */

const daysIn = (start: string) => {
  const d = new Date(`${start}T00:00:00Z`)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
}

test('open the billing sheet of a project for last month, edit its days, liquidate it and download its PDF', async ({
  page,
  browser,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const api = page.request

  // The field work of last month, recorded with the manager's session.
  const lastMonth = monthStart(-1)
  const day = (n: number) => `${lastMonth.slice(0, 8)}${String(n).padStart(2, '0')}`
  const clients = await (await api.get('/api/v1/rental/clients?limit=1')).json()
  const project = await created(api, '/api/v1/rental/projects', {
    clientId: clients.items[0].id,
    name: 'Campamento E2E Planilla',
    location: 'BLOQUE E2E',
    contactName: 'Ing. Receptor E2E',
    startDate: monthStart(-2),
  })
  const unit = await created(api, '/api/v1/rental/equipment', {
    code: 'E2E-BT-900',
    name: 'BATERÍA SANITARIA',
    kind: 'equipment',
    type: 'toilet',
  })
  const serviceItem = await created(api, '/api/v1/rental/equipment', {
    code: 'E2E-SERV-900',
    name: 'Limpieza E2E',
    kind: 'service',
  })
  await created(api, `/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: unit.id,
    dailyRate: '12.50',
    operationStart: monthStart(-2),
  })
  const service = await created(api, `/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: serviceItem.id,
    dailyRate: '30.00',
    linkedEquipmentId: unit.id,
    operationStart: monthStart(-2),
  })
  await created(api, '/api/v1/rental/custody-chains', {
    projectId: project.id,
    activityDate: day(5),
    assignmentIds: [service.id],
    volumeUnit: 'gallons',
    volume: '180',
    logisticsCost: '25.00',
  })
  await created(api, '/api/v1/rental/maintenance-sheets', {
    projectId: project.id,
    startDate: day(8),
    totalCost: '75.00',
  })

  // Open the billing sheet for last month.
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Planillas' })
    .click()
  await expect(page.getByRole('heading', { name: 'Planillas' })).toBeVisible()
  await page.getByTestId('new-billing-sheet').click()
  // the form's screen loads on first visit: until it is there the list (with its own "Proyecto" filter) shows
  await expect(page).toHaveURL(/\/rental\/billing-sheets\/new/)
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva planilla' })).toBeVisible()
  await page
    .getByRole('combobox', { name: 'Proyecto' })
    .selectOption({ label: `Campamento E2E Planilla — ${clients.items[0].name}` })
  await page.getByRole('button', { name: 'Mes anterior' }).click()
  await page.getByRole('button', { name: 'Crear planilla' }).click()
  await expect(page.getByTestId('sheet-series')).toHaveText(/^PSL-PS-\d{4}-\d{4,}$/)

  // rental (every day of the month), the service visit, the chain's logistics and the maintenance
  const days = daysIn(lastMonth)
  const rental = page.locator(`tr[data-line-key="rental:${unit.id}"]`)
  await expect(rental.getByTestId('line-quantity')).toHaveText(String(days))
  await expect(
    page.locator(`tr[data-line-key="service:${service.id}"]`).getByTestId('line-quantity'),
  ).toHaveText('1')
  await expect(page.locator('tr[data-line-kind="custody"]')).toHaveCount(1)
  await expect(page.locator('tr[data-line-kind="maintenance"]')).toHaveCount(1)
  // 12.50 × days + 30 + 25 + 75
  const subtotal = (12.5 * days + 130).toFixed(2).replace('.', ',')
  await expect(page.getByTestId('sheet-subtotal')).toContainText(subtotal)

  // Edit days with the keyboard: the first two days of the month off, then save.
  await rental.locator('button.rb-toggle').first().focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: '1 línea con cambios sin guardar' })).toBeVisible()
  await page.getByTestId('save-days').click()
  await expect(page.getByText('Días guardados')).toBeVisible()
  await expect(rental.getByTestId('line-quantity')).toHaveText(String(days - 2))
  await expect(rental.getByText('Días manuales')).toBeVisible()
  await expect(page.getByTestId('sheet-subtotal')).toContainText(
    (12.5 * (days - 2) + 130).toFixed(2).replace('.', ','),
  )

  // Liquidate (confirmation), then the sheet is frozen.
  await page.getByTestId('liquidate').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Liquidar' }).click()
  await expect(page.getByText('La planilla está liquidada')).toBeVisible()
  await expect(page.getByTestId('billing-sheet-header').locator('.badge')).toHaveText('Liquidada')
  await expect(page.locator('button.rb-toggle')).toHaveCount(0)

  // Download the PDF: a real PDF named after the series.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF' }).first().click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Planilla-PSL-PS-\d{4}-\d{4,}\.pdf$/)
  const bytes = fs.readFileSync(await download.path())
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(5000)
  const seriesCode = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()

  // Billing hears of it: the bell counts the notice, and opening it goes to the sheet and clears the count.
  const billing = await browser.newPage()
  await login(billing, 'billing@rental.test')
  const bell = billing.getByRole('button', { name: /^Notificaciones: \d+ sin leer$/ })
  await expect(bell).toBeVisible()
  await bell.click()
  const notice = billing
    .getByRole('region', { name: 'Notificaciones' })
    .getByRole('button', { name: new RegExp(`Planilla ${seriesCode} liquidada: lista para facturar`) })
  await notice.click()
  await expect(billing.getByRole('heading', { level: 1, name: seriesCode })).toBeVisible()
  await billing.close()

  expect(problems).toEqual([])
})
