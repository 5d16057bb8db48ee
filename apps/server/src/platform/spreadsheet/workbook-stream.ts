import { loadExcelJS } from './exceljs'
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
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  })
  wb.creator = 'Faena'
  const ws = wb.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: Math.max(1, sheet.columns.length) },
  }
  header.commit()
  // One style object per formatted column, shared by its cells: ExcelJS caches a style by identity, so
  // 20,000 rows cost one lookup each instead of building a style per cell.
  const styled = sheet.columns.flatMap((c, i) => {
    const numFmt = c.type ? NUM_FMT[c.type] : undefined
    return numFmt ? [{ col: i + 1, style: { numFmt } }] : []
  })
  let n = 0
  for await (const rows of batches) {
    for (const row of rows) {
      const added = ws.addRow(sheet.columns.map((c) => cellValue(row[c.key], c.type)))
      for (const s of styled) added.getCell(s.col).style = s.style
      added.commit()
      n++
      // let the event loop serve requests now and then (the embedded database answers without one)
      if (n % 250 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
  }
  ws.commit()
  await wb.commit()
  return n
}
