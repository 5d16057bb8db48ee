import { expect, test } from '@playwright/test'
import { equipmentListJson } from '../apps/server/test/fixtures/equipment-list'
import { login, watchPageErrors } from './helpers'

test('rental: client with RUC, project, equipment import, assign, calendar, retire, reactivate, delete, close', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })

  // A client: the server checks the RUC's check digit and answers next to the field.
  await nav.getByRole('link', { name: 'Clientes' }).click()
  await expect(page.getByRole('heading', { name: 'Clientes' })).toBeVisible()
  await page.getByTestId('new-client').click()
  const clientDialog = page.getByRole('dialog', { name: 'Nuevo cliente' })
  await clientDialog.getByLabel('Nombre o razón social').fill('Constructora Amazonía E2E')
  await page.getByTestId('client-tax-id').fill('1710034064001')
  await clientDialog.getByRole('button', { name: 'Crear' }).click()
  await expect(clientDialog.getByText('Dígito verificador de la cédula no válido')).toBeVisible()
  await page.getByTestId('client-tax-id').fill('1760013210001')
  await clientDialog.getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByText('Cliente Constructora Amazonía E2E creado')).toBeVisible()
  await expect(page.getByRole('cell', { name: /Constructora Amazonía E2E/ })).toBeVisible()

  // A project for it; creating it opens its page.
  await nav.getByRole('link', { name: 'Proyectos' }).click()
  await page.getByTestId('new-project').click()
  await page.getByTestId('project-name').fill('Campamento E2E')
  await page
    .getByTestId('project-client')
    .selectOption({ label: 'Constructora Amazonía E2E · 1760013210001' })
  await page.getByTestId('project-location').fill('BLOQUE 15')
  await page.getByRole('dialog').getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByRole('heading', { name: 'Campamento E2E' })).toBeVisible()
  await expect(page.getByText('Todavía no hay equipos ni servicios asignados.')).toBeVisible()

  // The legacy equipment list: preview, then import (all-or-nothing, unclear rows flagged for review).
  await nav.getByRole('link', { name: 'Equipos' }).click()
  await page.getByTestId('import-open').click()
  // a list with a row without code: nothing imported, the row in the one import-rejected report
  await page.getByTestId('import-file').setInputFiles({
    name: 'con-errores.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ name: 'BATERIAS SANITARIAS', code: '', type: 'EQUIPO' }])),
  })
  await page.getByTestId('import-submit').click()
  const refused = page.getByTestId('import-rejected')
  await expect(
    refused.getByText('No se importó nada: corrige estas filas y vuelve a intentarlo.'),
  ).toBeVisible()
  await expect(refused.getByTestId('import-rejected-rows').getByRole('row')).toHaveCount(2)
  // (a list in the legacy dump layout built by the test fixtures: 30 units, 13 of them to review)
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'equipments.json', mimeType: 'application/json', buffer: equipmentListJson() })
  await page.getByRole('button', { name: 'Revisar sin importar' }).click()
  await expect(page.getByText(/Vista previa: todavía no se importó nada\. 30 filas: 30 nuevas/)).toBeVisible()
  await expect(page.getByTestId('import-report').getByText('PSLBT-SN', { exact: true })).toBeVisible()
  await page.getByTestId('import-submit').click()
  await expect(page.getByText(/Importación terminada\. 30 filas: 30 nuevas/)).toBeVisible()
  await page.getByRole('dialog').getByText('Cerrar', { exact: true }).click()
  await page.getByRole('checkbox', { name: 'Pendientes de revisión' }).check()
  await expect(page.getByText('PSLBT-905', { exact: true })).toBeVisible()

  // Assign an available toilet and a cleaning service linked to it (Mondays and Thursdays).
  await nav.getByRole('link', { name: 'Proyectos' }).click()
  await page.getByRole('link', { name: 'Campamento E2E', exact: true }).click()
  await page.getByTestId('assign-open').click()
  await page.getByTestId('assign-filter').fill('PSL-BT-111')
  await page
    .getByTestId('assign-item')
    .selectOption({ label: 'PSL-BT-111 · BATERÍA SANITARIA (Batería sanitaria)' })
  await page.getByTestId('assign-rate').fill('18')
  await page.getByTestId('assign-submit').click()
  await expect(page.getByText('PSL-BT-111 asignado al proyecto')).toBeVisible()

  await page.getByTestId('assign-open').click()
  await page.getByTestId('assign-filter').fill('SERV01')
  await page
    .getByTestId('assign-item')
    .selectOption({ label: 'PEISOL-SERV01 · Limpieza de batería sanitaria' })
  await page.getByTestId('assign-rate').fill('25')
  await page
    .getByLabel('Equipo que atiende (opcional)')
    .selectOption({ label: 'PSL-BT-111 · BATERÍA SANITARIA' })
  await page.getByRole('button', { name: 'lunes', exact: true }).click()
  await page.getByRole('button', { name: 'jueves', exact: true }).click()
  await page.getByTestId('assign-submit').click()
  await expect(page.getByText('PEISOL-SERV01 asignado al proyecto')).toBeVisible()
  await expect(page.getByText('1 equipo activo · 1 servicio activo · renta diaria $18,00')).toBeVisible()
  await expect(
    page.getByRole('cell', { name: /SERVICIO \/ PSL-BT-111 \/ LIMPIEZA DE BATERÍA SANITARIA/ }),
  ).toBeVisible()

  // The maintenance calendar comes from the service's weekdays.
  await page.getByRole('tab', { name: 'Calendario de mantenimiento' }).click()
  await expect(page.getByTestId('rental-calendar')).toBeVisible()
  await expect(page.getByText('Atiende a PSL-BT-111').first()).toBeVisible()
  await page.getByRole('tab', { name: 'Equipos y servicios' }).click()

  // Retire the toilet: its linked service is retired with it.
  await page.getByTestId('retire-PSL-BT-111').click()
  await page.getByTestId('retire-reason').fill('Cambio por mantenimiento')
  await page.getByTestId('retire-submit').click()
  await expect(page.getByText('PSL-BT-111 retirado junto con 1 servicio vinculado')).toBeVisible()
  await expect(page.getByText('0 equipos activos · 0 servicios activos · renta diaria $0,00')).toBeVisible()
  await expect(page.getByText('Cambio por mantenimiento')).toHaveCount(2)

  // Reactivate: both come back.
  await page.getByTestId('reactivate-PSL-BT-111').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Reactivar' }).click()
  await expect(page.getByText('PSL-BT-111 reactivado')).toBeVisible()
  await expect(page.getByText('1 equipo activo · 1 servicio activo · renta diaria $18,00')).toBeVisible()

  // Delete (a mistake): asks first, and takes the linked service with it.
  await page.getByTestId('delete-PSL-BT-111').click()
  await expect(page.getByRole('dialog', { name: '¿Eliminar la asignación de PSL-BT-111?' })).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Eliminar' }).click()
  await expect(page.getByText('Se eliminaron 2 asignaciones')).toBeVisible()
  await expect(page.getByText('Todavía no hay equipos ni servicios asignados.')).toBeVisible()

  // Assign again and close the project: everything is retired and the project is locked.
  await page.getByTestId('assign-open').click()
  await page.getByTestId('assign-filter').fill('PSL-BT-111')
  await page
    .getByTestId('assign-item')
    .selectOption({ label: 'PSL-BT-111 · BATERÍA SANITARIA (Batería sanitaria)' })
  await page.getByTestId('assign-rate').fill('18,5') // es-EC: typed as the app displays it
  await page.getByTestId('assign-submit').click()
  await expect(page.getByText('PSL-BT-111 asignado al proyecto')).toBeVisible()
  await page.getByTestId('close-project').click()
  await expect(page.getByText('Se retira 1 asignación con la fecha de cierre')).toBeVisible()
  await page.getByTestId('close-submit').click()
  await expect(page.getByText('Proyecto cerrado', { exact: true })).toBeVisible()
  await expect(page.getByText(/Proyecto cerrado el .*ya no admite cambios/)).toBeVisible()
  await expect(page.getByTestId('assign-open')).toHaveCount(0)
  await expect(page.getByTestId('close-project')).toHaveCount(0)

  expect(problems).toEqual([])
})

test('each organization sees the screens of its own lines of business', async ({ page }) => {
  await login(page, 'manager@offshore.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })
  await expect(nav.getByRole('link', { name: 'Propuestas' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Equipos' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Clientes' })).toHaveCount(0)

  // and the offshore screens are not in a rental organization's navigation
  await page.context().clearCookies()
  await login(page, 'manager@rental.test')
  await expect(nav.getByRole('link', { name: 'Equipos' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Propuestas' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Catálogos' })).toHaveCount(0)
})
