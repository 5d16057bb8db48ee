import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePueWorkbook, type PueWorkbookResult } from './pue-workbook'

/** The columns of ANEXO_C_PUES.xlsx (docs/imports.md#pue-workbook), in order. */
const HEADER = [
  'ANEXO',
  'PARTIDA',
  'CONCEPTO',
  'UNIDAD',
  'CANTIDADES DE REFERENCIA',
  'P.U. M.N.',
  'P.U. USD',
  'M.N.',
  'U.S.D.',
  'ID PADRE',
  'ID MADRE',
  'ID HIJO',
  'PTE CREACION',
  'OT CREACION',
  'FECHA SANCION',
  'PARTIDA EXT',
  'ESTATUS',
  'COMENTARIO',
  'ID BME',
]
const col = (name: string) => HEADER.indexOf(name) + 1

/** A sheet name with the odd characters Excel allows: acute accent, apostrophes, parentheses, ampersand, Ñ. */
const ODD_SHEET = "PUE´s BME (v2) 'copia' #1 & Ñ"

const UNITS = [
  'PIEZA',
  'SERVICIO',
  'M',
  'TON',
  'DÍA',
  'HORA',
  'M3',
  'JORNADA',
  'M2',
  'SERV/DIA',
  'M2/DÍA',
  'HOM/DÍA',
]
const STATUSES = [null, 'EN ELABORACION', 'CANCELADA', 'AUTORIZADO']
const SUB_ANNEX = [3, 2, 5, 4, 1, 6]

type Row = Record<string, ExcelJS.CellValue>

function syntheticRow(i: number): Row {
  const n = SUB_ANNEX[i % SUB_ANNEX.length] ?? 3
  const code = `C${n}EXT-${String(i + 1).padStart(4, '0')}`
  const converted = i % 17 === 0 // ~180 of 3,000, like the real file
  const row: Row = {
    CONCEPTO:
      i % 300 === 7
        ? {
            richText: [
              { text: 'SUMINISTRO ' },
              { font: { bold: true }, text: `DE TUBO ${i}` },
              { text: '\nEN PLATAFORMA' },
            ],
          }
        : i % 10 === 3
          ? `SERVICIO ${i}\r\nCON LÍNEA NUEVA  `
          : `CONCEPTO EXTRAORDINARIO ${i}`,
    UNIDAD: UNITS[i % UNITS.length] ?? 'PIEZA',
    'CANTIDADES DE REFERENCIA': i % 5 === 0 ? 1.5 : 1,
    'P.U. M.N.': converted ? 1000 + i / 100 : 0,
    'P.U. USD': converted && i % 2 === 0 ? 12.34 : 0,
    'M.N.': { formula: '[@[P.U. M.N.]]*[@[CANTIDADES DE REFERENCIA]]' },
    'U.S.D.': { formula: '[@[P.U. USD]]*[@[CANTIDADES DE REFERENCIA]]' },
    'ID PADRE': i % 4 === 0 ? 'Tubos' : null,
    'PTE CREACION': i % 4 === 1 ? null : `BME-3801-${String(i % 90).padStart(3, '0')}-2024`,
    'OT CREACION': i % 2 === 1 ? null : `OT-801-24-${String(i % 90).padStart(3, '0')}`,
    'FECHA SANCION': i % 20 === 0 ? new Date(Date.UTC(2024, i % 12, 1 + (i % 28))) : null,
    'PARTIDA EXT': code,
    ESTATUS: STATUSES[i % STATUSES.length] ?? null,
    COMENTARIO: i % 50 === 0 ? `nota ${i}` : null,
  }
  if (converted) {
    const annex = 7 + (i % 14)
    row.ANEXO = `C-${annex}`
    row.PARTIDA = `${1 + (i % 9)}C-${String(annex).padStart(3, '0')}.`
  }
  return row
}

async function pueWorkbook(
  rows: Row[],
  options: { sheetName?: string; headerAt?: number; header?: string[]; before?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  if (options.before) wb.addWorksheet(options.before).getCell('A1').value = 'Instrucciones'
  const ws = wb.addWorksheet(options.sheetName ?? ODD_SHEET)
  const header = options.header ?? HEADER
  const top = options.headerAt ?? 1
  if (top > 1) ws.getCell(1, 1).value = 'Catálogo de PUEs'
  header.forEach((h, i) => (ws.getCell(top, i + 1).value = h))
  rows.forEach((row, r) => {
    for (const [name, value] of Object.entries(row)) {
      if (value === null || value === undefined) continue
      const cell = ws.getCell(top + 1 + r, col(name))
      cell.value = value
      if (name === 'PARTIDA EXT' || name === 'PARTIDA') cell.numFmt = '@'
      if (name.startsWith('P.U.') || name === 'M.N.' || name === 'U.S.D.') cell.numFmt = '"$"#,##0.00'
      if (name === 'FECHA SANCION') cell.numFmt = 'mm-dd-yy'
    }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('parsePueWorkbook on a synthetic 3,000-row PUE workbook', () => {
  const ROWS = 3000
  let r: PueWorkbookResult
  beforeAll(async () => {
    r = await parsePueWorkbook(await pueWorkbook(Array.from({ length: ROWS }, (_, i) => syntheticRow(i))))
  })

  it('reads every row as one PUE, from the sheet with the odd name', () => {
    expect(r.errors).toEqual([])
    expect(r.sheet).toBe(ODD_SHEET)
    expect(r.headerRow).toBe(1)
    expect(r.concepts).toHaveLength(ROWS)
    expect(r.concepts[0]?.rowNumber).toBe(2)
    expect(r.concepts.at(-1)?.rowNumber).toBe(ROWS + 1)
    expect(new Set(r.concepts.map((c) => c.code)).size).toBe(ROWS)
  })

  it('counts converted PUEs, statuses, dates and units', () => {
    const converted = r.concepts.filter((c) => c.annex !== null)
    expect(converted).toHaveLength(Math.ceil(ROWS / 17))
    expect(converted.every((c) => c.ordinaryCode !== null && c.unitPriceMxn !== '0')).toBe(true)
    expect(
      r.concepts
        .filter((c) => c.annex === null)
        .every((c) => c.unitPriceMxn === '0' && c.unitPriceUsd === '0'),
    ).toBe(true)
    const count = (status: string | null) => r.concepts.filter((c) => c.status === status).length
    expect([count(null), count('in_preparation'), count('cancelled'), count('authorized')]).toEqual([
      750, 750, 750, 750,
    ])
    expect(r.concepts.filter((c) => c.sanctionDate !== null)).toHaveLength(ROWS / 20)
    expect(r.unitKeys).toEqual([...UNITS].sort())
  })

  it('reads a converted PUE field by field', () => {
    const c = r.concepts.find((x) => x.rowNumber === 2) // i = 0
    expect(c).toEqual({
      sheet: ODD_SHEET,
      rowNumber: 2,
      code: 'C3EXT-0001',
      description: 'CONCEPTO EXTRAORDINARIO 0',
      unit: 'PIEZA',
      quantity: '1.5',
      unitPriceMxn: '1000',
      unitPriceUsd: '12.34',
      status: null,
      proposalNumber: 'BME-3801-000-2024',
      workOrderNumber: 'OT-801-24-000',
      sanctionDate: '2024-01-01',
      ordinaryCode: '1C-007.',
      ordinaryCodeKey: '1C-007',
      annex: 'C-7',
      categoryLevels: { category: 'Tubos', subcategory: null, classification: null },
      comment: 'nota 0',
    })
  })

  it('joins rich text and collapses line breaks in descriptions', () => {
    expect(r.concepts.find((x) => x.rowNumber === 9)?.description).toBe('SUMINISTRO DE TUBO 7 EN PLATAFORMA')
    expect(r.concepts.find((x) => x.rowNumber === 5)?.description).toBe('SERVICIO 3 CON LÍNEA NUEVA')
  })

  it('reads a plain PUE with its origin and status', () => {
    const c = r.concepts.find((x) => x.rowNumber === 4) // i = 2
    expect(c).toMatchObject({
      code: 'C5EXT-0003',
      unit: 'M',
      quantity: '1',
      unitPriceMxn: '0',
      status: 'cancelled',
      proposalNumber: 'BME-3801-002-2024',
      workOrderNumber: 'OT-801-24-002',
      ordinaryCode: null,
      annex: null,
      sanctionDate: null,
    })
  })
})

describe('parsePueWorkbook: header matching and bad rows', () => {
  it('finds a header below row 1 with accents, case and spacing variants, in a later sheet', async () => {
    const header = HEADER.map((h) =>
      h === 'FECHA SANCION'
        ? 'Fecha  Sanción'
        : h === 'P.U. M.N.'
          ? 'p.u. mn'
          : h === 'PARTIDA EXT'
            ? 'Partida Ext.'
            : h,
    )
    const bytes = await pueWorkbook([syntheticRow(0), syntheticRow(1)], {
      headerAt: 3,
      header,
      before: 'Léeme',
    })
    const r = await parsePueWorkbook(bytes)
    expect(r.errors).toEqual([])
    expect(r.headerRow).toBe(3)
    expect(r.concepts.map((c) => [c.rowNumber, c.code, c.unitPriceMxn, c.sanctionDate])).toEqual([
      [4, 'C3EXT-0001', '1000', '2024-01-01'],
      [5, 'C2EXT-0002', '0', null],
    ])
    expect(r.ignoredSheets).toEqual([
      { sheet: 'Léeme', reason: expect.stringMatching(/no header row/) as string },
    ])
    expect(r.skipped).toEqual([{ sheet: ODD_SHEET, rowNumber: 1, reason: 'above the header row' }])
  })

  it('reports bad rows with their row number and reason, and keeps the good ones', async () => {
    const good = (i: number, extra: Row = {}): Row => ({ ...syntheticRow(i), ...extra })
    const rows: Row[] = [
      good(1), // row 2: fine
      good(2, { 'PARTIDA EXT': null }), // row 3
      good(3, { 'PARTIDA EXT': 'C3EXT-97' }), // row 4
      good(4, { 'PARTIDA EXT': 'c2ext-0002 ' }), // row 5: same code as row 2 after normalisation
      good(5, { ESTATUS: 'PENDIENTE' }), // row 6
      good(6, { 'FECHA SANCION': '31/02/2024' }), // row 7
      good(8, { 'P.U. M.N.': -10 }), // row 8
      good(9, { PARTIDA: '3C-011.' }), // row 9: converted without annex
      good(10, { UNIDAD: '  ' }), // row 10
      good(11, { CONCEPTO: null }), // row 11
      good(12, { 'FECHA SANCION': '15/04/2024', ESTATUS: 'autorizado' }), // row 12: fine
    ]
    const r = await parsePueWorkbook(await pueWorkbook(rows))
    expect(r.concepts.map((c) => [c.rowNumber, c.code, c.status, c.sanctionDate])).toEqual([
      [2, 'C2EXT-0002', 'in_preparation', null],
      [12, 'C3EXT-0013', 'authorized', '2024-04-15'],
    ])
    expect(r.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
      [6, 'status'],
      [7, 'sanctionDate'],
      [8, 'unitPriceMxn'],
      [9, 'annex'],
      [10, 'unit'],
      [11, 'description'],
    ])
    expect(r.errors[2]?.message).toBe('PARTIDA EXT C2EXT-0002 repeats row 2')
    expect(r.errors[1]?.message).toMatch(/not a PUE code/)
    expect(r.errors[4]?.message).toMatch(/calendar/)
    expect(r.errors[0]?.values).toMatchObject({ 'PARTIDA EXT': null, UNIDAD: 'M', 'P.U. M.N.': 0 })
  })

  it('says so when no sheet has a PUE header', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Hoja1').addRow(['PARTIDA', 'CONCEPTO', 'UNIDAD'])
    const r = await parsePueWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(r.sheet).toBeNull()
    expect(r.concepts).toEqual([])
    expect(r.errors).toMatchObject([
      { rowNumber: 0, field: 'header', message: expect.stringMatching(/PARTIDA EXT/) as string },
    ])
  })

  it('Excel (and ExcelJS) refuse `*` in sheet names, so such a workbook cannot exist', () => {
    expect(() => new ExcelJS.Workbook().addWorksheet("PUE's 2023 (v2)*")).toThrow()
  })
})
