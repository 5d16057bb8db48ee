import ExcelJS from 'exceljs'
import { expect, test } from '@playwright/test'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'

/** The contract workbook the tests build, in the layout of the client's (165 concepts in C-2 … C-6). */
const contractFile = async () => ({
  name: 'ANEXO_C_CONTRATO.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer: await contractWorkbookFixture(),
})

/** A contract-format workbook with two bad rows (a negative price, a unit the catalog does not have). */
async function badWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Anexo C-9-CR')
  ws.addRow(['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'CANTIDADES DE REFERENCIA', 'P.U. MN', 'P.U. USD'])
  ws.addRow(['C-9', 'C-9', 'Anexo de prueba'])
  ws.addRow(['C-9', '9.1.', 'Concepto correcto', 'PIEZA', 2, 100, 0])
  ws.addRow(['C-9', '9.2.', 'Precio negativo', 'PIEZA', 1, -5, 0])
  ws.addRow(['C-9', '9.3.', 'Unidad desconocida', 'BARRIL', 1, 10, 0])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test('import the contract concept catalog: a rejected file, the contract workbook, browse, export, re-import', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')

  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Catálogo de conceptos' })
    .click()
  await expect(page.getByRole('heading', { name: 'Catálogo de conceptos' })).toBeVisible()
  await expect(page.getByText('El catálogo está vacío.')).toBeVisible()

  // a file with error rows: nothing is saved, every bad row is listed
  await page.getByTestId('import-concepts').click()
  const dialog = page.getByRole('dialog', { name: 'Importar catálogo de conceptos' })
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByText('Elige un archivo .xlsx')).toBeVisible()
  await dialog.getByLabel('Archivo de Excel (.xlsx)').setInputFiles({
    name: 'anexo-con-errores.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await badWorkbook(),
  })
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByText('No se guardó nada')).toBeVisible()
  await expect(
    dialog.getByText('anexo-con-errores.xlsx tiene 2 filas con errores.', { exact: false }),
  ).toBeVisible()
  const errors = dialog.getByRole('table', { name: 'Filas con errores' })
  await expect(errors.getByRole('row')).toHaveCount(3)
  await expect(errors.getByText('P.U. MN: valor negativo -5')).toBeVisible()
  await expect(errors.getByText(/La unidad 'BARRIL' no existe/)).toBeVisible()

  // the contract workbook: 165 ordinary concepts
  await dialog.getByRole('button', { name: 'Importar otro archivo' }).click()
  await expect(dialog.getByRole('radio', { name: /Catálogo del contrato/ })).toBeChecked()
  await dialog.getByLabel('Archivo de Excel (.xlsx)').setInputFiles(await contractFile())
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByText('Catálogo actualizado')).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByText('165', { exact: true }).first()).toBeVisible()
  await expect(dialog.getByText('Nuevos')).toBeVisible()
  await expect(dialog.getByText(/Anexo C-4-1!17 Repite la fila 11/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click()

  await expect(page.getByText('165 conceptos')).toBeVisible()
  const table = page.getByRole('table', { name: 'Conceptos del catálogo' })
  await expect(table.getByRole('row').nth(1)).toContainText('2.1.')
  await expect(table.getByRole('row').nth(1)).toContainText('MXN 11,813.30')

  // filters live in the URL: the sub-annex C-4-1 and its repeated line
  await page.getByLabel('Anexo', { exact: true }).selectOption('C-4-1')
  await expect(page.getByText('17 conceptos')).toBeVisible()
  await expect(page).toHaveURL(/annex=C-4-1/)
  await expect(table.getByText('repetición 2')).toBeVisible()

  // search ignores accents and case; sorting by price
  await page.getByRole('button', { name: 'Limpiar filtros' }).click()
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('camara de descompresión')
  await expect(table.getByText('3.646.')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('')
  await expect(page.getByText('165 conceptos')).toBeVisible()
  await table.getByRole('button', { name: 'P.U. M.N.' }).click()
  await table.getByRole('button', { name: 'P.U. M.N.' }).click()
  await expect(table.getByRole('columnheader', { name: /P\.U\. M\.N\./ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(page).toHaveURL(/sort=unitPriceMxn&dir=desc|dir=desc.*sort=unitPriceMxn/)

  // Excel export of what is shown: a job; the file downloads once it is done
  const download = page.waitForEvent('download', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Exportar a Excel' }).click()
  expect((await download).suggestedFilename()).toBe('conceptos.xlsx')

  // the same file again changes nothing
  await page.getByTestId('import-concepts').click()
  await dialog.getByLabel('Archivo de Excel (.xlsx)').setInputFiles(await contractFile())
  await dialog.getByTestId('import-submit').click()
  await expect(dialog.getByText('Catálogo actualizado')).toBeVisible({ timeout: 30_000 })
  await expect(dialog.locator('.concepts-stat', { hasText: 'Sin cambios' })).toContainText('165')
  await expect(dialog.locator('.concepts-stat', { hasText: 'Nuevos' })).toContainText('0')
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click()

  expect(problems).toEqual([])
})

test('the concept catalog is an offshore screen: a rental organization does not see it', async ({ page }) => {
  await login(page, 'admin@rental.test')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })
  await expect(nav.getByRole('link', { name: 'Proyectos' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Catálogo de conceptos' })).toHaveCount(0)
})
