import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readRows } from '../../platform/spreadsheet/read-workbook'
import {
  annexCErrorFileName,
  ANNEX_C_ERROR_SHEET,
  buildAnnexCErrorWorkbook,
  OBSERVATIONS_HEADER,
} from './annex-c-error-workbook'
import { createAnnexCCatalog, interpretAnnexCTable, type AnnexCRejected } from './annex-c-parser'

const catalog = createAnnexCCatalog({
  units: [
    { id: 'u-ton', key: 'TON', description: 'Tonelada' },
    { id: 'u-pza', key: 'PIEZA', description: 'Pieza' },
  ],
  concepts: [
    {
      id: 'c1',
      code: '2.2.',
      description: 'Tubo de acero al carbón de 10"Ø',
      unitId: 'u-ton',
      annex: 'C-2',
      priceMxn: '126009.03',
      priceUsd: '0',
    },
    {
      id: 'c2',
      code: '2.3.',
      description: 'Tubo de acero al carbón de 12"Ø',
      unitId: 'u-ton',
      annex: 'C-2',
      priceMxn: '138775.26',
      priceUsd: '0',
    },
  ],
})

const march1 = new Date(Date.UTC(2025, 2, 1))
const header = [
  'ANEXO',
  'PARTIDA',
  'CONCEPTO',
  'UNIDAD',
  'VOLUMEN PTE',
  'P.U. M.N.',
  null,
  'P.U. USD',
  march1,
  '02/03/2025',
]

function rejected(): AnnexCRejected {
  const r = interpretAnnexCTable(
    {
      sheet: 'ANEXO C',
      headerRowNumber: 4,
      headerCells: header,
      rows: [
        {
          rowNumber: 5,
          cells: ['C-2', '2.2.', 'Tubo de acero al carbón de 10"Ø', 'TON', 3, 126009.03, 'oculto', 0, 1, 2],
        },
        {
          rowNumber: 6,
          cells: ['C-2', '2.2.', 'Tubo de acero al carbón de 10"Ø', 'PIEZA', 'tres', 1, null, 0, null, null],
        },
        {
          rowNumber: 7,
          cells: [
            'C-2',
            '2.9.',
            'Tubo inventado con una descripción bastante más larga que treinta caracteres',
            'GALON',
            1,
            1,
            null,
            0,
            1,
            null,
          ],
        },
      ],
    },
    catalog,
  )
  if (r.ok || r.kind !== 'rows') throw new Error('expected a rejection')
  return r
}

describe('buildAnnexCErrorWorkbook', () => {
  it('one sheet with OBSERVACIONES_SISTEMA first, the failing rows only, unnamed columns dropped, dates kept', async () => {
    const r = rejected()
    expect(r.badRows.map((b) => b.rowNumber)).toEqual([6, 7])
    const bytes = await buildAnnexCErrorWorkbook(r)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')

    const rows = []
    for await (const row of readRows(bytes)) rows.push(row)
    expect(new Set(rows.map((x) => x.sheet))).toEqual(new Set([ANNEX_C_ERROR_SHEET]))
    expect(rows[0]?.cells).toEqual([
      OBSERVATIONS_HEADER,
      'ANEXO',
      'PARTIDA',
      'CONCEPTO',
      'UNIDAD',
      'VOLUMEN PTE',
      'P.U. M.N.',
      'P.U. USD',
      march1,
      new Date(Date.UTC(2025, 2, 2)),
    ])
    expect(rows).toHaveLength(3)
    expect(rows[1]?.cells).toEqual([
      "UNIDAD DIFERENTE. Excel: 'PIEZA' vs Catálogo: 'TON'\nValor no numérico en VOLUMEN PTE: 'tres'.",
      'C-2',
      '2.2.',
      'Tubo de acero al carbón de 10"Ø',
      'PIEZA',
      'tres',
      1,
      0,
    ])
    expect(rows[2]?.cells[0]).toBe("Unidad 'GALON' no existe en el sistema.")
    expect(rows[2]?.cells[8]).toBe(1)
  })

  it('column A is 80 wide and wraps; the others are min(longest text + 2, 30)', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await buildAnnexCErrorWorkbook(rejected())) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet(ANNEX_C_ERROR_SHEET)!
    expect(ws.getColumn(1).width).toBe(80)
    expect(ws.getCell('A2').alignment?.wrapText).toBe(true)
    expect(ws.getColumn(2).width).toBe('ANEXO'.length + 2)
    expect(ws.getColumn(3).width).toBeCloseTo('PARTIDA'.length + 2, 1)
    expect(ws.getColumn(4).width).toBe(30)
    expect(ws.getCell('I1').numFmt).toBe('dd/mm/yyyy')
    expect(ws.getRow(1).font?.bold).toBe(true)
  })

  it('file name: the OT number with / and \\ replaced', () => {
    expect(annexCErrorFileName('OT/2025\\014 ')).toBe('Errores_Importacion_OT-2025-014.xlsx')
  })
})
