/**
 * Excel writes a control character of a cell as `_xHHHH_` (U+0002 → `_x0002_`): every import decodes it,
 * drops the control characters from the text, keeps the row and counts them in its summary's warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TConceptImportSummary,
  TConceptList,
  TRentalEquipmentImportResult,
  TWorkOrderImportResult,
} from '@faena/contracts'
import { contractWorkbook, pueRow, pueWorkbook } from './concept-workbooks'
import { equipmentListWorkbook, EQUIPMENT_LIST } from './fixtures/equipment-list'
import { WORK_ORDER_HISTORY_ROWS, workOrderHistoryWorkbook } from './fixtures/work-order-history-workbook'
import { createTestApp, type TestApp } from './harness'
import { postFile } from './multipart'

/** a C1 control character, which XML (and so ExcelJS) writes as it is */
const NEL = '\u0085'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const upload = (cookie: string, url: string, bytes: Buffer, fields: Record<string, string> = {}) =>
  postFile(t, cookie, url, 'libro.xlsx', bytes, fields)

describe('control characters in imported text', () => {
  it('PUE import: the row is saved without them, counted and noted', async () => {
    const cookie = await t.login('manager@offshore.test')
    const rows = [pueRow(1), pueRow(2), pueRow(4)]
    rows[1] = { ...rows[1], 'PTE CREACION': 'PEMEX-EST-TD_x0002_027-2022', CONCEPTO: `TUBERÍA${NEL} DE 8"` }
    const res = await upload(cookie, '/api/v1/concepts/import', await pueWorkbook(rows), {
      kind: 'extraordinary',
    })
    expect(res.statusCode, res.body).toBe(200)
    const summary = res.json<TConceptImportSummary>()
    expect(summary.status).toBe('saved')
    expect(summary.concepts).toBe(3)
    expect(summary.controlCharactersRemoved).toBe(2)
    expect(summary.notes).toEqual([
      {
        sheet: expect.any(String) as string,
        row: 3,
        message: 'Se eliminaron 2 caracteres de control del texto de la fila (la fila se importa)',
      },
    ])
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/concepts?kind=extraordinary&q=PEMEX-EST-TD027',
      headers: { cookie },
    })
    const items = list.json<TConceptList>().items
    expect(items.map((c) => [c.proposalNumber, c.description])).toEqual([
      ['PEMEX-EST-TD027-2022', 'TUBERÍA DE 8"'],
    ])
  })

  it('contract catalog import: the row is saved without them, counted and noted', async () => {
    const cookie = await t.login('manager@offshore.test')
    const bytes = await contractWorkbook({
      concepts: 3,
      annexes: [8],
      edit: (i, row) => {
        if (i !== 1) return row
        const r = [...row]
        r[2] = 'SUMINISTRO_x0002_ DE VÁLVULA_x001F_ DE 6"'
        return r
      },
    })
    const res = await upload(cookie, '/api/v1/concepts/import', bytes, { kind: 'contract' })
    expect(res.statusCode, res.body).toBe(200)
    const summary = res.json<TConceptImportSummary>()
    expect(summary).toMatchObject({ status: 'saved', concepts: 3, controlCharactersRemoved: 2 })
    expect(summary.notes).toContainEqual({
      sheet: 'Anexo C-8-CR',
      row: expect.any(Number) as number,
      message: 'Se eliminaron 2 caracteres de control del texto de la fila (la fila se importa)',
    })
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/concepts?kind=ordinary&q=${encodeURIComponent('VÁLVULA DE 6')}`,
      headers: { cookie },
    })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json<TConceptList>().items.map((c) => [c.code, c.description])).toEqual([
      ['8.2.', 'SUMINISTRO DE VÁLVULA DE 6"'],
    ])
  })

  it('work-order history import: the row is imported without them, with an issue', async () => {
    const cookie = await t.login('admin@offshore.test')
    const first = WORK_ORDER_HISTORY_ROWS[0]!
    const rows = [
      { ...first, descripcion_trabajo: 'REFORZAMIENTO_x0002_ DE LÍNEA', oficio_ot: `PEP-DG${NEL}-279-2023` },
    ]
    const res = await upload(cookie, '/api/v1/work-orders/import', await workOrderHistoryWorkbook(rows))
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json<TWorkOrderImportResult>()
    expect(result.created).toBe(1)
    expect(result.controlCharactersRemoved).toBe(2)
    expect(result.rows[0]?.issues).toContainEqual({
      field: 'text',
      message: 'Se eliminaron 2 caracteres de control del texto de la fila (la fila se importa)',
    })
    const wo = await t.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${result.rows[0]?.workOrderId}`,
      headers: { cookie },
    })
    expect(wo.json<{ description: string; officialDocument: string }>()).toMatchObject({
      description: 'REFORZAMIENTO DE LÍNEA',
      officialDocument: 'PEP-DG-279-2023',
    })
  })

  it('equipment import (dry run): the unit stays, the change is reported and counted', async () => {
    const cookie = await t.login('admin@rental.test')
    const units = [
      { ...EQUIPMENT_LIST[0]!, code: 'PSLBT-_x0002_9001', name: `BATERÍA${NEL} SANITARIA` },
      { ...EQUIPMENT_LIST[1]!, code: 'PSLBT-9002' },
    ]
    const res = await upload(
      cookie,
      '/api/v1/rental/equipment/import?dryRun=true',
      await equipmentListWorkbook(units),
    )
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json<TRentalEquipmentImportResult>()
    expect(result.controlCharactersRemoved).toBe(2)
    expect(result.errors).toBe(0)
    const [a, b] = result.rows
    expect(a).toMatchObject({ code: 'PSLBT-9001', action: 'create' })
    expect(a?.changes).toContain(
      'Se eliminaron 2 caracteres de control del texto de la fila (la fila se importa)',
    )
    expect(b?.changes.join(' ')).not.toContain('control')
  })
})
