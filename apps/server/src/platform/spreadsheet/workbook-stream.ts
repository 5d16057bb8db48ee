import ExcelJS from 'exceljs'
import { cellValue, safeSheetName, type SheetColumn } from './spreadsheet'

const NUM_FMT: Partial<Record<NonNullable<SheetColumn['type']>, string>> = {
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
}

/**
 * Writes one sheet to `file` batch by batch with ExcelJS's streaming writer: each row is committed to
 * the zip stream as it is added, so memory stays flat whatever the number of rows (the in-memory
 * `writeWorkbook` holds the whole workbook). Same columns, types and look as `writeWorkbook`.
 * Returns the number of rows written.
 */
export async function streamWorkbook(
  file: string,
  sheet: { name: string; columns: SheetColumn[] },
  batches: AsyncIterable<Record<string, unknown>[]>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  })
  wb.creator = 'Faena'
  const ws = wb.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = sheet.columns.map((c) => {
    const numFmt = c.type ? NUM_FMT[c.type] : undefined
    return { header: c.header, key: c.key, width: c.width ?? 18, ...(numFmt ? { style: { numFmt } } : {}) }
  })
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.numFmt = 'General'
  })
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: Math.max(1, sheet.columns.length) },
  }
  header.commit()
  let n = 0
  for await (const rows of batches) {
    for (const row of rows) {
      const values: Record<string, unknown> = {}
      for (const c of sheet.columns) values[c.key] = cellValue(row[c.key], c.type)
      ws.addRow(values).commit()
      n++
    }
  }
  ws.commit()
  await wb.commit()
  return n
}
