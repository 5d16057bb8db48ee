import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'

/**
 * Reading side of the spreadsheet adapter. Cells come out as plain values:
 * rich text → its text, formula → its cached result (or null when the file has none),
 * hyperlink → its text, error → null, dates → Date (UTC), numbers → number, text → string.
 */
export type CellValue = string | number | boolean | Date | null
export type SheetRow = { rowNumber: number; cells: CellValue[] }

export function plainCell(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return v
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result
      if (result === undefined || result === null) return null
      if (typeof result === 'object' && result !== null && 'error' in result) return null
      return plainCell(result as ExcelJS.CellValue)
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text
    if ('text' in v && typeof (v as { text: unknown }).text === 'object') return plainCell((v as { text: ExcelJS.CellValue }).text)
    if ('error' in v) return null
  }
  return null
}

/** Names of the worksheets of a workbook, in order. */
export async function listSheets(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb.worksheets.map((w) => w.name)
}

/**
 * Streams the rows of the chosen sheets (all when `sheets` is omitted), without loading the
 * whole workbook model. Empty rows are skipped; `cells[0]` is column A.
 */
export async function* readRows(
  bytes: Buffer,
  options: { sheets?: (name: string, index: number) => boolean } = {},
): AsyncGenerator<SheetRow & { sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  })
  let index = 0
  for await (const ws of reader) {
    const sheet = ws as unknown as ExcelJS.Worksheet & { name: string }
    const name = sheet.name
    const take = !options.sheets || options.sheets(name, index)
    index++
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!take) continue
      const values = row.values as ExcelJS.CellValue[]
      const cells: CellValue[] = []
      for (let c = 1; c < values.length; c++) cells.push(plainCell(values[c]))
      if (cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue
      yield { sheet: name, rowNumber: row.number, cells }
    }
  }
}

/** Loads a whole workbook (small files, or when random access across rows is needed). */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}
