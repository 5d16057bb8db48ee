import { loadExcelJS } from './exceljs'

/**
 * The one door to the xlsx library, so it can be swapped. Writing: a list of sheets with typed columns.
 * Money and quantities arrive as decimal strings and are written as numbers with a number format
 * (Excel has no exact decimal type; the text of the string is what the cell shows).
 */
export type SheetColumn = {
  header: string
  key: string
  width?: number
  type?: 'text' | 'number' | 'money' | 'date' | 'datetime' | 'percent'
}
export type SheetSpec = { name: string; columns: SheetColumn[]; rows: Record<string, unknown>[] }

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Faena'
  for (const spec of sheets) {
    const ws = wb.addWorksheet(safeSheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }))
    ws.getRow(1).font = { bold: true }
    for (const row of spec.rows) {
      const values: Record<string, unknown> = {}
      for (const c of spec.columns) values[c.key] = cellValue(row[c.key], c.type)
      ws.addRow(values)
    }
    spec.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1)
      if (c.type === 'money') col.numFmt = '#,##0.00'
      if (c.type === 'date') col.numFmt = 'yyyy-mm-dd'
      if (c.type === 'datetime') col.numFmt = 'yyyy-mm-dd hh:mm'
    })
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, spec.columns.length) } }
  }
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out)
}

/** The cell written for a value of a column type (decimal strings → numbers, dates → Date). */
export function cellValue(v: unknown, type: SheetColumn['type']): unknown {
  if (v === null || v === undefined || v === '') return null
  if ((type === 'money' || type === 'number' || type === 'percent') && typeof v === 'string') return Number(v)
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T00:00:00Z`)
  if (type === 'datetime' && typeof v === 'string') return new Date(v)
  if (Array.isArray(v)) return v.join(', ')
  if (typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(v)
  return v
}

export function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Hoja1'
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
