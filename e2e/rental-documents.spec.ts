import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

/** A minimal but real PDF (the server checks the magic bytes) and a fake one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const NOT_PDF = Buffer.from('MZ this is not a PDF')

test('field documents of a rental project: custody chain with live volumes, PDF attachments, maintenance sheet and shipping guide', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })

  // --- custody chain: the typed volume is kept, the other two follow it live ---
  await nav.getByRole('link', { name: 'Cadenas de custodia' }).click()
  await expect(page.getByRole('heading', { name: 'Cadenas de custodia' })).toBeVisible()
  await page.getByTestId('new-chain').click()
  await page
    .getByTestId('project-select')
    .selectOption({ label: 'Campamento Auca Sur — Petrolera Amazónica del Oriente S.A.' })
  await page.getByTestId('start-time').fill('08:00')
  await page.getByTestId('end-time').fill('09:20')
  await expect(page.getByText('Duración: 1,33 h')).toBeVisible()

  // nothing attended yet: the browser refuses and keeps what was typed
  await page.getByTestId('volume-gallons').fill('180')
  await expect(page.getByTestId('volume-barrels')).toHaveValue('4,29')
  await expect(page.getByTestId('volume-cubicMeters')).toHaveValue('0,68')
  await page.getByTestId('save-document').click()
  await expect(page.getByText('Este campo es obligatorio').first()).toBeVisible()
  await expect(page.getByTestId('volume-gallons')).toHaveValue('180')

  await page.getByTestId('attend-PEISOL-SERV01').check()
  await page.getByTestId('attend-PEISOL-SERV03').check()
  // typing m³ instead makes m³ the typed unit
  await page.getByTestId('volume-cubicMeters').fill('1')
  await expect(page.getByTestId('volume-gallons')).toHaveValue('264,17')
  await expect(page.getByTestId('volume-barrels')).toHaveValue('6,29')
  await page.getByTestId('volume-gallons').fill('180')
  await page.getByTestId('driver').fill('Jorge Pilco')
  await page.getByTestId('save-document').click()
  await expect(page).toHaveURL(/\/rental\/custody-chains\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: /Cadena de custodia N\.º \d{7}/ })).toBeVisible()
  const volumes = page.getByTestId('chain-volumes')
  await expect(volumes).toContainText('180,00')
  await expect(volumes).toContainText('4,29')
  await expect(volumes).toContainText('0,68')
  await expect(volumes).toContainText('Galones · digitado')
  await expect(page.getByRole('cell', { name: 'PSL-BT-101', exact: true })).toBeVisible()

  // attachments must really be PDFs
  const attach = page.getByTestId('attachment-input')
  await attach.setInputFiles({ name: 'firmada.pdf', mimeType: 'application/pdf', buffer: NOT_PDF })
  await expect(page.getByText(/El contenido del archivo no es PDF/)).toBeVisible()
  await page.getByLabel('Descripción del adjunto').fill('Cadena firmada')
  await attach.setInputFiles({ name: 'firmada.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(page.getByRole('link', { name: 'Cadena firmada — firmada.pdf' })).toBeVisible()

  // the PDF of the chain
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-pdf').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^CadenaCustodia-\d{7}-\d{8}\.pdf$/)
  const file = await download.path()
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')

  // close: no more edits; cancelling asks for a reason
  await page.getByTestId('close-document').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cerrar documento' }).click()
  await expect(page.getByText('Cerrada', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Editar' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Cancelar cadena' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Cancelar cadena' }).click()
  await expect(dialog).toBeVisible() // no reason, no cancellation
  await dialog.getByRole('textbox').fill('Visita registrada dos veces')
  await dialog.getByRole('button', { name: 'Cancelar cadena' }).click()
  await expect(page.getByText('Motivo: Visita registrada dos veces')).toBeVisible()
  await expect(page.getByText('Cancelada', { exact: true }).first()).toBeVisible()

  // the list filters by status, kept in the URL
  await nav.getByRole('link', { name: 'Cadenas de custodia' }).click()
  await page.getByLabel('Estado').selectOption('cancelled')
  await expect(page).toHaveURL(/status=cancelled/)
  await expect(page.getByRole('cell', { name: 'Cancelada' }).first()).toBeVisible()

  // --- maintenance sheet: days × cost per day ---
  await nav.getByRole('link', { name: 'Mantenimiento' }).click()
  await page.getByTestId('new-maintenance').click()
  await page
    .getByTestId('project-select')
    .selectOption({ label: 'Campamento Auca Sur — Petrolera Amazónica del Oriente S.A.' })
  await page.getByTestId('equipment-select').selectOption({ index: 1 })
  await page.getByTestId('maintenance-type').selectOption('corrective')
  const start = await page.getByTestId('start-date').inputValue()
  await page.getByLabel('Fin', { exact: true }).fill(start) // one day
  await page.getByTestId('technician').fill('Luis Andrade Yumbo')
  await page.getByTestId('cost-per-day').fill('45,50') // es-EC: typed as the app displays it
  await expect(page.getByTestId('total-cost')).toHaveValue('45,50')
  await page.getByLabel('Descripción de la falla').fill('La bomba de pie no succiona')
  await page.getByTestId('save-document').click()
  await expect(page).toHaveURL(/\/rental\/maintenance-sheets\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: /Hoja de mantenimiento N\.º \d{6}/ })).toBeVisible()
  await expect(page.getByTestId('total-cost-value')).toContainText('45,50')
  await expect(page.locator('.rd-pre', { hasText: 'La bomba de pie no succiona' })).toBeVisible()

  // --- shipping guide with an equipment item, then voided with a reason ---
  await nav.getByRole('link', { name: 'Guías de remisión' }).click()
  await page.getByTestId('new-guide').click()
  await page
    .getByTestId('project-select')
    .selectOption({ label: 'Campamento Auca Sur — Petrolera Amazónica del Oriente S.A.' })
  await page.getByTestId('add-equipment-item').selectOption({ index: 1 })
  await page.getByTestId('carrier').fill('Transportes Río Napo')
  await page.getByTestId('transport-cost').fill('80')
  await page.getByTestId('save-document').click()
  await expect(page).toHaveURL(/\/rental\/shipping-guides\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: /Guía de remisión N\.º \d{7}/ })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^BASE / })).toBeVisible()
  await page.getByRole('button', { name: 'Anular' }).click()
  await page.getByRole('dialog').getByRole('textbox').fill('Traslado suspendido')
  await page.getByRole('dialog').getByRole('button', { name: 'Anular' }).click()
  await expect(page.getByText('Motivo: Traslado suspendido')).toBeVisible()

  expect(problems).toEqual([])
})
