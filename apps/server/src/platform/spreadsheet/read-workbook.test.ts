import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { contractWorkbookFixture, STREAM_CHUNK_BYTES } from '../../../test/fixtures/contract-workbook'
import { readZipEntry, reorderZipEntries, zipEntryNames } from '../../../test/fixtures/xlsx-entry-order'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { readRows } from './read-workbook'

/** The same zip with its worksheets stored first (before xl/workbook.xml and the shared strings). */
const worksheetsFirst = (zip: Buffer) =>
  reorderZipEntries(zip, (name) => (name.startsWith('xl/worksheets/') ? 0 : 1))

async function rowsOf(bytes: Buffer): Promise<unknown[]> {
  const rows: unknown[] = []
  for await (const row of readRows(bytes)) rows.push(row)
  return rows
}

/**
 * The shared string whose UTF-8 bytes hold the given offset of xl/sharedStrings.xml (texts of these fixtures
 * are plain: one `<t>` per `<si>`, only the five predefined entities).
 */
function sharedStringAt(xml: Buffer, offset: number): string {
  const index = xml.subarray(0, offset).toString('latin1').split('<si>').length - 2
  const si = xml.toString('utf8').split('<si>')[index + 1] ?? ''
  const entities: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' }
  return si
    .replace(/<\/si>[\s\S]*$/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(quot|apos|lt|gt|amp);/g, (_, name: string) => entities[name] ?? '')
}

describe('the built contract workbook: its quirks reach the streaming reader', () => {
  it('has its parts in Excel’s order (workbook first, worksheets after the shared strings)', async () => {
    const names = zipEntryNames(await contractWorkbookFixture())
    expect(names.indexOf('xl/workbook.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'))
    expect(names.indexOf('xl/worksheets/sheet4.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'))
    expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'))
  })

  it('splits an accented character between two chunks of the shared strings; readRows reads the text whole', async () => {
    const bytes = await contractWorkbookFixture()
    const strings = readZipEntry(bytes, 'xl/sharedStrings.xml')
    if (!strings) throw new Error('no shared strings in the built workbook')
    expect(strings.length).toBeGreaterThan(2 * STREAM_CHUNK_BYTES)
    expect((strings[STREAM_CHUNK_BYTES] ?? 0) & 0xc0).toBe(0x80) // a continuation byte starts the 2nd chunk
    const split = sharedStringAt(strings, STREAM_CHUNK_BYTES)
    expect(split).toMatch(/^SUMINISTRO E INSTALACI.N COSTA FUERA DE /)

    const rows: { sheet: string; rowNumber: number; cells: unknown[] }[] = []
    for await (const row of readRows(bytes)) rows.push(row)
    const cells = rows.flatMap((r) => r.cells)
    expect(cells.filter((c) => typeof c === 'string' && c.includes('\uFFFD'))).toEqual([])
    expect(cells).toContain(split)
    const at = (sheet: string, rowNumber: number) =>
      rows.find((r) => r.sheet === sheet && r.rowNumber === rowNumber)?.cells
    expect(at('Anexo C-3-CR', 23)?.[2]).toBe(
      'SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR DE PRESIÓN ACERO INOXIDABLE',
    )
  })
})

describe('readRows keeps multi-byte characters whole across chunk boundaries', () => {
  it('long texts of two-, three- and four-byte characters, shared and inline', async () => {
    const text = 'ÓÑ€😀 '.repeat(40_000)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Ñandú €')
    ws.getCell('A1').value = text
    ws.getCell('B1').value = { formula: '"x"', result: text }
    for (let r = 2; r < 2000; r++) ws.getCell(r, 1).value = `fila ${r} — PRESIÓN ${'Ó'.repeat(r % 50)}`
    const rows = []
    for await (const row of readRows(Buffer.from(await wb.xlsx.writeBuffer()))) rows.push(row)
    expect(rows[0]?.sheet).toBe('Ñandú €')
    expect(rows[0]?.cells).toEqual([text, text])
    expect(rows.every((r) => r.cells.every((c) => typeof c !== 'string' || !c.includes('\uFFFD')))).toBe(true)
    expect(rows[1998]?.cells[0]).toBe(`fila 1999 — PRESIÓN ${'Ó'.repeat(1999 % 50)}`)
  })
})

describe('readRows whatever order the zip stores its parts in (no in-memory fallback)', () => {
  it('gives the same rows from the built contract workbook in Excel’s order and with its worksheets first (merged cells included)', async () => {
    const bytes = await contractWorkbookFixture()
    const streamed = await rowsOf(bytes)
    const reordered = worksheetsFirst(bytes)
    expect(zipEntryNames(reordered)[0]).toMatch(/^xl\/worksheets\//)
    expect(streamed).toHaveLength(287)
    expect(await rowsOf(reordered)).toEqual(streamed)
    // the summary sheet's header over two rows: the merged cells' values are in their first cell only
    expect(streamed.slice(4, 6)).toEqual([
      {
        sheet: 'Anexo C-CR',
        rowNumber: 6,
        cells: [
          null,
          'PART.',
          'DESCRIPCIÓN DE CONCEPTOS',
          'UNID.',
          'CANT.',
          'PRECIO UNITARIO',
          null,
          'IMPORTE',
        ],
      },
      {
        sheet: 'Anexo C-CR',
        rowNumber: 7,
        cells: [null, null, null, null, null, 'M.N.', 'U.S.D.', 'M.N.', 'U.S.D.'],
      },
    ])
  })
})

describeRealFiles('ANEXO_C_CONTRATO.xlsx', () => {
  describe('readRows keeps multi-byte characters whole across chunk boundaries', () => {
    it('the real contract workbook has no U+FFFD (Anexo C-3-CR row 456 says PRESIÓN)', async () => {
      const bytes = await readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx'))
      let replaced = 0
      let l456: unknown
      for await (const row of readRows(bytes)) {
        for (const c of row.cells) if (typeof c === 'string' && c.includes('\uFFFD')) replaced++
        if (row.sheet === 'Anexo C-3-CR' && row.rowNumber === 456)
          l456 = row.cells.find(
            (c) =>
              typeof c === 'string' && c.startsWith('SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR'),
          )
      }
      expect(replaced).toBe(0)
      expect(l456).toBe('SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR DE PRESIÓN ACERO INOXIDABLE')
    })
  })

  describe('readRows whatever order the zip stores its parts in', () => {
    it('gives the same rows from the real contract workbook with its worksheets stored first', async () => {
      const bytes = await readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx'))
      const streamed = await rowsOf(bytes)
      expect(streamed.length).toBeGreaterThan(1_400)
      expect(await rowsOf(worksheetsFirst(bytes))).toEqual(streamed)
    })
  })
})
