import { expect, test } from '@playwright/test'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

test('the excess cells without a reason are listed and a link selects one; a catalog concept is added with its volume to authorize', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const api = apiOf(page.request)
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-E2E-ALTA',
    start: '2026-06-01',
    end: '2026-06-30',
    rows: annexRows(catalog.slice(0, 1), () => 10),
  })
  const [inFamily, toAdd] = [catalog[0]!, catalog[1]!]
  // 12 of 10 authorized: the day 3 cell is excess, without a reason
  await api.json('PUT', '/api/v1/production/grid', {
    workOrderId: wo.id,
    siteId: refs.vessel,
    month: '2026-06',
    timeType: 'TE',
    version: 0,
    cells: [
      { conceptId: inFamily.id, date: '2026-06-02', volume: '8' },
      { conceptId: inFamily.id, date: '2026-06-03', volume: '4' },
    ],
  })
  await page.goto(`/production?month=2026-06&siteId=${refs.vessel}&tab=grid&workOrderId=${wo.id}`)
  const cell = (code: string, date: string) => page.locator(`td[data-cell="${code}|${date}"]`)
  await expect(cell(inFamily.code, '2026-06-03')).toHaveClass(/pg__cell--excess/)

  // the panel of excess cells without a reason: its link selects the cell, whose reason can then be recorded
  const panel = page.getByTestId('excess-without-reason')
  await expect(panel).toContainText('Excedentes sin motivo registrado (TE): 1')
  await panel.locator('summary').click()
  const reasonButton = page.getByRole('button', { name: 'Motivo del excedente', exact: true })
  await expect(reasonButton).toBeDisabled()
  await panel
    .getByRole('button', { name: new RegExp(`Seleccionar la celda ${inFamily.code.replace('.', '\\.')}`) })
    .click()
  await expect(reasonButton).toBeEnabled()
  await page.screenshot({ path: 'e2e/test-results/production-excess-without-reason.png' })

  // "Agregar concepto": the catalog searched by code, the volume and the reason required, then the new row
  await page.getByTestId('add-concept').click()
  const dialog = page.getByRole('dialog', { name: /Agregar concepto del catálogo/ })
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('add-concept-search').fill(toAdd.code)
  // found by its code (the component test checks that concepts already in the family are not offered)
  const esc = (code: string) => code.replace(/\./g, '\\.')
  await dialog.getByRole('option', { name: new RegExp(`^${esc(toAdd.code)} `) }).click()
  await dialog.getByTestId('add-concept-submit').click()
  await expect(dialog.getByText('El volumen a autorizar es obligatorio.')).toBeVisible()
  await dialog.getByTestId('add-concept-volume').fill('5.5')
  await dialog.getByTestId('add-concept-reason').fill('Trabajo adicional pedido por el cliente')
  await page.screenshot({ path: 'e2e/test-results/production-add-concept.png' })
  await dialog.getByTestId('add-concept-submit').click()
  await expect(
    page.getByText(new RegExp(`Concepto ${toAdd.code.replace('.', '\\.')} agregado`)),
  ).toBeVisible()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row', { name: new RegExp(`^${esc(toAdd.code)}`) }).first()
  await expect(row).toContainText('5.5')
  expect(problems).toEqual([])
})
