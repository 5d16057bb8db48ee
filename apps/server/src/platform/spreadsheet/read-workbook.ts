import ExcelJS from 'exceljs'
import { StringDecoder } from 'node:string_decoder'
import { Readable, Transform } from 'node:stream'

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
    if ('text' in v && typeof (v as { text: unknown }).text === 'object')
      return plainCell((v as { text: ExcelJS.CellValue }).text)
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
  decodeWholeCharacters(reader)
  let index = 0
  try {
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
  } catch (err) {
    // ExcelJS's streaming reader parses a worksheet as soon as the shared strings and relationships are
    // in, even when xl/workbook.xml comes later in the zip (`this.model` undefined → TypeError). Writers do
    // not fix the entry order (ExcelJS's own varies with timing), so such a file is read in memory instead.
    if (index > 0) throw err
    yield* readRowsLoaded(bytes, options)
  }
}

/** The same rows as `readRows`, from the whole workbook loaded in memory (no streaming). */
export async function* readRowsLoaded(
  bytes: Buffer,
  options: { sheets?: (name: string, index: number) => boolean } = {},
): AsyncGenerator<SheetRow & { sheet: string }> {
  const wb = await loadWorkbook(bytes)
  for (const [index, sheet] of wb.worksheets.entries()) {
    if (options.sheets && !options.sheets(sheet.name, index)) continue
    const rows: (SheetRow & { sheet: string })[] = []
    sheet.eachRow((row) => {
      const values = row.values as ExcelJS.CellValue[]
      const cells: CellValue[] = []
      for (let c = 1; c < values.length; c++) {
        // like the stream: a merged range has its value in its first cell only
        const cell = row.getCell(c)
        cells.push(cell.isMerged && cell.master.address !== cell.address ? null : plainCell(values[c]))
      }
      if (!cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) {
        rows.push({ sheet: sheet.name, rowNumber: row.number, cells })
      }
    })
    yield* rows
  }
}

/** Loads a whole workbook (small files, or when random access across rows is needed). */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

/** A stream that re-chunks UTF-8 bytes so that no chunk ends inside a multi-byte character. */
function wholeCharacters(): Transform {
  const decoder = new StringDecoder('utf8')
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.write(chunk))
    },
    flush(done) {
      done(null, decoder.end())
    },
  })
}

async function* wholeCharacterChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

type ReaderInternals = {
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>
}

/**
 * ExcelJS's streaming reader decodes every chunk of the unzipped XML on its own (`parse-sax.js`), so a
 * character of two or more bytes split between two chunks becomes two U+FFFD (the real contract workbook:
 * `PRESIÓN` → `PRESI��N` in `Anexo C-3-CR` rows 456 and 457). Feeding it whole characters fixes that: the shared
 * strings, workbook and relationship parts through a decoding stream, the worksheets through a decoding
 * iterator (the parser takes strings as they are).
 */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderInternals
  const rels = r._parseRels.bind(reader)
  const workbook = r._parseWorkbook.bind(reader)
  const sharedStrings = r._parseSharedStrings.bind(reader)
  const worksheet = r._parseWorksheet.bind(reader)
  r._parseRels = (entry) => rels(entry.pipe(wholeCharacters()))
  r._parseWorkbook = (entry) => workbook(entry.pipe(wholeCharacters()))
  r._parseSharedStrings = (entry) => sharedStrings(entry.pipe(wholeCharacters()))
  r._parseWorksheet = (iterator, sheetNo) => worksheet(wholeCharacterChunks(iterator), sheetNo)
}
