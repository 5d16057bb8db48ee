import ExcelJS from 'exceljs'
import { expect, test } from '@playwright/test'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { mspdiBytes, wbsProject } from '../apps/server/test/fixtures/mspdi'
import { login, watchPageErrors } from './helpers'

const DATES = ['2026-03-02', '2026-03-03']

type Concept = {
  annex: string | null
  code: string
  description: string
  unit: string
  unitPriceMxn: string
  unitPriceUsd: string
}

/** A per-work-order Anexo C (docs/work-order-concepts.md) from catalog concepts, with a two-day programme. */
async function annexWorkbook(
  concepts: Concept[],
  edit: (row: (string | number | null)[], i: number) => void = () => {},
) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('ANEXO C')
  ws.addRow(['Anexo C de la OT'])
  const header = ws.addRow([
    'ANEXO',
    'PARTIDA',
    'CONCEPTO',
    'UNIDAD',
    'VOLUMEN PTE',
    'P.U. M.N.',
    'P.U. USD',
    ...DATES.map((d) => new Date(`${d}T00:00:00Z`)),
  ])
  DATES.forEach((_, i) => (header.getCell(8 + i).numFmt = 'dd/mm/yyyy'))
  concepts.forEach((c, i) => {
    const row: (string | number | null)[] = [
      c.annex,
      c.code,
      c.description,
      c.unit,
      10 + i,
      Number(c.unitPriceMxn),
      Number(c.unitPriceUsd),
      1 + i,
      null,
    ]
    edit(row, i)
    ws.addRow(row)
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const xlsx = (name: string, buffer: Buffer) => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  buffer,
})

test('a work order’s Anexo C (one rejected file, one good, a second version) and its MS Project schedule', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const request = page.request

  // The contract concept catalog (its own journey is the concepts screen) and a work order, through the API.
  const catalog = await request.post('/api/v1/concepts/import', {
    multipart: {
      kind: 'contract',
      file: xlsx('ANEXO_C_CONTRATO.xlsx', await contractWorkbookFixture()),
    },
    timeout: 60_000,
  })
  expect(catalog.status()).toBe(200)
  const concepts = (
    (await (await request.get('/api/v1/concepts?kind=ordinary&annex=C-2&sort=code&limit=6')).json()) as {
      items: Concept[]
    }
  ).items
  expect(concepts).toHaveLength(6)
  const client = (
    (await (await request.get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).json()) as {
      items: { id: string }[]
    }
  ).items[0]!
  const pm = (
    (await (await request.get('/api/v1/catalogs/project-managers?limit=1')).json()) as {
      items: { id: string }[]
    }
  ).items[0]!
  const created = await request.post('/api/v1/work-orders', {
    data: {
      number: 'OT-801-26-300-AKAL-C',
      description: 'Mantenimiento a ductos en Akal-C',
      clientId: client.id,
      projectManagerId: pm.id,
    },
  })
  expect(created.status()).toBe(201)
  const wo = (await created.json()) as { id: string }

  await page.goto(`/work-orders/${wo.id}`)
  await page.getByRole('tab', { name: 'Conceptos' }).click()
  const tab = page.getByTestId('work-order-concepts')
  await expect(tab.getByText('Esta OT todavía no tiene conceptos.')).toBeVisible()

  // 1. A file with a unit that does not exist: rejected, nothing saved, the file with remarks to download.
  await tab.getByTestId('annex-import').first().click()
  const dialog = page.getByRole('dialog', { name: 'Importar Anexo C' })
  await dialog
    .getByLabel('Archivo de Excel (.xlsx)')
    .setInputFiles(
      xlsx(
        'anexo-con-errores.xlsx',
        await annexWorkbook(concepts, (row, i) => i === 2 && (row[3] = 'BARRILES')),
      ),
    )
  await dialog.getByRole('button', { name: 'Revisar archivo' }).click()
  const rejected = dialog.getByTestId('annex-rejected')
  await expect(rejected.getByText('1 fila con observaciones; no se guardó nada.')).toBeVisible()
  await expect(rejected.getByText("Unidad 'BARRILES' no existe en el sistema.")).toBeVisible()
  const downloading = page.waitForEvent('download')
  await rejected.getByRole('button', { name: 'Descargar archivo con observaciones' }).click()
  expect((await downloading).suggestedFilename()).toBe('Errores_Importacion_OT-801-26-300-AKAL-C.xlsx')

  // 2. The good file: version 1 with its diff (everything new); confirmed, it is in force.
  await dialog
    .getByLabel('Archivo de Excel (.xlsx)')
    .setInputFiles(xlsx('anexo-c.xlsx', await annexWorkbook(concepts)))
  await dialog.getByRole('button', { name: 'Revisar archivo' }).click()
  const review = page.getByRole('dialog', { name: 'Versión 1: revisa los cambios' })
  await expect(review.getByText('Primera versión de esta OT: todos sus conceptos son nuevos.')).toBeVisible()
  await expect(review.getByText('6 nuevos')).toBeVisible()
  await review.getByRole('button', { name: 'Confirmar versión 1' }).click()
  await expect(page.getByText('La versión 1 del Anexo C quedó vigente.')).toBeVisible()
  await expect(tab.getByText('Versión 1 vigente')).toBeVisible()
  const table = tab.getByRole('table', { name: 'Conceptos vigentes del Anexo C' })
  await expect(table.getByRole('row')).toHaveCount(7)
  await expect(table.getByText(concepts[0]!.code.toUpperCase(), { exact: true })).toBeVisible()
  // the programme of a line
  await table.getByRole('button', { name: 'Ver detalle' }).first().click()
  await expect(tab.getByText('Volumen programado por día')).toBeVisible()

  // 3. A second version: one volume changes and one line goes; the diff shows old → new before confirming.
  await tab.getByTestId('annex-import').first().click()
  await dialog
    .getByLabel('Archivo de Excel (.xlsx)')
    .setInputFiles(
      xlsx(
        'anexo-c-v2.xlsx',
        await annexWorkbook(concepts.slice(0, 5), (row, i) => i === 0 && (row[4] = 25.5)),
      ),
    )
  await dialog.getByRole('button', { name: 'Revisar archivo' }).click()
  const review2 = page.getByRole('dialog', { name: 'Versión 2: revisa los cambios' })
  await expect(review2.getByText('Comparada con la versión 1 vigente')).toBeVisible()
  await expect(review2.getByText('1 eliminado', { exact: true })).toBeVisible()
  await expect(review2.getByText('1 con cambios', { exact: true })).toBeVisible()
  await expect(review2.getByText('25.5', { exact: true })).toBeVisible()
  await review2.getByRole('button', { name: 'Confirmar versión 2' }).click()
  await expect(tab.getByText('Versión 2 vigente')).toBeVisible()
  const versions = tab.getByRole('table', { name: 'Versiones del Anexo C de la OT' })
  await expect(versions.getByRole('row').nth(1)).toContainText('Vigente')
  await expect(versions.getByRole('row').nth(2)).toContainText('Reemplazada')

  // 4. The schedule: a damaged .mpp is refused, saying what to do; the XML export becomes version 1.
  await page.getByRole('tab', { name: 'Programa', exact: true }).click()
  const sched = page.getByTestId('schedule-tab')
  await expect(sched.getByText('Esta OT todavía no tiene programa.')).toBeVisible()
  await sched.getByTestId('schedule-import').click()
  const upload = page.getByRole('dialog', { name: 'Importar programa de MS Project' })
  const mpp = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
  ])
  await upload
    .getByLabel('Archivo de MS Project (.mpp o .xml)')
    .setInputFiles({ name: 'programa.mpp', mimeType: 'application/vnd.ms-project', buffer: mpp })
  await upload.getByRole('button', { name: 'Importar' }).click()
  await expect(upload.getByText(/Guarda el archivo como XML de MS Project/)).toBeVisible()
  await upload
    .getByLabel('Archivo de MS Project (.mpp o .xml)')
    .setInputFiles({ name: 'programa.xml', mimeType: 'application/xml', buffer: mspdiBytes(wbsProject()) })
  await upload.getByRole('button', { name: 'Importar' }).click()
  await expect(page.getByText('Programa importado: versión 1 con 22 tareas.')).toBeVisible()

  // 5. The tree: summaries with their children, collapsible; a Gantt bar per task.
  const tree = sched.getByTestId('schedule-tree')
  await expect(tree.getByRole('row', { name: /Ingeniería/ })).toBeVisible()
  await expect(tree.getByText('Planos de detalle')).toBeVisible()
  await tree.getByRole('button', { name: 'Contraer Ingeniería' }).click()
  await expect(tree.getByText('Planos de detalle')).toHaveCount(0)
  await tree.getByRole('button', { name: 'Expandir Ingeniería' }).click()
  await expect(tree.getByText('Planos de detalle')).toBeVisible()
  await expect(
    tree.getByRole('img', { name: /^Planos de detalle: 06\/01\/2026 – 17\/03\/2026/ }),
  ).toBeVisible()
  await expect(sched.getByTestId('schedule-info')).toContainText('22 tareas')

  expect(problems).toEqual([])
})
