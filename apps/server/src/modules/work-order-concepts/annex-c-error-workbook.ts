import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../../platform/spreadsheet/exceljs'
import type { CellValue } from '../../platform/spreadsheet/read-workbook'
import type { AnnexCBadRow, AnnexCColumn } from './annex-c-parser'

/**
 * The workbook a rejected Anexo C import answers with (docs/work-order-concepts.md#all-or-nothing-the-error-workbook): one sheet
 * "Errores Importacion" with only the failing rows, every original column except those without a header,
 * preceded by OBSERVACIONES_SISTEMA (one line per reason). Column A is 80 wide, the others
 * min(longest text + 2, 30). Date headers stay dates (dd/mm/yyyy).
 */

export const ANNEX_C_ERROR_SHEET = 'Errores Importacion'
export const OBSERVATIONS_HEADER = 'OBSERVACIONES_SISTEMA'

export async function buildAnnexCErrorWorkbook(input: {
  columns: AnnexCColumn[]
  badRows: AnnexCBadRow[]
}): Promise<Buffer> {
  const Excel = await loadExcelJS()
  const columns = input.columns.filter((c) => c.role !== 'unnamed')
  const wb = new Excel.Workbook()
  wb.creator = 'Faena'
  const ws = wb.addWorksheet(ANNEX_C_ERROR_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })

  const header: ExcelJS.CellValue[] = [OBSERVATIONS_HEADER, ...columns.map(headerValue)]
  ws.addRow(header)
  for (const row of input.badRows) {
    const added = ws.addRow([row.reasons.join('\n'), ...columns.map((c) => row.values[c.index] ?? null)])
    columns.forEach((c, i) => {
      if (row.values[c.index] instanceof Date) added.getCell(i + 2).numFmt = 'dd/mm/yyyy'
    })
  }

  const headerRow = ws.getRow(1)
  headerRow.font = { bold: true }
  ws.getColumn(1).width = 80
  ws.getColumn(1).alignment = { wrapText: true, vertical: 'top' }
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 2)
    const texts = [headerText(c), ...input.badRows.map((r) => displayText(r.values[c.index] ?? null))]
    const width = Math.min(Math.max(...texts.map((t) => t.length)) + 2, 30)
    // ExcelJS leaves out a column of width exactly 9 (its default) when writing
    column.width = width === 9 ? 9.01 : width
    if (c.role === 'date') headerRow.getCell(i + 2).numFmt = 'dd/mm/yyyy'
  })

  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out)
}

/** `Errores_Importacion_<OT number with / and \ replaced by ->.xlsx` */
export function annexCErrorFileName(workOrderNumber: string): string {
  return `Errores_Importacion_${workOrderNumber.trim().replace(/[\\/]/g, '-')}.xlsx`
}

function headerValue(c: AnnexCColumn): ExcelJS.CellValue {
  if (c.role === 'date' && c.date) return new Date(`${c.date}T00:00:00Z`)
  return typeof c.raw === 'string' ? c.raw.trim() : c.raw
}

function headerText(c: AnnexCColumn): string {
  return c.role === 'date' ? c.label : displayText(c.raw)
}

function displayText(v: CellValue): string {
  if (v === null) return ''
  if (v instanceof Date) return 'dd/mm/yyyy'
  return String(v)
}
