import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { reorderZipEntries } from '../../../test/fixtures/xlsx-entry-order'
import { cleanText, decodeExcelEscapes, readRows, type SheetRow } from './read-workbook'

/** U+0085 (NEL) is a control character XML can hold, so ExcelJS writes it as it is (U+0000–U+001F it drops). */
const NEL = '\u0085'

async function workbook(opts: { sharedStrings: boolean }): Promise<Buffer> {
  // (ExcelJS's streaming reader keeps only the last run of an inline rich text: Excel writes shared ones)
  const unit = opts.sharedStrings ? { richText: [{ text: 'H_x001F_' }, { text: 'OM' }] } : 'H_x001F_OM'
  const fill = (ws: ExcelJS.Worksheet) => {
    ws.addRow(['PARTIDA EXT', 'CONCEPTO', 'UNIDAD'])
    ws.addRow(['PEMEX-EST-TD_x0002_027-2022', `Suministro${NEL} de tubería`, 'PZA'])
    ws.addRow(['literal _x005F_x0041_ stays', 'two\tlines\nkept', unit])
    ws.addRow(['A-1', 'sin nada raro', 'M2'])
  }
  if (opts.sharedStrings) {
    const wb = new ExcelJS.Workbook()
    fill(wb.addWorksheet('PUE'))
    return Buffer.from(await wb.xlsx.writeBuffer())
  }
  // inline strings (`<is><t>`), as the streaming writer produces them without shared strings
  const chunks: Buffer[] = []
  const { PassThrough } = await import('node:stream')
  const out = new PassThrough()
  out.on('data', (c: Buffer) => chunks.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false })
  const ws = wb.addWorksheet('PUE')
  fill(ws)
  ws.commit()
  await wb.commit()
  return Buffer.concat(chunks)
}

async function all(rows: AsyncIterable<SheetRow & { sheet: string }>) {
  const list: (SheetRow & { sheet: string })[] = []
  for await (const r of rows) list.push(r)
  return list
}

describe('Excel _xHHHH_ escapes and control characters in imported text', () => {
  for (const sharedStrings of [true, false]) {
    it(`are decoded, then the control characters dropped and counted (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
      const bytes = await workbook({ sharedStrings })
      const streamed = await all(readRows(bytes))
      expect(streamed.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4])
      expect(streamed[1]).toEqual({
        sheet: 'PUE',
        rowNumber: 2,
        cells: ['PEMEX-EST-TD027-2022', 'Suministro de tubería', 'PZA'],
        controlCharacters: 2,
      })
      expect(streamed[2]?.cells).toEqual(['literal _x0041_ stays', 'two\tlines\nkept', 'HOM'])
      expect(streamed[2]?.controlCharacters).toBe(1)
      expect(streamed[3]).toEqual({ sheet: 'PUE', rowNumber: 4, cells: ['A-1', 'sin nada raro', 'M2'] })
      expect('controlCharacters' in streamed[3]!).toBe(false)
      // the worksheet stored before the workbook and the shared strings: the very same rows
      const sheetFirst = reorderZipEntries(bytes, (name) => (name.includes('worksheets/') ? 0 : 1))
      expect(await all(readRows(sheetFirst))).toEqual(streamed)
    })
  }
})

describe('decodeExcelEscapes', () => {
  it('decodes _xHHHH_, an escaped underscore keeps the literal text', () => {
    expect(decodeExcelEscapes('TD_x0002_027')).toBe('TD\u0002027')
    expect(decodeExcelEscapes('a_x000D_\nb')).toBe('a\r\nb')
    expect(decodeExcelEscapes('_x00D1_ANDU')).toBe('ÑANDU')
    expect(decodeExcelEscapes('_x005F_x0041_')).toBe('_x0041_')
    expect(decodeExcelEscapes('_x12_ _xZZZZ_ x0002 _x0002')).toBe('_x12_ _xZZZZ_ x0002 _x0002')
  })
})

describe('cleanText', () => {
  it('drops C0 (but tab, line feed, carriage return), DEL and C1 controls; vertical tab and form feed become a space', () => {
    expect(cleanText('a\u0000b\u0002c\u001Fd\u007Fe\u0080f\u009Fg')).toEqual({ text: 'abcdefg', removed: 6 })
    expect(cleanText('one\u000Btwo\u000Cthree')).toEqual({ text: 'one two three', removed: 2 })
    expect(cleanText('tab\tlf\ncr\r ñ € 😀')).toEqual({ text: 'tab\tlf\ncr\r ñ € 😀', removed: 0 })
  })
})
