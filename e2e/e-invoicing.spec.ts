import fs from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { login, watchPageErrors } from './helpers'
import { monthEnd, monthStart } from './rental-api'

/**
 * The SRI e-invoicing journey (docs/e-invoicing.md): the admin sees the demo's test certificate under
 * Administración → Facturación electrónica; a sheet of last month, liquidated, becomes an authorized
 * electronic invoice from its page (local fake SRI), the sheet is invoiced with its number, and the signed
 * XML and the RIDE download.
 */

async function created(api: APIRequestContext, url: string, data?: unknown) {
  const res = await api.post(url, data === undefined ? {} : { data })
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300)
  return res.json()
}

test('a liquidated billing sheet becomes a signed SRI invoice with its RIDE, from the sheet page', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'admin@rental.test')
  const api = page.request

  // Administración → Facturación electrónica: the demo's settings, marked as a test certificate
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Facturación electrónica' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Facturación electrónica' })).toBeVisible()
  await expect(page.getByText('Certificado de prueba: el SRI no lo acepta')).toBeVisible()
  await expect(page.getByTestId('e-invoicing-certificate')).toContainText('CERTIFICADO DE PRUEBA')
  await expect(page.getByLabel('RUC')).toHaveValue('1792146739001')
  await expect(page.getByTestId('e-invoicing-expiry')).toContainText(/quedan \d+ días|Vencido/)

  // a project with one toilet on site since two months ago; last month's sheet, liquidated
  const clients = await (await api.get('/api/v1/rental/clients?limit=1')).json()
  const project = await created(api, '/api/v1/rental/projects', {
    clientId: clients.items[0].id,
    name: 'Campamento E2E Factura',
    location: 'BLOQUE E2E',
    contactName: 'Ing. Receptor E2E',
    startDate: monthStart(-2),
  })
  const unit = await created(api, '/api/v1/rental/equipment', {
    code: 'E2E-BT-FE1',
    name: 'BATERÍA SANITARIA',
    kind: 'equipment',
    type: 'toilet',
  })
  await created(api, `/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: unit.id,
    dailyRate: '12.50',
    operationStart: monthStart(-2),
  })
  const lastMonth = monthStart(-1)
  const sheet = await created(api, '/api/v1/rental/billing-sheets', {
    projectId: project.id,
    periodStart: lastMonth,
    periodEnd: monthEnd(lastMonth),
  })
  const liquidated = await created(api, `/api/v1/rental/billing-sheets/${sheet.id}/liquidate`)

  // on the sheet's page: issue the electronic invoice
  await page.goto(`/rental/billing-sheets/${sheet.id}`)
  const card = page.getByTestId('e-invoice-card')
  await expect(card.getByText('La planilla aún no tiene factura electrónica.')).toBeVisible()
  await card.getByRole('button', { name: 'Emitir factura electrónica' }).click()
  await expect(card.getByText('Autorizada', { exact: true })).toBeVisible()
  await expect(card.getByTestId('e-invoice-number')).toHaveText(/^001-001-\d{9}$/)
  await expect(card.getByTestId('e-invoice-access-key')).toHaveText(/^\d{49}$/)
  await expect(card.getByText('Firmada con un certificado de prueba')).toBeVisible()
  const number = (await card.getByTestId('e-invoice-number').textContent())!
  // the sheet is invoiced with that number
  await expect(page.getByTestId('billing-sheet-header')).toContainText('Facturada')
  await expect(page.getByTestId('billing-sheet-header')).toContainText(number)

  // the signed XML and the RIDE download
  const [xml] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Descargar XML firmado' }).click(),
  ])
  const xmlText = fs.readFileSync(await xml.path(), 'utf8')
  expect(xmlText).toContain('<factura id="comprobante" version="2.1.0">')
  expect(xmlText).toContain(`<importeTotal>${liquidated.total}</importeTotal>`)
  expect(xmlText).toContain('ds:SignatureValue')
  const [ride] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Descargar RIDE (PDF)' }).click(),
  ])
  expect(ride.suggestedFilename()).toBe(`RIDE-factura-${number}.pdf`)
  expect(
    fs
      .readFileSync(await ride.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')

  expect(problems).toEqual([])
})

test('a shipping guide with its transport data becomes an electronic guía de remisión with its RIDE, from its page', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'admin@rental.test')
  const api = page.request
  const clients = await (await api.get('/api/v1/rental/clients?limit=1')).json()
  const project = await created(api, '/api/v1/rental/projects', {
    clientId: clients.items[0].id,
    name: 'Campamento E2E Guía',
    location: 'BLOQUE E2E',
    contactName: 'Ing. Receptor E2E',
    startDate: monthStart(-1),
  })
  const guide = await created(api, '/api/v1/rental/shipping-guides', {
    projectId: project.id,
    issueDate: monthStart(0),
    items: [{ description: 'Batería sanitaria E2E', quantity: 2 }],
  })

  // without transport data: what the SRI needs is listed, in words
  await page.goto(`/rental/shipping-guides/${guide.id}`)
  const card = page.getByTestId('e-guide-card')
  await expect(card.getByText('La guía aún no tiene guía de remisión electrónica.')).toBeVisible()
  const missing = card.getByTestId('e-guide-missing')
  await expect(missing).toContainText('Placa del vehículo')
  await expect(missing).toContainText('Nombre del transportista')
  await expect(missing).toContainText('C.I. / RUC de quien recibe')

  // with the transport data filled in, it is issued and authorized (local fake SRI)
  const patched = await api.patch(`/api/v1/rental/shipping-guides/${guide.id}`, {
    data: {
      originPlace: 'Bodega Quito',
      destinationPlace: 'Bloque E2E',
      carrierName: 'Transportes E2E',
      carrierDni: '1710034065',
      vehiclePlate: 'PBA-2468',
      // identificacionDestinatario is required by the official GuiaRemision_V1.1.0.xsd
      receiverDni: '1790011674001',
    },
  })
  expect(patched.status(), await patched.text()).toBeLessThan(300)
  await page.reload()
  await expect(card.getByTestId('e-guide-missing')).toHaveCount(0)
  await card.getByTestId('e-guide-issue').click()
  await expect(card.getByText('Autorizada', { exact: true })).toBeVisible()
  await expect(card.getByTestId('e-guide-number')).toHaveText(/^001-001-\d{9}$/)
  await expect(card.getByTestId('e-guide-access-key')).toHaveText(/^\d{49}$/)
  const number = (await card.getByTestId('e-guide-number').textContent())!

  const [ride] = await Promise.all([page.waitForEvent('download'), card.getByTestId('e-guide-ride').click()])
  expect(ride.suggestedFilename()).toBe(`RIDE-guia-remision-${number}.pdf`)
  expect(
    fs
      .readFileSync(await ride.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
  const [xml] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Descargar XML firmado' }).click(),
  ])
  expect(fs.readFileSync(await xml.path(), 'utf8')).toContain('<placa>PBA-2468</placa>')

  expect(problems).toEqual([])
})
