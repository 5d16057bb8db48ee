import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

/**
 * Equipment condition (docs/equipment-condition.md): the status report of the demo units, a checklist
 * edited, a unit inspected from the keyboard (damaged part, missing part), its printed checklist, the
 * inspection deleted after a confirmation, a repair sent and returned, the status on the equipment list,
 * and the report exported as a job.
 */
test('equipment condition: checklist, keyboard inspection, status, repair, report and export', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })

  // The report: the demo units by status; the damaged camper among the "Dañado" ones.
  await nav.getByRole('link', { name: 'Estado técnico' }).click()
  await expect(page.getByRole('heading', { name: 'Estado técnico de equipos' })).toBeVisible()
  await page.getByTestId('status-filter').selectOption({ label: 'Dañado' })
  await expect(page).toHaveURL(/status=damaged/)
  await expect(page.getByRole('link', { name: 'PSL-CP-402' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'PSL-BT-111' })).toHaveCount(0)

  // The raw-water tank checklist gets a third item.
  await page.getByRole('link', { name: 'Listas de verificación' }).click()
  await expect(page.getByRole('heading', { name: 'Listas de verificación', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: /Tanque de agua cruda/ }).click()
  await expect(page.getByRole('heading', { name: /Tanque de agua cruda/ })).toBeVisible()
  await page.getByRole('button', { name: 'Agregar elemento' }).click()
  await page.getByLabel('Elemento 3').fill('Escalera')
  await page.getByRole('button', { name: 'Guardar lista' }).click()
  await expect(page.getByText('Lista guardada')).toBeVisible()

  // The unit page of a free tank: available, no inspections yet.
  await nav.getByRole('link', { name: 'Estado técnico' }).click()
  await page.getByRole('searchbox').fill('PSL-TQ-702')
  await page.getByRole('link', { name: 'PSL-TQ-702' }).click()
  await expect(page.getByRole('heading', { name: 'Estado técnico · PSL-TQ-702' })).toBeVisible()
  await expect(page.getByTestId('technical-status')).toHaveText('Disponible')
  await expect(page.getByText('Este equipo aún no tiene inspecciones.')).toBeVisible()

  // The blank checklist prints as a PDF.
  const blank = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Lista para imprimir' }).click()
  expect((await blank).suggestedFilename()).toMatch(/^Checklist-PSL-TQ-702-\d{8}\.pdf$/)

  // Inspection from the keyboard: 3 = damaged, S = present (good), N = missing.
  await page.getByRole('button', { name: 'Registrar inspección' }).click()
  await page.getByLabel('Nombre del inspector').fill('Luis Andrade')
  const rows = page.getByTestId('inspection-row')
  await expect(rows).toHaveCount(3)
  await rows.nth(0).getByRole('radio', { name: 'Sí', exact: true }).focus()
  await page.keyboard.press('3')
  await rows.nth(1).getByRole('radio', { name: 'Sí', exact: true }).focus()
  await page.keyboard.press('s')
  await rows.nth(2).getByRole('radio', { name: 'Sí', exact: true }).focus()
  await page.keyboard.press('n')
  await expect(rows.nth(0).getByRole('radio', { name: 'Dañado' })).toBeChecked()
  await expect(rows.nth(2).getByRole('radio', { name: 'No', exact: true })).toBeChecked()
  await rows.nth(0).getByLabel(/Notas/).fill('Tapa rota')
  await page.getByRole('button', { name: 'Guardar inspección' }).click()
  await expect(page.getByText('Inspección registrada')).toBeVisible()
  await expect(page.getByTestId('technical-status')).toHaveText('Dañado')
  const history = page.getByTestId('inspection-history-row')
  await expect(history).toHaveCount(1)
  await expect(history.first()).toContainText('Luis Andrade')
  await expect(history.first()).toContainText('1 faltante · 1 dañado')

  // The recorded inspection prints as a PDF.
  const printed = page.waitForEvent('download')
  await history.first().getByRole('button', { name: 'PDF' }).click()
  expect((await printed).suggestedFilename()).toMatch(/^Checklist-PSL-TQ-702-\d{8}\.pdf$/)

  // Deleting it asks first; then the unit is available again.
  await history.first().getByRole('button', { name: 'Eliminar' }).click()
  const confirm = page.getByRole('dialog', { name: /¿Eliminar la inspección/ })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Eliminar' }).click()
  await expect(page.getByText('Inspección eliminada')).toBeVisible()
  await expect(page.getByTestId('technical-status')).toHaveText('Disponible')

  // Sent to repair, then returned.
  await page.getByRole('button', { name: 'Enviar a reparación' }).click()
  const repair = page.getByRole('dialog', { name: 'Enviar a reparación' })
  await repair.getByLabel('Motivo').fill('Válvula con fuga')
  await repair.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByTestId('technical-status')).toHaveText('En reparación')
  await expect(page.getByText(/En reparación desde el .*: Válvula con fuga/)).toBeVisible()
  await page.getByRole('button', { name: 'Registrar devolución' }).click()
  await page
    .getByRole('dialog', { name: 'Registrar devolución' })
    .getByRole('button', { name: 'Guardar' })
    .click()
  await expect(page.getByTestId('technical-status')).toHaveText('Disponible')

  // The equipment list shows the technical status, linking to the unit's page.
  await nav.getByRole('link', { name: 'Equipos', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Equipos', level: 1 })).toBeVisible()
  await expect(page.getByTestId('technical-status-link').first()).toBeVisible()

  // The report exported as a job.
  await nav.getByRole('link', { name: 'Estado técnico' }).click()
  await expect(page.getByRole('heading', { name: 'Estado técnico de equipos' })).toBeVisible()
  const download = page.waitForEvent('download', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Exportar a Excel' }).click()
  expect((await download).suggestedFilename()).toBe('estado-equipos.xlsx')

  expect(problems).toEqual([])
})
