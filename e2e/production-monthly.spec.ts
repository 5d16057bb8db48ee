import { expect, test, type Page } from '@playwright/test'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

/** The monthly close and the superintendent rotation (docs/production.md). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/test-results'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

async function setup(page: Page, number: string) {
  const api = apiOf(page.request)
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number,
    start: '2026-08-03',
    end: '2026-08-28',
    rows: annexRows(catalog.slice(0, 1), () => 100),
  })
  return { catalog, refs, wo }
}

const gridCell = (page: Page, code: string, date: string) => page.locator(`td[data-cell="${code}|${date}"]`)

test('monthly close: closing locks the production sheet of the month, a save is refused; reopening with a reason unlocks it', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { catalog, refs, wo } = await setup(page, 'OT-E2E-CIERRE')
  const code = catalog[0]!.code
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=monthly`)
  const row = page.getByTestId(`monthly-row-${wo.number}`)
  await expect(row).toContainText('Abierto')
  await expect(row.getByRole('button', { name: 'Enviar a revisión' })).toBeDisabled()

  // evidence: a link, then to review, then close (with a confirmation)
  await row.getByRole('button', { name: 'Agregar enlace' }).click()
  const linkDialog = page.getByRole('dialog', { name: /Enlace de evidencia/ })
  await linkDialog.getByRole('button', { name: 'Agregar enlace' }).click()
  await expect(linkDialog.getByText('La dirección es obligatoria.')).toBeVisible()
  await linkDialog.getByTestId('monthly-link-url').fill('https://drive.example.com/agosto')
  await linkDialog.getByLabel('Nombre (opcional)').fill('Reporte firmado de agosto')
  await linkDialog.getByRole('button', { name: 'Agregar enlace' }).click()
  await expect(row).toContainText('Reporte firmado de agosto')
  const chooser = page.waitForEvent('filechooser')
  await row.getByRole('button', { name: 'Adjuntar archivo' }).click()
  await (await chooser).setFiles({ name: 'reporte-agosto.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(row.getByRole('button', { name: 'Descargar reporte-agosto.pdf' })).toBeVisible()
  await row.getByRole('button', { name: 'Enviar a revisión' }).click()
  await expect(row).toContainText('En revisión')
  await row.getByRole('button', { name: 'Cerrar mes' }).click()
  const confirm = page.getByRole('dialog', { name: /¿Cerrar/ })
  await expect(confirm).toContainText('quedarán bloqueados')
  await confirm.getByRole('button', { name: 'Cerrar mes' }).click()
  await expect(row).toContainText('Cerrado')
  await expect(row).toContainText('Cerrado por')
  await page.screenshot({ path: `${SHOTS}/production-monthly-closed.png`, fullPage: true })

  // the daily report says so too
  await page.getByRole('tab', { name: 'Reporte diario' }).click()
  await expect(page.getByTestId('month-closed')).toBeVisible()
  await expect(page.locator(`td[data-cell="${wo.number}|2026-08-10"]`)).toHaveClass(/kg__cell--blocked/)
  // the production sheet of August: every day blocked, a note says why; a save through the API is refused
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=grid&workOrderId=${wo.id}`)
  await expect(page.getByTestId('month-closed')).toBeVisible()
  await expect(gridCell(page, code, '2026-08-10')).toHaveClass(/kg__cell--blocked/)
  await expect(gridCell(page, code, '2026-08-10')).toHaveAttribute('title', /Mes cerrado/)
  await page.screenshot({ path: `${SHOTS}/production-monthly-grid-closed.png` })
  const refused = await page.request.put('/api/v1/production/grid', {
    data: {
      workOrderId: wo.id,
      siteId: refs.vessel,
      month: '2026-08',
      timeType: 'TE',
      version: 0,
      cells: [{ conceptId: catalog[0]!.id, date: '2026-08-10', volume: '3' }],
    },
  })
  expect(refused.status()).toBe(409)
  expect((await refused.json()).error.details.reason).toBe('closed_month')

  // reopen with a reason: editable again
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=monthly`)
  await row.getByRole('button', { name: 'Reabrir' }).click()
  const reopen = page.getByRole('dialog', { name: /Reabrir/ })
  await reopen.getByLabel(/Motivo/).fill('Corrección del volumen del día 10')
  await reopen.getByRole('button', { name: 'Reabrir' }).click()
  await expect(row).toContainText('Abierto')
  await expect(row).toContainText('Corrección del volumen del día 10')
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=grid&workOrderId=${wo.id}`)
  await expect(gridCell(page, code, '2026-08-10')).not.toHaveClass(/kg__cell--blocked/)
  await expect(page.getByTestId('month-closed')).toHaveCount(0)
  await gridCell(page, code, '2026-08-10').click()
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await expect(gridCell(page, code, '2026-08-10')).toContainText('3')
  expect(problems).toEqual([])
})

test('rotation: superintendents and a 14×14 rotation defined in Configuración show as bands over the day headers', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { refs, wo } = await setup(page, 'OT-E2E-GUARDIA')
  const tag = Date.now().toString(36).slice(-4).toUpperCase()
  const [ana, beto] = [`Ana Guardia ${tag}`, `Beto Turno ${tag}`]
  await page.goto(`/production?siteId=${refs.vessel}&tab=settings`)
  await expect(page.getByRole('heading', { name: 'Guardias de superintendentes' })).toBeVisible()
  for (const name of [ana, beto]) {
    await page.getByRole('button', { name: 'Agregar superintendente' }).click()
    const d = page.getByRole('dialog', { name: 'Nuevo superintendente' })
    await d.getByTestId('superintendent-name').fill(name)
    await d.getByRole('button', { name: 'Crear' }).click()
    await expect(page.getByTestId('superintendents')).toContainText(name)
  }
  await expect(page.getByTestId('rotation-site')).toHaveValue(refs.vessel)
  await page.getByRole('button', { name: 'Definir rotación' }).click()
  const d = page.getByRole('dialog', { name: /Rotación de/ })
  await d.getByTestId('rotation-start').fill('2026-08-03')
  await d.getByTestId('rotation-a').selectOption({ label: ana })
  await d.getByTestId('rotation-b').selectOption({ label: beto })
  await d.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByTestId('rotations')).toContainText(`A: ${ana} · B: ${beto} · 14×14`)
  await page.screenshot({ path: `${SHOTS}/production-rotations-settings.png`, fullPage: true })

  // the daily report: a band per day, A from the 3rd, B from the 17th
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=daily`)
  await expect(page.getByRole('grid', { name: /Estado de cada día/ })).toBeVisible()
  const bands = page.getByTestId('rotation-band')
  await expect(bands.first()).toHaveAttribute('title', `De guardia: ${ana}`)
  await expect(bands.first()).toHaveText(`AG${tag[0]}`)
  await expect(page.getByTitle(`De guardia: ${beto}`).first()).toHaveText(`BT${tag[0]}`)
  // a saved day keeps who was on duty: the cell dialog says so
  const cell = page.locator(`td[data-cell="${wo.number}|2026-08-05"]`)
  await cell.dblclick()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Estado del día').selectOption('operating')
  await dialog.getByRole('button', { name: 'Aplicar a la selección' }).click()
  await page.getByRole('button', { name: 'Guardar', exact: true }).click()
  await expect(page.getByText('Cambios guardados')).toBeVisible()
  await cell.dblclick()
  await expect(dialog).toContainText(`De guardia: ${ana}`)
  await page.screenshot({ path: `${SHOTS}/production-rotation-bands.png` })
  await dialog.getByRole('button', { name: 'Cancelar' }).click()
  // the grid shows the same bands
  await page.goto(`/production?month=2026-08&siteId=${refs.vessel}&tab=grid&workOrderId=${wo.id}`)
  await expect(page.getByTitle(`De guardia: ${ana}`).first()).toBeVisible()
  expect(problems).toEqual([])
})
