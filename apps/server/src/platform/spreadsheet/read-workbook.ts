import ExcelJS from 'exceljs'
import { createRequire } from 'node:module'
import { StringDecoder } from 'node:string_decoder'
import { Readable, Transform } from 'node:stream'

/**
 * Reading side of the spreadsheet adapter. Cells come out as plain values:
 * rich text → its text, formula → its cached result (or null when the file has none),
 * hyperlink → its text, error → null, dates → Date (UTC), numbers → number, text → string.
 * Text read by `readRows`/`readRowsLoaded` has Excel's `_xHHHH_` escapes decoded and control characters
 * dropped (counted in the row's `controlCharacters`, which imports report as warnings).
 */
export type CellValue = string | number | boolean | Date | null
export type SheetRow = {
  rowNumber: number
  cells: CellValue[]
  /** control characters dropped from the row's text cells (absent when none); see `cleanText` */
  controlCharacters?: number
}

/**
 * Excel writes a character that XML cannot hold as `_xHHHH_` (U+0002 → `_x0002_`) and a literal `_x` that
 * would read as one with its underscore escaped (`_x005F_x0041_` is the text `_x0041_`); upper-case hex.
 * ExcelJS decodes them only in the shared strings of its in-memory reader (not in inline strings, not in its
 * streaming reader), so the adapter turns that off (below) and decodes every cell's text itself, once.
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

// ExcelJS's `<t>` parser without its partial decoding: text comes out as the file has it (see above).
const TextXform = createRequire(import.meta.url)('exceljs/lib/xlsx/xform/strings/text-xform.js') as {
  prototype: object
}
Object.defineProperty(TextXform.prototype, 'model', {
  configurable: true,
  get(this: { _text: string[] }) {
    return this._text.join('')
  },
})

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/** vertical tab and form feed separate words (Word's manual line break): they become a space */
const isSeparator = (c: string) => c === '\u000B' || c === '\u000C'

/**
 * Imported text without control characters: they are dropped (vertical tab and form feed become a space)
 * and counted; tab, line feed and carriage return stay. The row they are in is kept.
 */
export function cleanText(text: string): { text: string; removed: number } {
  let removed = 0
  const cleaned = text.replace(CONTROL, (c) => {
    removed++
    return isSeparator(c) ? ' ' : ''
  })
  return { text: removed ? cleaned : text, removed }
}

/** A row whose text lost control characters while it was read: imports report it as a warning. */
export type CleanedRow = { sheet: string; rowNumber: number; controlCharacters: number }

/** The warning an import reports for a row whose text lost control characters (imports keep the row). */
export function controlCharactersWarning(count: number): string {
  return count === 1
    ? 'Se eliminó 1 carácter de control del texto de la fila (la fila se importa)'
    : `Se eliminaron ${count} caracteres de control del texto de la fila (la fila se importa)`
}

/** Cells as imports see them: escapes decoded, control characters dropped (and counted). */
function importedRow(
  sheet: string,
  rowNumber: number,
  values: ExcelJS.CellValue[],
  opts: { masterOnly?: (column: number) => boolean } = {},
): (SheetRow & { sheet: string }) | null {
  const cells: CellValue[] = []
  let removed = 0
  for (let c = 1; c < values.length; c++) {
    let v = opts.masterOnly && !opts.masterOnly(c) ? null : plainCell(values[c])
    if (typeof v === 'string') {
      const cleaned = cleanText(decodeExcelEscapes(v))
      removed += cleaned.removed
      v = cleaned.text
    }
    cells.push(v)
  }
  if (cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) return null
  return removed ? { sheet, rowNumber, cells, controlCharacters: removed } : { sheet, rowNumber, cells }
}

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
        const read = importedRow(name, row.number, row.values as ExcelJS.CellValue[])
        if (read) yield read
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
      const read = importedRow(sheet.name, row.number, row.values as ExcelJS.CellValue[], {
        // like the stream: a merged range has its value in its first cell only
        masterOnly: (c) => {
          const cell = row.getCell(c)
          return !cell.isMerged || cell.master.address === cell.address
        },
      })
      if (read) rows.push(read)
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
