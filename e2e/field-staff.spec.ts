import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

/** Today in Guayaquil (the demo rental organization's time zone) plus `days`, as YYYY-MM-DD. */
const guayaquilDay = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil' }).format(d)
}
const shot = (name: string) => (process.env.FS_SHOTS ? `${process.env.FS_SHOTS}/${name}.png` : undefined)

test('field staff: a technician with a licence about to expire shows on the home page; a vehicle', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })

  // A technician: the server checks the cédula's check digit and answers next to the field.
  await nav.getByRole('link', { name: 'Técnicos' }).click()
  await expect(page.getByRole('heading', { name: 'Técnicos' })).toBeVisible()
  await page.screenshot({ path: shot('staff-list'), fullPage: true })
  await page.getByTestId('new-person').click()
  const dialog = page.getByRole('dialog', { name: 'Nuevo técnico' })
  await page.getByTestId('person-firstNames').fill('Rosa Elena')
  await page.getByTestId('person-lastNames').fill('Quishpe E2E')
  await page.getByTestId('person-cedula').fill('1713175072')
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(dialog.getByText('Dígito verificador no válido')).toBeVisible()
  await page.getByTestId('person-cedula').fill('1713175071')
  await page.screenshot({ path: shot('staff-dialog') })
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByRole('heading', { name: /Rosa Elena Quishpe E2E/ })).toBeVisible()

  // Her licence expires in five days: "Vence en ≤ 10 días".
  await page.getByTestId('add-document').click()
  await page.getByTestId('document-kind').selectOption({ label: 'Licencia de conducir' })
  await page.getByLabel('Detalle').fill('Tipo C')
  await page.getByTestId('document-expires').fill(guayaquilDay(5))
  await page.getByTestId('document-save').click()
  const row = page.getByTestId('document-row').filter({ hasText: 'Licencia de conducir' })
  await expect(row.getByText('Vence en ≤ 10 días')).toBeVisible()
  await page.screenshot({ path: shot('staff-detail'), fullPage: true })

  // The home page's "Vencimientos" lists her.
  await nav.getByRole('link', { name: 'Inicio' }).click()
  const home = page.getByTestId('home-compliance')
  await expect(home.getByRole('heading', { name: 'Vencimientos' })).toBeVisible()
  await expect(home.getByRole('link', { name: 'Rosa Elena Quishpe E2E' })).toBeVisible()
  await page.screenshot({ path: shot('home'), fullPage: true })

  // A vehicle: the plate is normalized; its page opens.
  await nav.getByRole('link', { name: 'Vehículos' }).click()
  await page.getByTestId('new-vehicle').click()
  await page.getByTestId('vehicle-plate').fill('pee 2026')
  await page.getByTestId('vehicle-brand').fill('Toyota')
  await page.getByRole('dialog').getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByRole('heading', { name: /PEE-2026/ })).toBeVisible()
  await page.getByTestId('add-document').click()
  await page.getByTestId('document-kind').selectOption({ label: 'Matrícula' })
  await page.getByTestId('document-expires').fill(guayaquilDay(200))
  await page.getByTestId('document-save').click()
  await expect(page.getByTestId('document-row').getByText('Vigente')).toBeVisible()
  await page.screenshot({ path: shot('vehicle-detail'), fullPage: true })

  // The report, filtered in the URL by the vehicle's plate.
  await page.goto('/rental/compliance?q=PEE-2026')
  await expect(page.getByRole('cell', { name: /PEE-2026/ })).toBeVisible()
  await page.goto('/rental/compliance')
  await page.screenshot({ path: shot('compliance'), fullPage: true })
  await page.goto('/rental/vehicles')
  await page.screenshot({ path: shot('vehicles-list'), fullPage: true })

  expect(problems).toEqual([])
})
