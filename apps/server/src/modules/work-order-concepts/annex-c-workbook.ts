import { Dec } from '../../platform/money/money'
import { loadExcelJS } from '../../platform/spreadsheet/exceljs'
import type * as repo from './work-order-concepts.repository'

/**
 * An Anexo C workbook of stored lines, in the shape the import reads (docs/work-order-concepts.md#reading-the-workbook):
 * one sheet "ANEXO C", the header ANEXO, PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N., P.U. USD and one
 * column per planned day (a date). A version made in the app (a concept added from the catalog) keeps this as
 * its file, so it can be downloaded and imported again like any other.
 */
/** A number where it is exact as one, the decimal text otherwise (the import reads both). */
const cell = (v: string) =>
  new Dec(v).equals(Number(v)) && String(Number(v)) === new Dec(v).toFixed() ? Number(v) : v

export async function buildAnnexCWorkbook(lines: readonly repo.LineValues[]): Promise<Buffer> {
  const Excel = await loadExcelJS()
  const wb = new Excel.Workbook()
  wb.creator = 'Faena'
  const ws = wb.addWorksheet('ANEXO C', { views: [{ state: 'frozen', ySplit: 1 }] })
  const days = [...new Set(lines.flatMap((l) => Object.keys(l.plannedByDay)))].sort()
  const header = ['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD']
  ws.addRow([...header, ...days.map((d) => new Date(`${d}T00:00:00Z`))])
  ws.getRow(1).font = { bold: true }
  days.forEach((_, i) => (ws.getRow(1).getCell(header.length + i + 1).numFmt = 'dd/mm/yyyy'))
  for (const l of lines)
    ws.addRow([
      l.annex,
      l.code,
      l.description,
      l.unit_key,
      cell(l.authorized_volume),
      cell(l.unit_price_mxn),
      cell(l.unit_price_usd),
      ...days.map((d) => (l.plannedByDay[d] === undefined ? null : cell(l.plannedByDay[d]))),
    ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
