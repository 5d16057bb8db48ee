import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bombPart,
  deflatedPart,
  minimalWorkbook,
  SHEET_NAME,
  sheetPart,
  workbookParts,
  worksheetFirstWorkbook,
  zipBombWorkbook,
  zipOf,
  type ZipPart,
} from '../../../test/fixtures/hostile-xlsx'
import { zipEntryNames } from '../../../test/fixtures/xlsx-entry-order'
import { HTTP_STATUS } from '../errors'
import {
  DEFAULT_IMPORT_LIMITS,
  ImportLimitError,
  importLimitsFromEnv,
  type ImportLimitName,
  type ImportLimits,
} from './import-limits'
import { readRows, XlsxFormatError } from './read-workbook'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url))
const CHILD = fileURLToPath(new URL('../../../test/bounded-read.child.ts', import.meta.url))

type ChildResult = {
  rows: number
  lastRow: number
  refusal: { kind: string; limit?: ImportLimitName; where?: string; message: string } | null
  peakHeapMB: number
  peakRssMB: number
}

/** Reads `file` in a child Node with a 256 MB heap; it dies (and this rejects) if the read is not bounded. */
async function readInSmallHeap(file: string, mode: 'limits' | 'unlimited'): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ['--max-old-space-size=256', '--import', 'tsx', CHILD, file, mode],
    { cwd: ROOT, maxBuffer: 1024 * 1024 },
  )
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult
}

async function readAll(bytes: Buffer, limits: Partial<ImportLimits> = {}) {
  const rows = []
  for await (const row of readRows(bytes, { limits: { ...DEFAULT_IMPORT_LIMITS, ...limits } })) rows.push(row)
  return rows
}

/** The refusal `readAll` ends with (fails when it reads to the end). */
async function refusal(bytes: Buffer, limits: Partial<ImportLimits> = {}): Promise<Error> {
  try {
    await readAll(bytes, limits)
  } catch (err) {
    return err as Error
  }
  throw new Error('the workbook was read to the end')
}

const cells = (n: number, row = 1) =>
  Array.from({ length: n }, (_, i) => `<c r="${columnName(i + 1)}${row}"><v>${i + 1}</v></c>`).join('')
function columnName(n: number): string {
  let s = ''
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faena-hostile-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('a worksheet stored before xl/workbook.xml (after the shared strings) with 1.5 million one-cell rows', () => {
  const ROWS = 1_500_000
  let file = ''
  beforeAll(async () => {
    const bytes = await worksheetFirstWorkbook(ROWS)
    const names = zipEntryNames(bytes)
    const at = (name: string) => names.indexOf(name)
    // the order ExcelJS's streaming reader cannot read (the old adapter then loaded the workbook whole)
    expect(at('xl/_rels/workbook.xml.rels')).toBeLessThan(at('xl/worksheets/sheet1.xml'))
    expect(at('xl/sharedStrings.xml')).toBeLessThan(at('xl/worksheets/sheet1.xml'))
    expect(at('xl/worksheets/sheet1.xml')).toBeLessThan(at('xl/workbook.xml'))
    file = path.join(dir, 'worksheet-first.xlsx')
    await writeFile(file, bytes)
  }, 120_000)

  it('is refused at the row limit, naming it and the sheet, in a 256 MB heap', async () => {
    const result = await readInSmallHeap(file, 'limits')
    expect(result.refusal).toMatchObject({ kind: 'limit', limit: 'rows', where: SHEET_NAME })
    expect(result.refusal?.message).toContain(`«${SHEET_NAME}»`)
    expect(result.refusal?.message).toContain('100,000 filas')
    expect(result.rows).toBe(DEFAULT_IMPORT_LIMITS.maxRows)
  }, 120_000)

  it('is streamed to its last row in a 256 MB heap when the limits are lifted (nothing loads it whole)', async () => {
    const result = await readInSmallHeap(file, 'unlimited')
    expect(result.refusal).toBeNull()
    expect(result.rows).toBe(ROWS)
    expect(result.lastRow).toBe(ROWS)
    expect(result.peakHeapMB).toBeLessThan(256)
  }, 300_000)
})

describe('zip bombs', () => {
  it('a worksheet declaring its true 1 GB is refused before anything is inflated (413, the sheet named)', async () => {
    const bytes = zipBombWorkbook(1024)
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024)
    const before = process.memoryUsage().heapUsed
    const err = await refusal(bytes)
    expect(err).toBeInstanceOf(ImportLimitError)
    expect(err).toMatchObject({ limit: 'partBytes', where: SHEET_NAME, code: 'PAYLOAD_TOO_LARGE' })
    expect(HTTP_STATUS[(err as ImportLimitError).code]).toBe(413)
    expect(err.message).toContain('100 MB sin comprimir')
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024)
  })

  it('one declaring a small size is cut where the declared size ends (not a readable workbook)', async () => {
    const err = await refusal(zipBombWorkbook(1024, { declared: 1024 * 1024 }))
    expect(err).toBeInstanceOf(XlsxFormatError)
    expect(err.message).toMatch(/too many bytes/)
  })

  it('a lying bomb is cut in a 256 MB heap too', async () => {
    const file = path.join(dir, 'bomb.xlsx')
    await writeFile(file, zipBombWorkbook(2048, { declared: 90 * 1024 * 1024 }))
    const result = await readInSmallHeap(file, 'limits')
    expect(result.refusal?.kind).toBe('XlsxFormatError')
    expect(result.rows).toBe(0)
  }, 120_000)

  it('the parts together are bounded as well (limit per import)', async () => {
    // room for the parts read before the worksheet, not for the worksheet
    const before = workbookParts()
      .filter((p) => p.name !== '[Content_Types].xml')
      .reduce((sum, p) => sum + p.size, 0)
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}">${cells(5, i + 1)}</row>`).join('')
    const bytes = minimalWorkbook(rows)
    expect(await readAll(bytes, { maxTotalBytes: before + 10_000 })).toHaveLength(50)
    const err = await refusal(bytes, { maxTotalBytes: before + 1000 })
    expect(err).toMatchObject({ limit: 'totalBytes', where: SHEET_NAME })
    expect(err.message).toContain('límite por importación')
  })

  it('only the chosen sheets are inflated: a bomb in a sheet the import does not read costs nothing', async () => {
    const bytes = zipOf([
      ...workbookParts(['Datos', 'Bomba']),
      sheetPart(0, `<row>${cells(2)}</row>`),
      bombPart(1024, { index: 1 }),
    ])
    const first: unknown[] = []
    for await (const row of readRows(bytes, { sheets: (_name, index) => index === 0 })) first.push(row)
    expect(first).toEqual([{ sheet: 'Datos', rowNumber: 1, cells: [1, 2] }])
    expect(await refusal(bytes)).toMatchObject({ limit: 'partBytes', where: 'Bomba' })
  })
})

describe('each limit is checked while the rows stream, and named with the sheet', () => {
  it('rows: the rows before the limit come out, then the refusal', async () => {
    const rows: unknown[] = []
    const sheetData = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}">${cells(1, i + 1)}</row>`).join(
      '',
    )
    try {
      for await (const row of readRows(minimalWorkbook(sheetData), {
        limits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 4 },
      }))
        rows.push(row)
    } catch (err) {
      expect(err).toMatchObject({ limit: 'rows', max: 4, where: SHEET_NAME })
      expect((err as ImportLimitError).details).toEqual([
        expect.objectContaining({
          path: 'file',
          message: `Sheet "${SHEET_NAME}" takes the workbook past 4 rows with data (limit per import). Split the file or remove what is not needed.`,
        }),
      ])
    }
    expect(rows).toHaveLength(4)
  })

  it('empty rows and empty styled cells far to the right count for nothing', async () => {
    const sheetData = `<row r="1">${cells(2)}<c r="XFD1" s="1"/></row><row r="2"/><row r="3"><c r="ZZ3"/></row>`
    expect(await readAll(minimalWorkbook(sheetData), { maxRows: 1, maxColumns: 2, maxCells: 2 })).toEqual([
      { sheet: SHEET_NAME, rowNumber: 1, cells: [1, 2] },
    ])
  })

  it('columns: a value beyond the last column allowed, naming the row', async () => {
    const err = await refusal(minimalWorkbook(`<row r="7"><c r="IW7"><v>1</v></c></row>`))
    expect(err).toMatchObject({ limit: 'columns', max: 256, where: SHEET_NAME })
    expect(err.message).toBe(
      `La hoja «${SHEET_NAME}» tiene datos en la fila 7 más allá de la columna 256 (límite de columnas).`,
    )
  })

  it('cells: each row counts up to its last column with a value', async () => {
    const sheetData = `<row r="1">${cells(3)}</row><row r="2"><c r="E2"><v>1</v></c></row>`
    expect(await readAll(minimalWorkbook(sheetData), { maxCells: 8 })).toHaveLength(2)
    expect(await refusal(minimalWorkbook(sheetData), { maxCells: 7 })).toMatchObject({
      limit: 'cells',
      where: SHEET_NAME,
    })
  })

  it('shared strings: the table is bounded in entries (and in bytes, like every part)', async () => {
    const strings = Array.from({ length: 5 }, (_, i) => `<si><t>texto ${i}</t></si>`).join('')
    const bytes = zipOf([
      ...workbookParts().filter((p) => p.name !== 'xl/_rels/workbook.xml.rels'),
      ...withSharedStrings(strings),
      sheetPart(0, `<row r="1"><c r="A1" t="s"><v>4</v></c></row>`),
    ])
    expect(await readAll(bytes)).toEqual([{ sheet: SHEET_NAME, rowNumber: 1, cells: ['texto 4'] }])
    const err = await refusal(bytes, { maxSharedStrings: 4 })
    expect(err).toMatchObject({ limit: 'sharedStrings', where: 'xl/sharedStrings.xml' })
    expect(err.message).toContain(
      'La parte xl/sharedStrings.xml del archivo tiene más de 4 textos compartidos',
    )
  })

  it('text: a run of text longer than the limit (a bomb of spaces) is refused as it streams', async () => {
    const err = await refusal(
      minimalWorkbook(`<row r="1"><c r="A1" t="str"><v>${' '.repeat(3_000_000)}</v></c></row>`),
    )
    expect(err).toMatchObject({ limit: 'textLength', max: 1_000_000, where: SHEET_NAME })
  })

  it('nesting: elements deeper than the limit', async () => {
    const deep = '<x>'.repeat(100) + '</x>'.repeat(100)
    expect(await refusal(minimalWorkbook(`<row r="1">${cells(1)}</row>${deep}`))).toMatchObject({
      limit: 'depth',
      max: 64,
      where: SHEET_NAME,
    })
  })

  it('entries: a zip with more parts than the limit', async () => {
    const err = await refusal(minimalWorkbook(`<row r="1">${cells(1)}</row>`), { maxEntries: 4 })
    expect(err).toMatchObject({ limit: 'entries', where: null })
  })

  it('DOCTYPE (billion laughs, external entities) in any part is not a readable workbook', async () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    const bytes = zipOf([
      ...workbookParts(),
      deflatedSheet(
        `${laughs}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="str"><v>&lol2;</v></c></row></sheetData></worksheet>`,
      ),
    ])
    const err = await refusal(bytes)
    expect(err).toBeInstanceOf(XlsxFormatError)
    expect(err.message).toContain('DOCTYPE')
  })
})

describe('import limits configuration', () => {
  it('FAENA_IMPORT_* change the main limits; the rest keep their defaults', () => {
    const limits = importLimitsFromEnv({
      FAENA_IMPORT_MAX_ROWS: '5000',
      FAENA_IMPORT_MAX_COLUMNS: '64',
      FAENA_IMPORT_MAX_CELLS: '90000',
      FAENA_IMPORT_MAX_PART_MB: '10',
      FAENA_IMPORT_MAX_TOTAL_MB: '20',
    })
    expect(limits).toEqual({
      ...DEFAULT_IMPORT_LIMITS,
      maxRows: 5000,
      maxColumns: 64,
      maxCells: 90_000,
      maxPartBytes: 10 * 1024 * 1024,
      maxTotalBytes: 20 * 1024 * 1024,
    })
    expect(importLimitsFromEnv({})).toEqual(DEFAULT_IMPORT_LIMITS)
  })

  it('a bad value stops the start naming the variable', () => {
    expect(() => importLimitsFromEnv({ FAENA_IMPORT_MAX_ROWS: 'mil' })).toThrow(/FAENA_IMPORT_MAX_ROWS/)
    expect(() => importLimitsFromEnv({ FAENA_IMPORT_MAX_CELLS: '-1' })).toThrow(/FAENA_IMPORT_MAX_CELLS/)
  })
})

/** The shared strings part and the workbook relationships that point to it (replacing the plain ones). */
function withSharedStrings(items: string): ZipPart[] {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return [
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    deflatedPart(
      'xl/sharedStrings.xml',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`,
    ),
  ]
}

function deflatedSheet(xml: string): ZipPart {
  return deflatedPart('xl/worksheets/sheet1.xml', xml)
}
