import { expect, test } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { login, watchPageErrors } from './helpers'

/**
 * Field documents pick their driver and vehicle among the field staff (docs/field-staff.md#use-on-documents):
 * the picker is searched and chosen with the keyboard; a driver whose licence expired is refused naming the
 * field; the document prints the picked person. Then the document kinds screen: add, rename, deactivate.
 */
test('a custody chain picks its driver and vehicle with the keyboard; an expired licence is refused; document kinds', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })

  await nav.getByRole('link', { name: 'Cadenas de custodia' }).click()
  await page.getByTestId('new-chain').click()
  await page
    .getByTestId('project-select')
    .selectOption({ label: 'Campamento Auca Sur — Petrolera Amazónica del Oriente S.A.' })
  await page.getByTestId('attend-PEISOL-SERV01').check()
  await page.getByTestId('volume-gallons').fill('120')

  // María's licence expired five days ago (demo seed): picked with the keyboard, refused by the server
  const driver = page.getByTestId('driver-link')
  await driver.click()
  await driver.fill('María')
  await expect(page.getByRole('option', { name: /María Fernanda Andrade Vega/ })).toBeVisible()
  await driver.press('ArrowDown')
  await driver.press('Enter')
  await expect(driver).toHaveValue(/María Fernanda Andrade Vega · 0926687856/)
  await expect(page.getByTestId('driver')).toHaveCount(0) // no free text while a technician is linked
  await page.getByTestId('save-document').click()
  await expect(page.getByText(/La licencia de María Fernanda Andrade Vega venció el/)).toBeVisible()

  // Juan's licence is valid; the pickup's registration too
  await driver.click()
  await driver.fill('Juan')
  await expect(page.getByRole('option', { name: /Juan Carlos Pérez Mora/ })).toBeVisible()
  await driver.press('Enter')
  await expect(driver).toHaveValue(/Juan Carlos Pérez Mora/)
  const vehicle = page.getByTestId('vehicle-link')
  await vehicle.click()
  await vehicle.fill('PBA')
  await expect(page.getByRole('option', { name: /PBA-1234/ })).toBeVisible()
  await vehicle.press('Enter')
  await expect(vehicle).toHaveValue('PBA-1234')
  await page.getByTestId('save-document').click()
  await expect(page).toHaveURL(/\/rental\/custody-chains\/[0-9a-f-]{36}$/)
  await expect(page.getByText('Juan Carlos Pérez Mora · 1710034065')).toBeVisible()
  await expect(page.getByText('PBA-1234')).toBeVisible()

  // --- the signed chain comes back scanned: one page per chain, the page count checked first ---
  const heading = await page.getByRole('heading', { name: /Cadena de custodia N\.º \d{7}/ }).textContent()
  const number = /\d{7}/.exec(heading ?? '')![0]
  const scan = async (pages: number) => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < pages; i++) doc.addPage([200, 300])
    return Buffer.from(await doc.save())
  }
  await nav.getByRole('link', { name: 'Cadenas de custodia' }).click()
  await page.getByTestId('scan-pages').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId(`scan-chain-${number}`).check()
  await dialog.getByTestId('scan-file').setInputFiles({
    name: 'cadenas.pdf',
    mimeType: 'application/pdf',
    buffer: await scan(2),
  })
  await dialog.getByTestId('scan-send').click()
  // the pages are counted in the browser: a mismatch is refused before anything is sent
  await expect(dialog.getByText('El PDF tiene 2 página(s) y elegiste 1 cadena(s)')).toBeVisible()
  await dialog.getByTestId('scan-file').setInputFiles({
    name: 'cadenas.pdf',
    mimeType: 'application/pdf',
    buffer: await scan(1),
  })
  await dialog.getByTestId('scan-send').click()
  await expect(dialog.getByTestId('scan-result')).toContainText(number)
  await dialog.getByTestId('scan-close').click()
  await page.getByRole('link', { name: number }).first().click()
  await expect(page.getByRole('link', { name: /Escaneo, página 1 de 1 — cadenas-p1\.pdf/ })).toBeVisible()

  // --- document kinds ---
  await page.goto('/rental/compliance')
  await page.getByTestId('kinds-link').click()
  await expect(page.getByRole('heading', { name: 'Tipos de documento' })).toBeVisible()
  await page.getByTestId('kind-name').fill('Trabajo en alturas')
  await page.getByTestId('kind-add').click()
  const row = page.getByTestId('kind-trabajo_en_alturas')
  await expect(row).toBeVisible()
  await row.getByRole('textbox').fill('Trabajo en alturas (nivel 2)')
  await row.getByRole('button', { name: 'Guardar nombre' }).click()
  await expect(page.getByText('Nombre guardado')).toBeVisible()
  await row.getByRole('button', { name: 'Desactivar' }).click()
  await expect(row.getByRole('cell', { name: 'Inactivo' })).toBeVisible()
  // the licence is checked by the field documents: it cannot be deactivated
  await expect(page.getByTestId('kind-licence').getByRole('button', { name: 'Desactivar' })).toHaveCount(0)

  expect(problems).toEqual([])
})
