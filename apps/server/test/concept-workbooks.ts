/**
 * Synthetic concept workbooks for integration tests and benchmarks, in the shapes docs/imports.md describes:
 * "Contract workbook" (contract price schedule: one sheet per sub-annex, title rows, header in row 6, annex
 * title row, section headings, priced rows, TOTAL, signature block) and "PUE workbook" (header in row 1, formula
 * columns without cached values, codes stored as text, line breaks and rich text, odd sheet name).
 * Written with ExcelJS's streaming writer so that 50,000 rows stay cheap. For the small workbook with every quirk
 * of the client's real contract workbook, see `fixtures/contract-workbook.ts`.
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { CONTRACT_HEADER } from './fixtures/contract-workbook'

/** Units of the real contract workbook (all in the demo units catalog). */
export const CONTRACT_UNITS = [
  'PIEZA',
  'TON',
  'JUNTA',
  'M',
  'M2',
  'ML',
  'H-H',
  'DÍA',
  'SERVICIO',
  'JORNADA',
  'HORA',
  'HOM/DÍA',
  'COMIDA',
]

async function collect(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true })
  await write(wb)
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}

export type ContractOptions = {
  /** priced rows in total, spread over the sheets */
  concepts: number
  /** sub-annex numbers, one sheet each (default C-2 … C-6) */
  annexes?: number[]
  /** price of a concept (row i of the whole file); default a varied exact price */
  price?: (i: number) => number
  /** change a priced row before it is written (index in the whole file) */
  edit?: (i: number, row: ExcelJS.CellValue[]) => ExcelJS.CellValue[]
}

/** A contract-format catalog workbook with `concepts` priced rows (`<annex>.<k>.` codes, 13 units). */
export async function contractWorkbook(opts: ContractOptions): Promise<Buffer> {
  const annexes = opts.annexes ?? [2, 3, 4, 5, 6]
  const perSheet = Math.ceil(opts.concepts / annexes.length)
  return collect(async (wb) => {
    let i = 0
    for (const n of annexes) {
      const ws = wb.addWorksheet(`Anexo C-${n}-CR`)
      ws.addRow([null, 'Subdirección de Mantenimiento, Logística e Infraestructura Complementaria.']).commit()
      ws.addRow([null, 'Gerencia de Mantenimiento e Infraestructura Complementaria Marina.']).commit()
      ws.addRow([null, 'Descripción de los trabajos: catálogo sintético para pruebas.']).commit()
      ws.addRow([]).commit()
      ws.addRow([null, `Anexo C-${n}-CR: Catálogo de conceptos sintético`]).commit()
      ws.addRow([...CONTRACT_HEADER]).commit()
      ws.addRow([`C-${n}`, n, `Catálogo sintético del anexo C-${n}`]).commit()
      let total = 0
      for (let k = 1; k <= perSheet && i < opts.concepts; k++, i++) {
        if (k % 25 === 1)
          ws.addRow([`C-${n}`, null, `SECCIÓN ${Math.ceil(k / 25)} DEL ANEXO C-${n}`]).commit()
        const price = opts.price ? opts.price(i) : 100 + (i % 997) + (i % 7) / 4
        const quantity = 1 + (i % 40)
        total += price * quantity
        const row: ExcelJS.CellValue[] = [
          `C-${n}`,
          `${n}.${k}.`,
          `CONCEPTO SINTÉTICO ${n}.${k}: suministro e instalación de material tipo ${i % 311}, incluye maniobras`,
          CONTRACT_UNITS[i % CONTRACT_UNITS.length] ?? 'PIEZA',
          quantity,
          price,
          i % 3 === 0 ? 12.5 : 0,
          price * quantity,
          0,
          'Sintético',
          `Grupo ${i % 9}`,
          null,
        ]
        ws.addRow(opts.edit ? opts.edit(i, row) : row).commit()
      }
      ws.addRow([null, null, null, null, null, null, 'TOTAL', total, 0]).commit()
      ws.addRow([]).commit()
      ws.addRow([null, 'Ciudad del Carmen, Campeche a 10 de Enero de 2023']).commit()
      ws.addRow([null, null, null, null, null, null, 'BME SUBTEC, S.A. DE C.V.']).commit()
      ws.commit()
    }
  })
}

const PUE_HEADER = [
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
/** The sheet name of the real file has an acute accent; this one adds the other characters Excel allows. */
export const PUE_SHEET = "PUE´s BME (v2) 'copia' & Ñ"
/** Units of the real PUE workbook that the demo units catalog has. */
const PUE_UNITS = [
  'PIEZA',
  'SERVICIO',
  'M',
  'TON',
  'DÍA',
  'HORA',
  'M3',
  'JORNADA',
  'M2',
  'EVENTO',
  'LOTE',
  'KG',
  'SERV/DIA',
  'M2/DÍA',
]
const STATUSES = [null, 'EN ELABORACION', 'CANCELADA', 'AUTORIZADO']

export type PueRow = Record<string, ExcelJS.CellValue>

/** Row i of a synthetic PUE workbook: every 17th converted to an ordinary concept with prices. */
export function pueRow(i: number): PueRow {
  const n = [3, 2, 5, 4, 1, 6][i % 6] ?? 3
  const converted = i % 17 === 0
  const row: PueRow = {
    'PARTIDA EXT': `C${n}EXT-${String(i + 1).padStart(4, '0')}`,
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
    UNIDAD: PUE_UNITS[i % PUE_UNITS.length] ?? 'PIEZA',
    'CANTIDADES DE REFERENCIA': i % 5 === 0 ? 1.5 : 1,
    'P.U. M.N.': converted ? 1000 + i / 100 : 0,
    'P.U. USD': converted && i % 2 === 0 ? 12.34 : 0,
    'M.N.': { formula: '[@[P.U. M.N.]]*[@[CANTIDADES DE REFERENCIA]]' },
    'U.S.D.': { formula: '[@[P.U. USD]]*[@[CANTIDADES DE REFERENCIA]]' },
    'ID PADRE': i % 4 === 0 ? 'Tubos' : null,
    'PTE CREACION': i % 4 === 1 ? null : `BME-3801-${String(i % 90).padStart(3, '0')}-2024`,
    'OT CREACION': i % 2 === 1 ? null : `OT-801-24-${String(i % 90).padStart(3, '0')}`,
    'FECHA SANCION': i % 20 === 0 ? new Date(Date.UTC(2024, i % 12, 1 + (i % 28))) : null,
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

/** A PUE workbook (header in row 1) from the given rows. */
export async function pueWorkbook(rows: PueRow[], sheetName = PUE_SHEET): Promise<Buffer> {
  return collect(async (wb) => {
    const ws = wb.addWorksheet(sheetName)
    ws.addRow(PUE_HEADER).commit()
    for (const r of rows) {
      const row = ws.addRow(PUE_HEADER.map((h) => r[h] ?? null))
      PUE_HEADER.forEach((h, c) => {
        const cell = row.getCell(c + 1)
        if (h === 'PARTIDA EXT' || h === 'PARTIDA') cell.numFmt = '@'
        if (h.startsWith('P.U.') || h === 'M.N.' || h === 'U.S.D.') cell.numFmt = '"$"#,##0.00'
        if (h === 'FECHA SANCION') cell.numFmt = 'mm-dd-yy'
      })
      row.commit()
    }
    ws.commit()
  })
}
