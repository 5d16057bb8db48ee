import { createRequire } from 'node:module'
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { SaxesParser } from 'saxes'
import yauzl from 'yauzl'
import { ImportLimitError, limitError, type ImportLimits, type LimitPlace } from './import-limits'

/**
 * A streaming .xlsx reader with bounds. The zip's central directory says where each part is, so the parts
 * are read in the order the reading needs (package relationships, workbook, its relationships, styles,
 * shared strings, then the chosen worksheets in workbook order) whatever order the file stores them in, and
 * only the chosen worksheets are inflated. Every part is inflated and parsed (SAX, `saxes`) chunk by chunk:
 * rows come out as their `</row>` is read, and each limit of `ImportLimits` is checked as the bytes, text,
 * elements, rows and cells go by, so a hostile file costs at most what the limits allow. No temporary files,
 * no whole-workbook model. DOCTYPE declarations are refused (no entity can be declared, let alone expanded).
 *
 * Cells: shared and inline strings (rich text: its runs joined, phonetic runs left out), numbers, dates
 * (a number whose style has a date format, or a `t="d"` ISO date; 1904 date system honoured), booleans,
 * formulas as their cached result (null without one), errors as null.
 */
export type RawCell = string | number | boolean | Date | null
export type XlsxRow = { sheet: string; rowNumber: number; cells: RawCell[] }

/** A file that is not a readable .xlsx (as opposed to one that passes a limit: `ImportLimitError`). */
export class XlsxFormatError extends Error {
  override readonly name = 'XlsxFormatError'
}

type Entry = yauzl.Entry
type Budget = { limits: ImportLimits; totalBytes: number; rows: number; cells: number }
type Rel = { id: string; type: string; target: string }

const require = createRequire(import.meta.url)
/** ExcelJS's table of the built-in number formats (id → `{ f }`), to tell which ones are dates. */
const BUILT_IN_FORMATS = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>

/** Excel's rule (as ExcelJS has it): a format with y, m, d, h, s or b outside quotes and brackets is a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]/.test(bare)
}

/** Excel's serial day number as a UTC date (1900 or 1904 system). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/** Reads the rows of the chosen worksheets (all when `sheets` is omitted), streaming and bounded. */
export async function* readXlsxRows(
  bytes: Buffer,
  options: { sheets?: (name: string, index: number) => boolean; limits: ImportLimits },
): AsyncGenerator<XlsxRow> {
  const budget: Budget = { limits: options.limits, totalBytes: 0, rows: 0, cells: 0 }
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true })
  } catch (err) {
    throw new XlsxFormatError(`not a zip: ${(err as Error).message}`)
  }
  try {
    const entries = await listEntries(zip, options.limits)
    const find = (path: string) => entries.get(path.toLowerCase())

    let workbookPath = 'xl/workbook.xml'
    const rootRels = find('_rels/.rels')
    if (rootRels) {
      const office = (await readRels(zip, rootRels, budget)).find((r) => r.type.endsWith('/officeDocument'))
      if (office) workbookPath = resolveTarget('', office.target)
    }
    const workbookEntry = find(workbookPath)
    if (!workbookEntry) throw new XlsxFormatError(`no workbook part (${workbookPath})`)
    const workbook = await readWorkbookPart(zip, workbookEntry, budget)
    const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : ''
    const relsPath = `${folder ? `${folder}/` : ''}_rels/${workbookPath.slice(folder ? folder.length + 1 : 0)}.rels`
    const relsEntry = find(relsPath)
    const rels = relsEntry ? await readRels(zip, relsEntry, budget) : []
    const part = (type: string) => {
      const rel = rels.find((r) => r.type.endsWith(type))
      return rel ? find(resolveTarget(folder, rel.target)) : undefined
    }
    const stylesEntry = part('/styles')
    const dateStyles = stylesEntry ? await readDateStyles(zip, stylesEntry, budget) : new Set<number>()
    const stringsEntry = part('/sharedStrings')
    const strings = stringsEntry ? await readSharedStrings(zip, stringsEntry, budget) : []

    const byId = new Map(rels.map((r) => [r.id, r]))
    let index = 0
    for (const sheet of workbook.sheets) {
      const rel = byId.get(sheet.rId)
      if (!rel || !rel.type.endsWith('/worksheet')) continue // chart, dialog and macro sheets
      const entry = find(resolveTarget(folder, rel.target))
      if (!entry) throw new XlsxFormatError(`sheet "${sheet.name}": no part ${rel.target}`)
      const at = index++
      if (options.sheets && !options.sheets(sheet.name, at)) continue
      yield* readWorksheet(zip, entry, budget, {
        name: sheet.name,
        strings,
        dateStyles,
        date1904: workbook.date1904,
      })
    }
  } finally {
    zip.close()
  }
}

async function listEntries(zip: yauzl.ZipFile, limits: ImportLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxEntries) throw limitError('entries', limits.maxEntries, null)
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      const key = entry.fileName.toLowerCase()
      if (!key.endsWith('/') && !entries.has(key)) entries.set(key, entry)
    }
  } catch (err) {
    throw new XlsxFormatError(`bad zip directory: ${(err as Error).message}`)
  }
  return entries
}

/** `target` of a relationship of a part in `folder`, as a path in the zip (absolute targets start with `/`). */
function resolveTarget(folder: string, target: string): string {
  let t = target
  try {
    t = decodeURIComponent(target)
  } catch {
    // a literal % stays as it is
  }
  const joined = t.startsWith('/') ? t.slice(1) : folder ? `${folder}/${t}` : t
  const out: string[] = []
  for (const p of joined.split('/')) {
    if (p === '..') out.pop()
    else if (p !== '' && p !== '.') out.push(p)
  }
  return out.join('/')
}

/**
 * The text of one part, inflated chunk by chunk and decoded on whole characters (a character split between
 * two chunks stays whole). Counts the part's bytes, the workbook's bytes and the longest run of text between
 * two `<`, refusing as soon as one passes its limit.
 */
async function* partText(
  zip: yauzl.ZipFile,
  entry: Entry,
  budget: Budget,
  at: LimitPlace,
  maxBytes: number,
): AsyncGenerator<string> {
  const { limits } = budget
  if (entry.isEncrypted()) throw new XlsxFormatError(`${entry.fileName}: encrypted`)
  if (!entry.canDecodeFileData())
    throw new XlsxFormatError(`${entry.fileName}: compression method ${entry.compressionMethod}`)
  // the declared sizes first (an honest zip bomb stops here), then the real ones while inflating
  if (entry.uncompressedSize > maxBytes) throw limitError('partBytes', maxBytes, at)
  if (budget.totalBytes + entry.uncompressedSize > limits.maxTotalBytes)
    throw limitError('totalBytes', limits.maxTotalBytes, at)
  let stream: Readable
  try {
    stream = await zip.openReadStreamPromise(entry)
  } catch (err) {
    throw new XlsxFormatError(`${entry.fileName}: ${(err as Error).message}`)
  }
  const decoder = new StringDecoder('utf8')
  let bytes = 0
  let run = 0
  let first = true
  const check = (text: string) => {
    const open = text.indexOf('<')
    if (open < 0) run += text.length
    else {
      if (run + open > limits.maxTextLength) throw limitError('textLength', limits.maxTextLength, at)
      run = text.length - text.lastIndexOf('<') - 1
    }
    if (run > limits.maxTextLength) throw limitError('textLength', limits.maxTextLength, at)
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length
      budget.totalBytes += chunk.length
      if (bytes > maxBytes) throw limitError('partBytes', maxBytes, at)
      if (budget.totalBytes > limits.maxTotalBytes) throw limitError('totalBytes', limits.maxTotalBytes, at)
      let text = decoder.write(chunk)
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        first = false
      }
      if (text) {
        check(text)
        yield text
      }
    }
    const rest = decoder.end()
    if (rest) {
      check(rest)
      yield rest
    }
  } catch (err) {
    if (err instanceof ImportLimitError || err instanceof XlsxFormatError) throw err
    throw new XlsxFormatError(`${entry.fileName}: ${(err as Error).message}`)
  } finally {
    stream.destroy()
  }
}

type Handlers = {
  open: (name: string, attributes: Record<string, string>) => void
  close: (name: string) => void
  text?: (text: string) => void
}

/** A SAX parser on local names (`x:row` is `row`) that refuses a DOCTYPE and nesting beyond the limit. */
function boundedParser(part: string, at: LimitPlace, maxDepth: number, h: Handlers): SaxesParser {
  const parser = new SaxesParser()
  let depth = 0
  parser.on('doctype', () => {
    throw new XlsxFormatError(`${part}: DOCTYPE declarations are not allowed`)
  })
  parser.on('opentag', (tag) => {
    if (++depth > maxDepth) throw limitError('depth', maxDepth, at)
    h.open(localName(tag.name), tag.attributes)
  })
  parser.on('closetag', (tag) => {
    depth--
    h.close(localName(tag.name))
  })
  const text = h.text
  if (text) {
    parser.on('text', text)
    parser.on('cdata', text)
  }
  return parser
}

const localName = (name: string) => {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** Feeds a part to a parser; yields after each chunk (so rows found so far can be handed out). */
async function* feed(
  zip: yauzl.ZipFile,
  entry: Entry,
  budget: Budget,
  at: LimitPlace,
  maxBytes: number,
  h: Handlers,
): AsyncGenerator<void> {
  const parser = boundedParser(entry.fileName, at, budget.limits.maxDepth, h)
  try {
    for await (const text of partText(zip, entry, budget, at, maxBytes)) {
      parser.write(text)
      yield
    }
    parser.close()
  } catch (err) {
    if (err instanceof ImportLimitError || err instanceof XlsxFormatError) throw err
    throw new XlsxFormatError(`${entry.fileName}: ${(err as Error).message}`)
  }
}

async function parseWhole(
  zip: yauzl.ZipFile,
  entry: Entry,
  budget: Budget,
  maxBytes: number,
  h: Handlers,
): Promise<void> {
  for await (const _ of feed(zip, entry, budget, { part: entry.fileName }, maxBytes, h)) {
    // parsed by the handlers
  }
}

async function readRels(zip: yauzl.ZipFile, entry: Entry, budget: Budget): Promise<Rel[]> {
  const rels: Rel[] = []
  await parseWhole(zip, entry, budget, budget.limits.maxMetadataBytes, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        rels.push({ id: a.Id, type: a.Type ?? '', target: a.Target })
    },
    close() {},
  })
  return rels
}

type WorkbookPart = { sheets: { name: string; rId: string }[]; date1904: boolean }

async function readWorkbookPart(zip: yauzl.ZipFile, entry: Entry, budget: Budget): Promise<WorkbookPart> {
  const wb: WorkbookPart = { sheets: [], date1904: false }
  let inSheets = false
  await parseWhole(zip, entry, budget, budget.limits.maxMetadataBytes, {
    open(name, a) {
      if (name === 'workbookPr') wb.date1904 = a.date1904 === '1' || a.date1904 === 'true'
      else if (name === 'sheets') inSheets = true
      else if (name === 'sheet' && inSheets) {
        const idKey = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'))
        if (a.name !== undefined && idKey) wb.sheets.push({ name: a.name, rId: a[idKey] ?? '' })
      }
    },
    close(name) {
      if (name === 'sheets') inSheets = false
    },
  })
  return wb
}

/** The cell styles (indexes of `cellXfs`) whose number format is a date. */
async function readDateStyles(zip: yauzl.ZipFile, entry: Entry, budget: Budget): Promise<Set<number>> {
  const custom = new Map<number, string>()
  const formatIds: number[] = []
  let inNumFmts = false
  let inCellXfs = false
  await parseWhole(zip, entry, budget, budget.limits.maxMetadataBytes, {
    open(name, a) {
      if (name === 'numFmts') inNumFmts = true
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'numFmt' && inNumFmts) custom.set(Number(a.numFmtId), a.formatCode ?? '')
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0))
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false
      else if (name === 'cellXfs') inCellXfs = false
    },
  })
  const dates = new Set<number>()
  formatIds.forEach((id, style) => {
    if (isDateFormat(custom.get(id) ?? BUILT_IN_FORMATS[id]?.f)) dates.add(style)
  })
  return dates
}

/** The shared-strings table: each `<si>`'s text runs joined (phonetic runs left out); null when it has none. */
async function readSharedStrings(
  zip: yauzl.ZipFile,
  entry: Entry,
  budget: Budget,
): Promise<(string | null)[]> {
  const { maxSharedStrings } = budget.limits
  const at = { part: entry.fileName }
  const strings: (string | null)[] = []
  let text: string | null = null
  let inT = false
  let phonetic = 0
  await parseWhole(zip, entry, budget, budget.limits.maxPartBytes, {
    open(name) {
      if (name === 'si') text = null
      else if (name === 't' && phonetic === 0) {
        inT = true
        text ??= ''
      } else if (name === 'rPh') phonetic++
    },
    text(t) {
      if (inT) text += t
    },
    close(name) {
      if (name === 't') inT = false
      else if (name === 'rPh') phonetic--
      else if (name === 'si') {
        if (strings.length >= maxSharedStrings) throw limitError('sharedStrings', maxSharedStrings, at)
        strings.push(text)
        text = null
      }
    },
  })
  return strings
}

/** Column number of a cell reference (`AB12` → 28); 0 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20 // lower case
    if (c < 0x61 || c > 0x7a) break
    col = col * 26 + (c - 0x60)
  }
  return col
}

async function* readWorksheet(
  zip: yauzl.ZipFile,
  entry: Entry,
  budget: Budget,
  sheet: { name: string; strings: (string | null)[]; dateStyles: Set<number>; date1904: boolean },
): AsyncGenerator<XlsxRow> {
  const { limits } = budget
  const at = { sheet: sheet.name }
  const ready: XlsxRow[] = []
  let inData = false
  let row: { number: number; values: Map<number, RawCell>; width: number } | null = null
  let lastRow = 0
  let cell: { col: number; type: string; style: number; v: string | null; inline: string | null } | null =
    null
  let lastCol = 0
  let capture: 'v' | 't' | null = null
  let inInline = false
  let phonetic = 0
  // a limit passed: the rows read before it are handed out first, then the refusal
  let refused: ImportLimitError | null = null

  const valueOf = (c: NonNullable<typeof cell>): RawCell => {
    if (c.type === 'inlineStr') return c.inline ?? c.v
    if (c.v === null) return null
    switch (c.type) {
      case 's': {
        const i = Number.parseInt(c.v, 10)
        return Number.isInteger(i) && i >= 0 && i < sheet.strings.length ? (sheet.strings[i] ?? null) : null
      }
      case 'str':
        return c.v
      case 'b':
        return c.v.trim() === '' ? null : Number.parseInt(c.v, 10) !== 0
      case 'e':
        return null
      case 'd': {
        const d = new Date(c.v)
        return Number.isNaN(d.getTime()) ? null : d
      }
      default: {
        if (c.v.trim() === '') return null
        const n = Number.parseFloat(c.v)
        if (!Number.isFinite(n)) return null
        return sheet.dateStyles.has(c.style) ? excelSerialToDate(n, sheet.date1904) : n
      }
    }
  }

  const handlers: Handlers = {
    open(name, a) {
      if (refused) return
      switch (name) {
        case 'sheetData':
          inData = true
          break
        case 'row':
          if (!inData) break
          lastRow = a.r ? Number.parseInt(a.r, 10) || lastRow + 1 : lastRow + 1
          row = { number: lastRow, values: new Map(), width: 0 }
          lastCol = 0
          break
        case 'c':
          if (!row) break
          lastCol = (a.r ? columnOf(a.r) : 0) || lastCol + 1
          cell = { col: lastCol, type: a.t ?? 'n', style: Number(a.s ?? 0), v: null, inline: null }
          break
        case 'v':
          if (cell) {
            capture = 'v'
            cell.v = ''
          }
          break
        case 'is':
          if (cell) inInline = true
          break
        case 'rPh':
          if (inInline) phonetic++
          break
        case 't':
          if (cell && inInline && phonetic === 0) {
            capture = 't'
            cell.inline ??= ''
          }
          break
      }
    },
    text(t) {
      if (capture === 'v' && cell) cell.v += t
      else if (capture === 't' && cell) cell.inline += t
    },
    close(name) {
      if (refused) return
      switch (name) {
        case 'v':
        case 't':
          capture = null
          break
        case 'rPh':
          if (inInline) phonetic--
          break
        case 'is':
          inInline = false
          break
        case 'c': {
          if (!row || !cell) break
          const value = valueOf(cell)
          if (value !== null) {
            if (cell.col > limits.maxColumns) {
              refused = limitError('columns', limits.maxColumns, at, row.number)
              break
            }
            row.values.set(cell.col, value)
            if (cell.col > row.width) row.width = cell.col
          }
          cell = null
          break
        }
        case 'row': {
          if (!row) break
          if (row.width > 0) {
            if (++budget.rows > limits.maxRows) refused = limitError('rows', limits.maxRows, at)
            else if ((budget.cells += row.width) > limits.maxCells)
              refused = limitError('cells', limits.maxCells, at)
            if (refused) break
            const cells = new Array<RawCell>(row.width).fill(null)
            for (const [col, value] of row.values) cells[col - 1] = value
            ready.push({ sheet: sheet.name, rowNumber: row.number, cells })
          }
          row = null
          break
        }
        case 'sheetData':
          inData = false
          break
      }
    },
  }

  for await (const _ of feed(zip, entry, budget, at, limits.maxPartBytes, handlers)) {
    if (ready.length > 0) yield* ready.splice(0)
    if (refused) throw refused
  }
  if (ready.length > 0) yield* ready.splice(0)
}
