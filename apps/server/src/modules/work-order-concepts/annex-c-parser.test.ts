import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { contractWorkbookFixture } from '../../../test/fixtures/contract-workbook'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { readRows, type CellValue } from '../../platform/spreadsheet/read-workbook'
import {
  compareCode,
  createAnnexCCatalog,
  excelNumberText,
  headerDate,
  interpretAnnexCTable,
  normalizeAnnexText,
  parseAnnexC,
  parseAnnexNumber,
  type AnnexCCatalog,
  type AnnexCParseResult,
  type AnnexCParsed,
  type AnnexCRejected,
  type CatalogConcept,
  type CatalogUnit,
} from './annex-c-parser'
/** A priced row of the contract workbook (header at row 6 of the C-2 … C-6 sheets). */
type ContractRow = {
  sheet: string
  rowNumber: number
  annex: string
  code: string | number
  description: string
  unit: string
  priceMxn: number
  priceUsd: number
}

const UNIT_DESCRIPTIONS: Record<string, string> = {
  PIEZA: 'Pieza',
  TON: 'Tonelada',
  JUNTA: 'Junta',
  M: 'Metro',
  M2: 'Metro cuadrado',
  ML: 'Metro lineal',
  'H-H': 'Hora hombre',
  DÍA: 'Día',
  SERVICIO: 'Servicio',
  JORNADA: 'Jornada',
  HORA: 'Hora',
  'HOM/DÍA': 'Hombre día',
  COMIDA: 'Comida',
}

const HEADER = ['ANEXO', 'PARTIDA', 'CONCEPTO', 'UNIDAD', 'VOLUMEN PTE', 'P.U. M.N.', 'P.U. USD']

/** A per-OT row built from a contract row: ANEXO, PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N., P.U. USD */
function line(r: ContractRow, volume: CellValue, extra: CellValue[] = []): CellValue[] {
  return [r.annex, r.code, r.description, r.unit, volume, r.priceMxn, r.priceUsd, ...extra]
}

type SheetSpec = { name: string; rows: CellValue[][]; startRow?: number }

async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name)
    s.rows.forEach((cells, i) => {
      const row = ws.getRow((s.startRow ?? 1) + i)
      cells.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v
      })
      row.commit()
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function expectOk(r: AnnexCParseResult): AnnexCParsed {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 400)}`)
  return r
}
function expectRejected(r: AnnexCParseResult): AnnexCRejected {
  if (r.ok || r.kind !== 'rows')
    throw new Error(`expected rejected rows, got ${JSON.stringify(r).slice(0, 400)}`)
  return r
}

/** The priced rows of a contract workbook, and the catalog of concepts and units built from them. */
async function loadContract(
  bytes: Buffer,
): Promise<{ contract: ContractRow[]; concepts: CatalogConcept[]; catalog: AnnexCCatalog }> {
  const contract: ContractRow[] = []
  for await (const row of readRows(bytes, { sheets: (name) => name !== 'Anexo C-CR' })) {
    if (row.rowNumber <= 6) continue
    const [annex, code, description, unit, , priceMxn, priceUsd] = row.cells
    if (
      typeof unit !== 'string' ||
      unit.trim() === '' ||
      (typeof code !== 'string' && typeof code !== 'number') ||
      typeof description !== 'string'
    )
      continue
    contract.push({
      sheet: row.sheet,
      rowNumber: row.rowNumber,
      annex: String(annex),
      code,
      description,
      unit: unit.trim(),
      priceMxn: typeof priceMxn === 'number' ? priceMxn : 0,
      priceUsd: typeof priceUsd === 'number' ? priceUsd : 0,
    })
  }
  const units: CatalogUnit[] = Object.entries(UNIT_DESCRIPTIONS).map(([key, description]) => ({
    id: `u-${key}`,
    key,
    description,
  }))
  units.push({ id: 'u-LOTE', key: 'LOTE', description: 'Lote (inactiva)' })
  const unitId = (key: string) => units.find((u) => u.key === key.toUpperCase())?.id ?? `missing-${key}`
  const concepts: CatalogConcept[] = contract.map((r) => ({
    id: `${r.sheet}:${r.rowNumber}`,
    code: typeof r.code === 'number' ? excelNumberText(r.code) : r.code.trim(),
    description: r.description.trim(),
    unitId: unitId(r.unit),
    annex: r.annex,
    priceMxn: excelNumberText(r.priceMxn),
    priceUsd: excelNumberText(r.priceUsd),
  }))
  return { contract, concepts, catalog: createAnnexCCatalog({ units, concepts }) }
}

/** A contract workbook the per-work-order files are built from, and what its catalog gives. */
type ContractSource = {
  name: string
  bytes: () => Promise<Buffer>
  /** its priced concepts */
  concepts: number
  /** the warning a 1,500-row file cycling through its rows gives for C-4-1's "4.7" / "4.7." */
  repeatedWarning: string
}

/** Every parseAnnexC suite, on a catalog built from the given contract workbook. */
function annexCSuites(source: ContractSource): void {
  let contractBytes: Buffer
  let contract: ContractRow[] = []
  let concepts: CatalogConcept[] = []
  let catalog: AnnexCCatalog

  beforeAll(async () => {
    contractBytes = await source.bytes()
    ;({ contract, concepts, catalog } = await loadContract(contractBytes))
  }, 60_000)

  /** first contract row matching */
  function find(pred: (r: ContractRow) => boolean): ContractRow {
    const r = contract.find(pred)
    if (!r) throw new Error('contract row not found')
    return r
  }
  const byCode = (code: string, sheet?: string) =>
    find((r) => String(r.code) === code && (sheet === undefined || r.sheet === sheet))

  const parse = (bytes: Buffer, cat: AnnexCCatalog = catalog) => parseAnnexC(bytes, { catalog: cat })

  describe(`the catalog built from ${source.name}`, () => {
    it(`has the ${source.concepts} priced concepts and resolves 13 unit keys`, () => {
      expect(concepts).toHaveLength(source.concepts)
      expect(concepts.every((c) => !c.unitId.startsWith('missing'))).toBe(true)
    })
  })

  describe('parseAnnexC — good files', () => {
    it('header in row 1 of a sheet "ANEXO C": rows, volumes, catalog prices, units and positions', async () => {
      const tubo = byCode('2.1.') // M, 11813.3 MXN
      const c3 = find((r) => r.sheet === 'Anexo C-3-CR' && r.priceUsd > 0 && r.priceMxn > 0)
      const hom = byCode('6.1.') // HOM/DÍA
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            HEADER,
            [tubo.annex, tubo.code, tubo.description, tubo.unit, 12.5, 1, 0], // Excel price differs: catalog wins
            line(c3, 3),
            [null, null, 'SECCIÓN SIN UNIDAD', null, null, null, null],
            line(hom, 1049146),
          ],
        },
      ])
      const r = expectOk(await parse(bytes))
      expect(r.sheet).toBe('ANEXO C')
      expect(r.headerRowNumber).toBe(1)
      expect(r.hasOkColumn).toBe(false)
      expect(r.rows).toHaveLength(3)
      expect(r.rows[0]).toMatchObject({
        rowNumber: 2,
        position: 1,
        annex: 'C-2',
        code: '2.1.',
        unitRaw: 'M',
        unitId: 'u-M',
        unitKey: 'M',
        authorizedVolume: '12.5',
        unitPriceMxn: '11813.3',
        unitPriceUsd: '0',
        priceSource: { mxn: 'catalog', usd: 'file' },
        plannedByDay: {},
        conceptRef: { id: `Anexo C-2-CR:${tubo.rowNumber}`, code: '2.1.', annex: 'C-2' },
      })
      expect(r.rows[0]?.description).toBe(normalizeAnnexText(tubo.description))
      expect(r.rows[0]).not.toHaveProperty('ok')
      expect(r.rows[1]).toMatchObject({
        position: 2,
        unitPriceMxn: excelNumberText(c3.priceMxn),
        unitPriceUsd: excelNumberText(c3.priceUsd),
      })
      expect(r.rows[2]).toMatchObject({ position: 4, unitKey: 'HOM/DÍA', authorizedVolume: '1049146' })
      expect(r.skipped).toEqual({ notOk: 0, withoutUnit: 1, withoutCodeOrDescription: 0, repeatedHeader: 0 })
      expect(r.warnings).toEqual([])
    })

    it('header below row 1 in a non-first sheet, after title rows; blank rows still count in positions', async () => {
      const a = byCode('3.1.')
      const b = byCode('5.1.', 'Anexo C-5-CR')
      const bytes = await workbook([
        { name: 'Portada', rows: [['ORDEN DE TRABAJO OT-2025-014'], ['Plataforma Akal-C']] },
        {
          name: 'Partidas',
          startRow: 8,
          rows: [HEADER, line(a, 10), [], line(b, 4), HEADER],
        },
      ])
      const r = expectOk(await parse(bytes))
      expect(r).toMatchObject({ sheet: 'Partidas', headerRowNumber: 8 })
      expect(r.rows.map((x) => [x.rowNumber, x.position])).toEqual([
        [9, 1],
        [11, 3],
      ])
      expect(r.skipped.repeatedHeader).toBe(1)
    })

    it('a sheet named "…ANEXO C…" or "RECURSOS PROGRAMADOS" is preferred over an earlier valid sheet', async () => {
      const a = byCode('2.2.')
      const b = byCode('2.3.')
      const first = { name: 'Hoja1', rows: [HEADER, line(a, 1)] }
      const bytes = await workbook([
        first,
        { name: 'Resumen Anexo C OT-14', startRow: 3, rows: [HEADER, line(b, 2)] },
      ])
      expect(expectOk(await parse(bytes))).toMatchObject({
        sheet: 'Resumen Anexo C OT-14',
        rows: [expect.objectContaining({ code: '2.3.' })],
      })
      const other = await workbook([first, { name: 'Recursos programados', rows: [HEADER, line(b, 2)] }])
      expect(expectOk(await parse(other)).sheet).toBe('Recursos programados')
      // a preferred sheet without a table does not hide a valid ordinary sheet
      const fallback = await workbook([first, { name: 'ANEXO C (notas)', rows: [['solo notas']] }])
      expect(expectOk(await parse(fallback)).sheet).toBe('Hoja1')
    })

    it('date-typed header columns become planned volumes per day (> 0 only); text dates are read day first', async () => {
      const a = byCode('4.1.') // H-H
      const b = byCode('4.3.') // JORNADA
      const d1 = new Date(Date.UTC(2025, 2, 1))
      const header = [...HEADER, d1, '02/03/2025', '2025-03-03', '4-mar-2025', 45721, 'NOTAS', null]
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            header,
            line(a, 100, [10, '20', 0, '-', 5.25, 'ver plano', 'x']),
            line(b, 14, [null, 0, '1,000.5', null, null]),
          ],
        },
      ])
      const r = expectOk(await parse(bytes))
      expect(r.scheduleDates).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'])
      expect(r.rows[0]?.plannedByDay).toEqual({
        '2025-03-01': '10',
        '2025-03-02': '20',
        '2025-03-05': '5.25',
      })
      expect(r.rows[1]?.plannedByDay).toEqual({ '2025-03-03': '1000.5' })
      const labels = r.columns.filter((c) => c.role === 'date').map((c) => c.label)
      expect(labels).toEqual(['01/03/2025', '02/03/2025', '03/03/2025', '04/03/2025', '05/03/2025'])
      expect(r.columns.find((c) => c.label === 'NOTAS')?.role).toBe('other')
    })

    it('OK column: only rows marked OK are imported', async () => {
      const [a, b, c] = [byCode('2.4.'), byCode('2.5.'), byCode('2.6.')]
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            [...HEADER, 'OK'],
            line(a, 1, ['OK']),
            line(b, 2, ['NO']),
            line(c, 3, [' ok ']),
            line(byCode('2.7.'), 4, [null]),
          ],
        },
      ])
      const r = expectOk(await parse(bytes))
      expect(r.hasOkColumn).toBe(true)
      expect(r.rows.map((x) => [x.code, x.ok])).toEqual([
        ['2.4.', true],
        ['2.6.', true],
      ])
      expect(r.skipped.notOk).toBe(2)
    })

    it('text and number normalisation: "1,234.50", " 2.1. ", numeric codes, case, accents, spaces, units by description', async () => {
      const tubo = byCode('2.1.')
      const ton = find((r) => r.unit === 'TON' && r.sheet === 'Anexo C-2-CR')
      const hom = byCode('6.2.')
      const dia = find((r) => r.unit === 'DÍA')
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            ['  anexo ', 'Partida', 'concepto', ' UNIDAD', 'Volumen   PTE', 'P.U.M.N.', 'P.U.USD'],
            ['c-2', ' 2.1. ', `  ${tubo.description.toLowerCase()}\n`, ' m ', '1,234.50', '$ 11,813.30', '-'],
            [ton.annex, ton.code, ton.description, 'Tonelada', ' 2 ', null, null],
            [
              hom.annex,
              6.2,
              hom.description.normalize('NFD').replace(/\p{M}/gu, ''),
              'hom / dia',
              '$1,000',
              '',
              '',
            ],
            [dia.annex, dia.code, `${dia.description}   `, 'Día', 3, 0, 0],
          ],
        },
      ])
      const r = expectOk(await parse(bytes))
      expect(r.rows.map((x) => [x.annex, x.code, x.unitKey, x.authorizedVolume])).toEqual([
        ['C-2', '2.1.', 'M', '1234.5'],
        [ton.annex, normalizeAnnexText(ton.code), 'TON', '2'],
        ['C-6', '6.2', 'HOM/DÍA', '1000'],
        [dia.annex, normalizeAnnexText(dia.code), 'DÍA', '3'],
      ])
      expect(r.rows[0]?.description).toBe(normalizeAnnexText(tubo.description))
      expect(r.rows[1]?.unitPriceMxn).toBe(excelNumberText(ton.priceMxn))
    })

    it('trade variants of one code (C-4 "4.7.") match their own concept; a numeric C-4-1 code prefers its annex', async () => {
      const tubero = find((r) => r.sheet === 'Anexo C-4-CR' && r.description.includes('(TUBERO)'))
      const soldador = find(
        (r) =>
          r.sheet === 'Anexo C-4-CR' &&
          String(r.code) === String(tubero.code) &&
          r.description.includes('(SOLDADOR)'),
      )
      const numeric = find((r) => r.sheet === 'Anexo C-4-1' && typeof r.code === 'number')
      const bytes = await workbook([
        { name: 'ANEXO C', rows: [HEADER, line(tubero, 8), line(soldador, 6), line(numeric, 4)] },
      ])
      const r = expectOk(await parse(bytes))
      expect(r.rows[0]?.conceptRef.id).toBe(`Anexo C-4-CR:${tubero.rowNumber}`)
      expect(r.rows[1]?.conceptRef.id).toBe(`Anexo C-4-CR:${soldador.rowNumber}`)
      expect(r.rows[2]?.conceptRef).toMatchObject({ id: `Anexo C-4-1:${numeric.rowNumber}`, annex: 'C-4-1' })
    })

    it('a repeated concept is imported twice and reported as a warning', async () => {
      const a = byCode('2.8.')
      const bytes = await workbook([{ name: 'ANEXO C', rows: [HEADER, line(a, 1), line(a, 2)] }])
      const r = expectOk(await parse(bytes))
      expect(r.rows).toHaveLength(2)
      expect(r.warnings).toEqual(['La partida 2.8. aparece en las filas 2 y 3.'])
    })
  })

  describe('parseAnnexC — file-level refusals', () => {
    it('the contract workbook itself has no VOLUMEN PTE: no table, every sheet listed', async () => {
      const r = await parse(contractBytes)
      expect(r).toMatchObject({ ok: false, kind: 'file', code: 'NO_TABLE' })
      const message = (r as { message: string }).message
      expect(message).toMatch(
        /^No se encontró tabla válida con columna PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P\.U\. M\.N\. Revisado: /,
      )
      // preferred sheets (all named "Anexo C…") in workbook order
      expect(message).toContain(
        '[Anexo C-CR]: Sin cabeceras completas., [Anexo C-2-CR]: Sin cabeceras completas.',
      )
    })

    it('a header below row 100 is not found', async () => {
      const bytes = await workbook([
        { name: 'Hoja1', startRow: 101, rows: [HEADER, line(byCode('2.1.'), 1)] },
      ])
      const r = await parse(bytes)
      expect(r).toMatchObject({ ok: false, code: 'NO_TABLE' })
      expect((r as { message: string }).message).toContain('[Hoja1]: Sin cabeceras completas.')
    })

    it('missing ANEXO column', async () => {
      const a = byCode('2.1.')
      const bytes = await workbook([{ name: 'Hoja1', rows: [HEADER.slice(1), line(a, 1).slice(1)] }])
      expect(await parse(bytes)).toEqual({
        ok: false,
        kind: 'file',
        code: 'MISSING_ANEXO',
        message: 'Falta la columna obligatoria: ANEXO',
      })
    })

    it('OK column but no row says OK', async () => {
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [[...HEADER, 'OK'], line(byCode('2.1.'), 1, ['no']), line(byCode('2.2.'), 1, [null])],
        },
      ])
      expect(await parse(bytes)).toMatchObject({
        ok: false,
        code: 'NO_VALID_ROWS',
        message:
          'El archivo no contenía partidas válidas. (Se detectó columna OK, pero ninguna fila tenía el valor "OK")',
      })
    })

    it('only title and section rows', async () => {
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [HEADER, ['C-2', 2, 'Catálogo de conceptos', null], ['C-2', null, 'Tubos', '-']],
        },
      ])
      expect(await parse(bytes)).toMatchObject({
        ok: false,
        code: 'NO_VALID_ROWS',
        message: 'El archivo no contenía partidas válidas.',
      })
    })

    it('not a workbook, an old .xls, a corrupt zip, too many rows', async () => {
      expect(await parse(Buffer.from('PARTIDA,CONCEPTO\n1,2'))).toMatchObject({ ok: false, code: 'NOT_XLSX' })
      const xls = await parse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
      expect(xls).toMatchObject({ ok: false, code: 'NOT_XLSX' })
      expect((xls as { message: string }).message).toContain('(.xls)')
      expect(await parse(Buffer.from('PK\u0003\u0004garbage-garbage-garbage'))).toMatchObject({
        ok: false,
        code: 'NOT_XLSX',
      })
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [HEADER, line(byCode('2.1.'), 1), line(byCode('2.2.'), 1), line(byCode('2.3.'), 1)],
        },
      ])
      expect(await parseAnnexC(bytes, { catalog, maxDataRows: 2 })).toMatchObject({
        ok: false,
        code: 'TOO_MANY_ROWS',
      })
    })
  })

  describe('parseAnnexC — rejected rows (all or nothing)', () => {
    it('every rejection reason (docs/work-order-concepts.md#catalog-checks), each on its row, and nothing is imported', async () => {
      const good = byCode('2.1.')
      const tubo = byCode('2.2.') // TON
      const otherTubo = byCode('2.3.')
      const typo = '2.3.0.'
      expect(concepts.some((c) => compareCode(c.code) === compareCode(typo))).toBe(false)
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            HEADER,
            line(good, 1),
            [good.annex, '2.9999.', 'PARTIDA INVENTADA', 'GALÓN', 1, 1, 0], // unknown unit
            [tubo.annex, tubo.code, 'Tubo de acero inoxidable', tubo.unit, 1, 1, 0], // wrong description
            [tubo.annex, tubo.code, tubo.description, 'PIEZA', 1, 1, 0], // wrong unit
            [tubo.annex, tubo.code, 'Otra cosa', 'PIEZA', 1, 1, 0], // wrong description and unit
            [otherTubo.annex, typo, otherTubo.description, otherTubo.unit, 1, 1, 0], // code typo
            ['C-2', '9.99.', 'CONCEPTO QUE NO EXISTE', 'PIEZA', 1, 1, 0], // not found
            [good.annex, good.code, good.description, good.unit, 'doce', 1, '-3'], // bad numbers
          ],
        },
      ])
      const r = expectRejected(await parse(bytes))
      expect(r.validRowCount).toBe(1)
      expect(r.badRows.map((b) => [b.rowNumber, b.reasons])).toEqual([
        [3, ["Unidad 'GALÓN' no existe en el sistema."]],
        [4, ['DESCRIPCIÓN DIFERENTE.']],
        [5, ["UNIDAD DIFERENTE. Excel: 'PIEZA' vs Catálogo: 'TON'"]],
        [6, ['DESCRIPCIÓN DIFERENTE.', "UNIDAD DIFERENTE. Excel: 'PIEZA' vs Catálogo: 'TON'"]],
        [7, ["CÓDIGO INCORRECTO. Partida '2.3.0.' no existe."]],
        [8, ['NO ENCONTRADO en catálogo.']],
        [9, ["Valor no numérico en VOLUMEN PTE: 'doce'.", "Valor negativo en P.U. USD: '-3'."]],
      ])
      expect(r.badRows[0]?.values).toEqual(['C-2', '2.9999.', 'PARTIDA INVENTADA', 'GALÓN', 1, 1, 0])
      expect(r.columns.map((c) => c.role)).toEqual([
        'annex',
        'code',
        'description',
        'unit',
        'volume',
        'priceMxn',
        'priceUsd',
      ])
    })

    it('"Posible duplicidad en catálogo." when two concepts share (code, description, unit) with different prices', async () => {
      const dup = createAnnexCCatalog({
        units: [{ id: 'u1', key: 'PIEZA', description: 'Pieza' }],
        concepts: [
          {
            id: 'a',
            code: '7.1.',
            description: 'Brida',
            unitId: 'u1',
            annex: 'C-7',
            priceMxn: '10',
            priceUsd: '0',
          },
          {
            id: 'b',
            code: '7.1',
            description: 'BRIDA',
            unitId: 'u1',
            annex: 'C-8',
            priceMxn: '12',
            priceUsd: '0',
          },
        ],
      })
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [
            HEADER,
            ['C-9', '7.1.', 'Brida', 'pieza', 1, 0, 0],
            ['C-8', '7.1.', 'Brida', 'pieza', 1, 0, 0],
          ],
        },
      ])
      const r = expectRejected(await parse(bytes, dup))
      expect(r.badRows.map((b) => b.reasons)).toEqual([['Posible duplicidad en catálogo.']])
      expect(r.validRowCount).toBe(1)
    })

    it('a wrong unit on a trade-variant code names the unit of the concept with that description', async () => {
      const soldador = find((r) => r.sheet === 'Anexo C-4-CR' && r.description.includes('(SOLDADOR)'))
      const bytes = await workbook([
        {
          name: 'ANEXO C',
          rows: [HEADER, [soldador.annex, soldador.code, soldador.description, 'HORA', 1, 0, 0]],
        },
      ])
      expect(expectRejected(await parse(bytes)).badRows[0]?.reasons).toEqual([
        `UNIDAD DIFERENTE. Excel: 'HORA' vs Catálogo: '${soldador.unit}'`,
      ])
    })
  })

  describe('parseAnnexC — 1,500 rows', () => {
    it('reads 1,500 concept rows with 30 daily columns', async () => {
      const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2025, 5, 1 + i)))
      const rows: CellValue[][] = [[...HEADER, ...days]]
      for (let i = 0; i < 1500; i++) {
        const c = contract[i % contract.length]!
        rows.push(
          line(
            c,
            (i % 97) + 1,
            days.map((_, d) => ((i + d) % 3 === 0 ? 0 : ((i + d) % 7) + 0.5)),
          ),
        )
      }
      const bytes = await workbook([{ name: 'ANEXO C', rows }])
      const started = performance.now()
      const r = expectOk(await parse(bytes))
      const ms = performance.now() - started
      expect(r.rows).toHaveLength(1500)
      expect(r.scheduleDates).toHaveLength(30)
      // the rows repeated past the contract's end, plus C-4-1's "4.7" / "4.7." OPERARIO ESPECIALISTA. (one concept
      // twice in the contract)
      expect(r.warnings).toHaveLength(1500 - source.concepts + 1)
      expect(r.warnings).toContain(source.repeatedWarning)
      expect(Object.keys(r.rows[1]!.plannedByDay)).toHaveLength(20)
      expect(ms).toBeLessThan(20_000)
    }, 60_000)
  })

  describe('the table interpreter works on plain rows too', () => {
    it('interpretAnnexCTable without a workbook', () => {
      const a = byCode('2.1.')
      const r = interpretAnnexCTable(
        {
          sheet: 'x',
          headerRowNumber: 5,
          headerCells: [...HEADER, null, 'COMENTARIO'],
          rows: [{ rowNumber: 9, cells: line(a, 2, [null, 'nota']) }],
        },
        catalog,
      )
      const ok = expectOk(r)
      expect(ok.rows[0]).toMatchObject({ position: 4, authorizedVolume: '2' })
      expect(ok.columns.map((c) => c.role)).toEqual([
        'annex',
        'code',
        'description',
        'unit',
        'volume',
        'priceMxn',
        'priceUsd',
        'unnamed',
        'other',
      ])
    })
  })
}

describe('parseAnnexC on the built contract workbook (the layout of ANEXO_C_CONTRATO.xlsx)', () => {
  annexCSuites({
    name: 'the built contract workbook',
    bytes: contractWorkbookFixture,
    concepts: 165,
    repeatedWarning: 'La partida 4.7. aparece en las filas 131 y 137.',
  })
})

describeRealFiles('ANEXO_C_CONTRATO.xlsx', () => {
  annexCSuites({
    name: 'ANEXO_C_CONTRATO.xlsx',
    bytes: () => readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx')),
    concepts: 1464,
    repeatedWarning: 'La partida 4.7. aparece en las filas 1242 y 1248.',
  })
})

describe('normalisation helpers', () => {
  it('text: upper case, white space collapsed, NAN/NONE empty, numbers as Excel shows them', () => {
    expect(normalizeAnnexText('  tubería\r\nde\tacero  ')).toBe('TUBERÍA DE ACERO')
    expect(normalizeAnnexText('nan')).toBe('')
    expect(normalizeAnnexText('None')).toBe('')
    expect(normalizeAnnexText(null)).toBe('')
    expect(normalizeAnnexText(4.4)).toBe('4.4')
    expect(normalizeAnnexText(0.1 + 0.2)).toBe('0.3')
  })

  it('numbers: $, spaces and thousands commas removed; -/empty → 0; refusals', () => {
    expect(parseAnnexNumber('1,234.50')).toEqual({ ok: true, value: '1234.5' })
    expect(parseAnnexNumber('$ 1,000')).toEqual({ ok: true, value: '1000' })
    expect(parseAnnexNumber('-')).toEqual({ ok: true, value: '0' })
    expect(parseAnnexNumber('')).toEqual({ ok: true, value: '0' })
    expect(parseAnnexNumber(null)).toEqual({ ok: true, value: '0' })
    expect(parseAnnexNumber(Number.NaN)).toEqual({ ok: true, value: '0' })
    expect(parseAnnexNumber(897810.7999999999)).toEqual({ ok: true, value: '897810.8' })
    expect(parseAnnexNumber('abc')).toEqual({ ok: false, problem: 'not-a-number' })
    expect(parseAnnexNumber('1,5')).toEqual({ ok: false, problem: 'not-a-number' })
    expect(parseAnnexNumber('1.234,50')).toEqual({ ok: false, problem: 'not-a-number' })
    expect(parseAnnexNumber(-2)).toEqual({ ok: false, problem: 'negative' })
    expect(parseAnnexNumber('(5)')).toEqual({ ok: false, problem: 'negative' })
    expect(parseAnnexNumber(new Date())).toEqual({ ok: false, problem: 'not-a-number' })
  })

  it('codes compare without trailing dots and spaces', () => {
    expect(compareCode(' 2.1. ')).toBe('2.1')
    expect(compareCode(normalizeAnnexText(2.1))).toBe('2.1')
    expect(compareCode('c3ext-0977')).toBe('C3EXT-0977')
  })

  it('header dates', () => {
    expect(headerDate(new Date(Date.UTC(2025, 2, 1, 23, 59, 59, 999)))).toBe('2025-03-02')
    expect(headerDate('01/03/2025')).toBe('2025-03-01')
    expect(headerDate('1/3/25')).toBe('2025-03-01')
    expect(headerDate('01.03.2025 00:00:00')).toBe('2025-03-01')
    expect(headerDate('2025-03-01')).toBe('2025-03-01')
    expect(headerDate('1 de marzo de 2025')).toBe('2025-03-01')
    expect(headerDate('15-Sept-2025')).toBe('2025-09-15')
    expect(headerDate(45717)).toBe('2025-03-01')
    expect(headerDate('31/02/2025')).toBeNull()
    expect(headerDate('PARTIDA')).toBeNull()
    expect(headerDate('2025')).toBeNull()
    expect(headerDate(12)).toBeNull()
    expect(headerDate('1 mes 2025')).toBeNull()
  })
})
