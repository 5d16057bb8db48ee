import { readFile } from 'node:fs/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readRows, readRowsLoaded } from './read-workbook'

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../../../../shared/fixtures/excel/ANEXO_C_CONTRATO.xlsx',
)

describe('readRows keeps multi-byte characters whole across chunk boundaries', () => {
  it('the real contract workbook has no U+FFFD (Anexo C-3-CR row 456 says PRESIÓN)', async () => {
    const bytes = await readFile(FIXTURE)
    let replaced = 0
    let l456: unknown
    for await (const row of readRows(bytes)) {
      for (const c of row.cells) if (typeof c === 'string' && c.includes('\uFFFD')) replaced++
      if (row.sheet === 'Anexo C-3-CR' && row.rowNumber === 456)
        l456 = row.cells.find(
          (c) => typeof c === 'string' && c.startsWith('SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR'),
        )
    }
    expect(replaced).toBe(0)
    expect(l456).toBe('SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR DE PRESIÓN ACERO INOXIDABLE')
  })

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

describe('readRowsLoaded (the in-memory fallback)', () => {
  it('gives the same rows as the streaming reader on the real contract workbook', async () => {
    const bytes = await readFile(FIXTURE)
    const streamed: unknown[] = []
    for await (const row of readRows(bytes)) streamed.push(row)
    const loaded: unknown[] = []
    for await (const row of readRowsLoaded(bytes)) loaded.push(row)
    expect(loaded.length).toBeGreaterThan(1_400)
    expect(loaded).toEqual(streamed)
  })
})
