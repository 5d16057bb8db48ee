import { readFile } from 'node:fs/promises'
import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BUILT_CONTRACT_COUNTS,
  REAL_CONTRACT_COUNTS,
  type ContractWorkbookCounts,
} from '../../../test/contract-workbook-counts'
import { CONTRACT_HEADER, contractWorkbookFixture } from '../../../test/fixtures/contract-workbook'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { readRows } from '../../platform/spreadsheet/read-workbook'
import { conceptIdentity } from './concept-text'
import {
  annexFromSheetName,
  parseContractWorkbook,
  type ContractConcept,
  type ContractWorkbookResult,
} from './contract-workbook'

type Annex = 'C-2' | 'C-3' | 'C-4' | 'C-4-1' | 'C-5' | 'C-5-1' | 'C-6'
/** A concept expected at a sheet row: `[sheet, rowNumber, fields it must have]`. */
type ConceptAt = [sheet: string, rowNumber: number, fields: Record<string, unknown>]
/** A skipped row and its reason (a RegExp where the text is matched, a string where it is exact). */
type SkippedAt = [sheet: string, rowNumber: number, reason: string | RegExp]

const TITLE = 'above the header row (title)'
const HEADER = 'header row'
const ANNEX_TITLE = 'annex title row (code and concept, no unit or prices)'
const SECTION = 'section heading (concept without code or unit)'
const SUB_ANNEX_SHEETS = BUILT_CONTRACT_COUNTS.perAnnex.map((a) => a.sheet)

/** What one contract workbook (the layout of ANEXO_C_CONTRATO.xlsx) must give: its counts and rows. */
interface ContractExpectations {
  /** Concepts in all and per sub-annex sheet, section headings. */
  counts: ContractWorkbookCounts
  /** Concepts per unit in annex C-2. */
  unitsInC2: Record<string, number>
  /** Rows whose reference quantity is not an integer; the first is 2.25. of C-2. */
  nonIntegerQuantities: ConceptAt[]
  /** The C-2 row with a stray formula result in the ID HIJO column (2.352.), and its category levels. */
  strayFormula: { rowNumber: number; categoryLevels?: ContractConcept['categoryLevels'] }
  /** USD-only, dual-currency, accented-unit and trimmed-description rows. */
  pricedRows: ConceptAt[]
  /** The row of numeric code 4.11 in C-4-1. */
  numericCode411Row: number
  /** How many concepts of C-4 share each repeated code: exact counts, or at least so many. */
  repeatedC4Codes: { exactly: Record<string, number> } | { atLeast: number; codes: string[] }
  /** A description of C-4 written under several codes, and those codes in order. */
  oneDescriptionSeveralCodes?: [description: string, codes: string[]]
  /** Distinct identities with the annex, and without it. */
  identities: { withAnnex: number; withoutAnnex: number }
  skippedRows: SkippedAt[]
  /** quantity × unit price per annex `[MXN, USD]` (C-4: each code once); null where not checked. */
  totals: Partial<Record<Annex, [mxn: string, usd: string | null]>>
}

/** The suite every contract workbook passes; the built file and the real one differ only in `expected`. */
function contractWorkbookSuite(load: () => Promise<Buffer>, expected: ContractExpectations) {
  const file = {} as { bytes: Buffer; r: ContractWorkbookResult }
  const at = (sheet: string, rowNumber: number): ContractConcept => {
    const c = file.r.concepts.find((x) => x.sheet === sheet && x.rowNumber === rowNumber)
    if (!c) throw new Error(`no concept at ${sheet}!${rowNumber}`)
    return c
  }
  const expectConcepts = (rows: ConceptAt[]) => {
    for (const [sheet, rowNumber, fields] of rows) expect(at(sheet, rowNumber)).toMatchObject(fields)
  }

  beforeAll(async () => {
    file.bytes = await load()
    file.r = await parseContractWorkbook(file.bytes)
  })

  it(`gives exactly ${expected.counts.concepts.toLocaleString('en-US')} ordinary concepts and no errors`, () => {
    expect(file.r.concepts).toHaveLength(expected.counts.concepts)
    expect(file.r.errors).toEqual([])
  })

  it('reads the seven sub-annex sheets and ignores the summary sheet with a reason', () => {
    const { r } = file
    expect(r.sheets.map((s) => [s.sheet, s.headerRow, s.concepts])).toEqual([
      ['Anexo C-CR', null, 0],
      ...expected.counts.perAnnex.map(({ sheet, concepts }) => [sheet, 6, concepts]),
    ])
    expect(r.sheets[0]?.reason).toMatch(/no header row/)
    expect(r.concepts.some((c) => c.sheet === 'Anexo C-CR')).toBe(false)
    expect(r.annexes).toEqual(['C-2', 'C-3', 'C-4', 'C-4-1', 'C-5', 'C-5-1', 'C-6'])
  })

  it('lists the 13 distinct units, accents kept', () => {
    const { r } = file
    expect(r.unitKeys).toEqual([
      'COMIDA',
      'DÍA',
      'H-H',
      'HOM/DÍA',
      'HORA',
      'JORNADA',
      'JUNTA',
      'M',
      'M2',
      'ML',
      'PIEZA',
      'SERVICIO',
      'TON',
    ])
    const perUnit = (annex: string) => {
      const counts: Record<string, number> = {}
      for (const c of r.concepts.filter((x) => x.annex === annex)) counts[c.unit] = (counts[c.unit] ?? 0) + 1
      return counts
    }
    expect(perUnit('C-2')).toEqual(expected.unitsInC2)
    expect(perUnit('C-6')).toEqual({ 'HOM/DÍA': 3, COMIDA: 1 })
  })

  it('reads a priced row field by field (trailing-dot code, category levels)', () => {
    expect(at('Anexo C-2-CR', 10)).toEqual({
      sheet: 'Anexo C-2-CR',
      rowNumber: 10,
      annex: 'C-2',
      code: '2.1.',
      codeKey: '2.1',
      description: 'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
      unit: 'M',
      quantity: '76',
      unitPriceMxn: '11813.3',
      unitPriceUsd: '0',
      categoryLevels: {
        category: 'Tubos',
        subcategory:
          'Suministro, habilitación e instalación de tubo metálico de acero al carbón API-5l GR. B, extremos biselados, incluye: acarreo, carga, descarga, maniobras en el patio de prefabricados, así como embalado y acarreo del patio de prefabricado al muelle de embarque',
        classification: null,
      },
    })
  })

  it('keeps a non-integer reference quantity exact', () => {
    expectConcepts(expected.nonIntegerQuantities)
  })

  it(`ignores the stray formula result in the ID HIJO column (C-2 L${expected.strayFormula.rowNumber})`, () => {
    const c = at('Anexo C-2-CR', expected.strayFormula.rowNumber)
    expect(c).toMatchObject({
      code: '2.352.',
      description: 'PLACA LISA DE ½" ESP.',
      unit: 'TON',
      quantity: '90',
    })
    expect(c.unitPriceMxn).toBe('48965.76')
    expect(c.categoryLevels.classification).toBeNull()
    if (expected.strayFormula.categoryLevels)
      expect(c.categoryLevels).toEqual(expected.strayFormula.categoryLevels)
  })

  it('reads USD-only and dual-currency prices, accented units and trims descriptions', () => {
    expectConcepts(expected.pricedRows)
    expect(at('Anexo C-6-CR', 8)).toMatchObject({
      annex: 'C-6',
      code: '6.1.',
      unit: 'HOM/DÍA',
      quantity: '1049146',
      unitPriceMxn: '475',
      categoryLevels: {
        category: 'Pernocta',
        subcategory: 'MAR',
        classification: 'HOSPEDAJE Y ALIMENTACIÓN OPTATIVOS',
      },
    })
  })

  it('writes numeric codes as Excel shows them and compares them with their trailing-dot twins', () => {
    const numeric = at('Anexo C-4-1', 9)
    expect(numeric).toMatchObject({
      annex: 'C-4-1',
      code: '4.4',
      codeKey: '4.4',
      description: 'AYUDANTE DE OPERARIO ESPTA.',
    })
    expect(numeric).toMatchObject({
      unit: 'JORNADA',
      quantity: '4',
      unitPriceMxn: '1463.99',
      unitPriceUsd: '0',
    })
    expect(at('Anexo C-4-1', expected.numericCode411Row)).toMatchObject({ code: '4.11', codeKey: '4.11' })
    expect(at('Anexo C-4-CR', 13).codeKey).toBe(numeric.codeKey)
    const numericCodes = file.r.concepts
      .filter((c) => c.sheet === 'Anexo C-4-1' && !c.code.endsWith('.'))
      .map((c) => c.code)
    expect(numericCodes).toEqual(['4.4', '4.5', '4.7', '4.11', '4.13', '4.16'])
  })

  it('keeps repeated codes with different descriptions as distinct concepts', () => {
    const { r } = file
    const variants = r.concepts.filter((c) => c.annex === 'C-4' && c.codeKey === '4.7')
    expect(variants).toHaveLength(7)
    expect(new Set(variants.map((c) => c.description)).size).toBe(7)
    expect(new Set(variants.map((c) => c.unitPriceMxn))).toEqual(new Set(['3660.18']))
    const count = (code: string) => r.concepts.filter((c) => c.annex === 'C-4' && c.codeKey === code).length
    const repeated = expected.repeatedC4Codes
    if ('exactly' in repeated) {
      const codes = Object.keys(repeated.exactly)
      expect(Object.fromEntries(codes.map((code) => [code, count(code)]))).toEqual(repeated.exactly)
    } else {
      for (const code of repeated.codes) expect(count(code)).toBeGreaterThanOrEqual(repeated.atLeast)
    }
    if (expected.oneDescriptionSeveralCodes) {
      const [description, codes] = expected.oneDescriptionSeveralCodes
      expect(
        r.concepts.filter((c) => c.annex === 'C-4' && c.description === description).map((c) => c.code),
      ).toEqual(codes)
    }
  })

  it('reports the one same-annex duplicate identity (4.7 vs 4.7. in C-4-1) without dropping it', () => {
    const { r } = file
    expect(r.duplicates).toEqual([
      {
        sheet: 'Anexo C-4-1',
        rowNumber: 17,
        annex: 'C-4-1',
        duplicateOf: { sheet: 'Anexo C-4-1', rowNumber: 11 },
      },
    ])
    const withAnnex = new Set(
      r.concepts.map((c) => `${c.annex}|${conceptIdentity(c.code, c.description, c.unit)}`),
    )
    expect(withAnnex.size).toBe(expected.identities.withAnnex)
    // the base templates C-4-1 / C-5-1 repeat lines of C-4 / C-5: without the annex, identities collapse further
    expect(new Set(r.concepts.map((c) => conceptIdentity(c.code, c.description, c.unit))).size).toBe(
      expected.identities.withoutAnnex,
    )
  })

  it('skips title, section, TOTAL and signature rows with a reason, and accounts for every row', async () => {
    const { r, bytes } = file
    const reasons = new Set(r.skipped.map((s) => s.reason))
    expect([...reasons].sort()).toEqual([
      'TOTAL row',
      TITLE,
      'after the TOTAL row (place and date line, signature block)',
      ANNEX_TITLE,
      HEADER,
      SECTION,
    ])
    const reasonAt = (sheet: string, rowNumber: number) =>
      r.skipped.find((s) => s.sheet === sheet && s.rowNumber === rowNumber)?.reason
    for (const [sheet, rowNumber, reason] of expected.skippedRows) {
      if (typeof reason === 'string') expect(reasonAt(sheet, rowNumber), `${sheet}!${rowNumber}`).toBe(reason)
      else expect(reasonAt(sheet, rowNumber), `${sheet}!${rowNumber}`).toMatch(reason)
    }
    expect(r.skipped.filter((s) => s.reason === SECTION)).toHaveLength(expected.counts.sectionHeadings)

    // every non-empty row of the seven sub-annex sheets is either a concept or a skipped row, never both
    const all: string[] = []
    for await (const row of readRows(bytes, { sheets: (name) => name !== 'Anexo C-CR' }))
      all.push(`${row.sheet}!${row.rowNumber}`)
    const accounted = [...r.concepts, ...r.skipped].map((x) => `${x.sheet}!${x.rowNumber}`)
    expect(new Set(accounted).size).toBe(accounted.length)
    expect(accounted.sort()).toEqual(all.sort())
  })

  it('reproduces the sheet TOTALs exactly from quantity × unit price (each code once in C-4)', () => {
    const computed = contractTotals(file.r)
    const wanted = Object.entries(expected.totals).map(([annex, amounts]) => [annex, ...amounts])
    const checked = wanted.map(([annex, , usd]) => {
      const [, mxn, computedUsd] = computed.find(([a]) => a === annex) ?? []
      return [annex, mxn, usd === null ? null : computedUsd]
    })
    expect(checked).toEqual(wanted)
  })

  return file
}

/** `[annex, MXN, USD]` per annex: Σ quantity × unit price, rounded half up to cents (C-4: each code once). */
function contractTotals(r: ContractWorkbookResult): [string, string, string][] {
  const total = (annex: string, currency: 'unitPriceMxn' | 'unitPriceUsd', onePerCode: boolean) => {
    const seen = new Set<string>()
    let sum = new Decimal(0)
    for (const c of r.concepts.filter((x) => x.annex === annex)) {
      if (onePerCode && seen.has(c.codeKey)) continue
      seen.add(c.codeKey)
      sum = sum.plus(new Decimal(c.quantity).times(c[currency]))
    }
    return sum.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
  }
  return r.annexes.map((a) => [
    a,
    total(a, 'unitPriceMxn', a === 'C-4'),
    total(a, 'unitPriceUsd', a === 'C-4'),
  ])
}

const BUILT: ContractExpectations = {
  counts: BUILT_CONTRACT_COUNTS,

  unitsInC2: { PIEZA: 2, TON: 12, JUNTA: 3, M: 6, M2: 2, ML: 1 },
  nonIntegerQuantities: [
    ['Anexo C-2-CR', 26, { code: '2.25.', quantity: '245.1', unitPriceMxn: '1557.8' }],
    ['Anexo C-2-CR', 27, { code: '2.26.', quantity: '98.4', unitPriceUsd: '48.12' }],
    ['Anexo C-3-CR', 14, { code: '3.24.', quantity: '62.75', unit: 'M2' }],
  ],
  strayFormula: {
    rowNumber: 30,
    categoryLevels: {
      category: 'Conexiones de Fabrica',
      subcategory:
        'SUMINISTRO, HABILITACION E INSTALACION DE PLACA LISA METÁLICA ESTRUCTURAL DE ACERO AL CARBÓN ASTM A-36',
      classification: null,
    },
  },
  pricedRows: [
    [
      'Anexo C-3-CR',
      72,
      {
        annex: 'C-3',
        code: '3.646.',
        description: 'BUCEO DE SUPERFICIE DE 4 BUZOS Y UNA CAMARA DE DESCOMPRESION',
        unit: 'DÍA',
        quantity: '160',
        unitPriceMxn: '0',
        unitPriceUsd: '3358.13',
        categoryLevels: {
          category: null,
          subcategory: null,
          classification: 'BUCEO DE SUPERFICIE Y UNA CAMARA DE DESCOMPRESION',
        },
      },
    ],
    ['Anexo C-3-CR', 12, { code: '3.22.', unitPriceMxn: '1284.34', unitPriceUsd: '245.26' }],
    ['Anexo C-5-CR', 18, { unit: 'HORA', unitPriceMxn: '0', unitPriceUsd: '54.16' }],
    ['Anexo C-2-CR', 35, { description: '36" Ø ESP 0.750' }],
    ['Anexo C-4-CR', 9, { description: 'REVISIÓN DE INGENIERÍA BASICA Y/O DETALLE' }],
    ['Anexo C-4-1', 9, { categoryLevels: { classification: 'PERSONAL (MAR)' } }],
  ],
  numericCode411Row: 21,
  repeatedC4Codes: { exactly: { '4.8': 3, '4.9': 3, '4.11': 4, '4.20': 3, '4.21': 3 } },
  oneDescriptionSeveralCodes: ['TIEMPO EXTRA', ['4.19.', '4.21.', '4.35.', '4.37.', '4.39.']],
  identities: { withAnnex: 164, withoutAnnex: 144 },
  skippedRows: [
    ...SUB_ANNEX_SHEETS.flatMap((sheet): SkippedAt[] => [
      [sheet, 5, TITLE],
      [sheet, 6, HEADER],
      [sheet, 7, ANNEX_TITLE],
    ]),
    ['Anexo C-2-CR', 8, SECTION],
    ['Anexo C-4-CR', 11, SECTION], // with ID PADRE
    ['Anexo C-2-CR', 41, 'TOTAL row'],
    ['Anexo C-6-CR', 12, 'TOTAL row'], // "TOTAL "
    ['Anexo C-2-CR', 43, /after the TOTAL row/], // "Ciudad del Carmen, Campeche a …"
    ['Anexo C-2-CR', 48, /after the TOTAL row/], // signature block
    ['Anexo C-5-1', 14, /after the TOTAL row/], // the place/date line right under it
  ],
  totals: {
    'C-2': ['117941501.29', '177651.53'],
    'C-3': ['24172050.05', '5223874.90'],
    'C-4': ['2286058306.16', '0.00'],
    'C-4-1': ['343856.88', '0.00'],
    'C-5': ['122226582.50', '5453112.94'],
    'C-5-1': ['2759.70', '0.00'],
    'C-6': ['513874637.50', '0.00'],
  },
}

const REAL: ContractExpectations = {
  counts: REAL_CONTRACT_COUNTS,

  unitsInC2: { PIEZA: 279, TON: 111, JUNTA: 64, M: 35, M2: 11, ML: 1 },
  nonIntegerQuantities: [['Anexo C-2-CR', 38, { code: '2.25.', quantity: '245.1', unitPriceMxn: '1557.8' }]],
  strayFormula: { rowNumber: 418 },
  pricedRows: [
    [
      'Anexo C-3-CR',
      774,
      {
        annex: 'C-3',
        code: '3.646.',
        description: 'BUCEO DE SUPERFICIE DE 4 BUZOS Y UNA CAMARA DE DESCOMPRESION',
        unit: 'DÍA',
        quantity: '160',
        unitPriceMxn: '0',
        unitPriceUsd: '3358.13',
      },
    ],
    ['Anexo C-3-CR', 34, { code: '3.22.', unitPriceMxn: '1284.34', unitPriceUsd: '245.26' }],
  ],
  numericCode411Row: 26,
  repeatedC4Codes: { atLeast: 7, codes: ['4.8', '4.9', '4.11', '4.20', '4.21', '4.24', '4.25'] },
  identities: { withAnnex: 1463, withoutAnnex: 1428 },
  skippedRows: [
    ...['Anexo C-2-CR', 'Anexo C-3-CR', 'Anexo C-4-1', 'Anexo C-5-1', 'Anexo C-6-CR'].map(
      (sheet): SkippedAt => [sheet, 7, ANNEX_TITLE],
    ),
    ['Anexo C-2-CR', 8, SECTION],
    ['Anexo C-2-CR', 583, 'TOTAL row'],
    ['Anexo C-6-CR', 12, 'TOTAL row'],
    ['Anexo C-2-CR', 585, /after the TOTAL row/], // "Ciudad del Carmen, Campeche a …"
    ['Anexo C-2-CR', 590, /after the TOTAL row/], // signature block
  ],
  totals: {
    'C-2': ['1598191781.43', '3880004.84'],
    'C-3': ['982510062.18', '39256263.90'],
    'C-4': ['2800063006.14', null],
    'C-5': ['1443133988.44', '40570968.84'],
    'C-6': ['513874637.50', null],
  },
}

describe('parseContractWorkbook on the built contract workbook (the layout of ANEXO_C_CONTRATO.xlsx)', () => {
  const file = contractWorkbookSuite(contractWorkbookFixture, BUILT)
  const at = (sheet: string, rowNumber: number): ContractConcept => {
    const c = file.r.concepts.find((x) => x.sheet === sheet && x.rowNumber === rowNumber)
    if (!c) throw new Error(`no concept at ${sheet}!${rowNumber}`)
    return c
  }

  it('reads rows with formulas without a cached value beyond the table (C-4 S48, S50)', () => {
    expect(at('Anexo C-4-CR', 48)).toMatchObject({
      code: '4.36.',
      description: 'SUPERVISOR ESPECIALISTA "A" (TIERRA)',
      unitPriceMxn: '4209.81',
      categoryLevels: { classification: 'PERSONAL (TIERRA)' },
    })
    expect(at('Anexo C-4-CR', 50)).toMatchObject({ code: '4.38.', unitPriceMxn: '4695.55' })
  })

  it('reads long accented texts whole (PRESIÓN, and a character split between two stream chunks)', () => {
    const { r } = file
    expect(at('Anexo C-3-CR', 24).description).toMatch(
      /^SUMINISTRO E INSTALACION COSTA FUERA DE REGISTRADOR DE PRESIÓN, TIPO BOURDON HELICOIDAL, .* RANGO 0-140 kg\/cm²$/,
    )
    const texts = r.concepts.flatMap((c) => [c.description, ...Object.values(c.categoryLevels)])
    expect(texts.filter((t) => t?.includes('\uFFFD'))).toEqual([])
    const long = r.concepts.filter((c) => c.sheet === 'Anexo C-3-CR' && c.description.length > 500)
    expect(long).toHaveLength(44)
    expect(long.every((c) => c.description.startsWith('SUMINISTRO E INSTALACIÓN COSTA FUERA DE '))).toBe(true)
  })

  it('has those TOTALs in its TOTAL rows', async () => {
    const { r, bytes } = file
    const totalRows = new Set(
      r.skipped.filter((x) => x.reason === 'TOTAL row').map((x) => `${x.sheet}!${x.rowNumber}`),
    )
    const inFile: (string | undefined)[][] = []
    for await (const row of readRows(bytes))
      if (totalRows.has(`${row.sheet}!${row.rowNumber}`))
        inFile.push([
          r.concepts.find((c) => c.sheet === row.sheet)?.annex,
          ...row.cells.slice(7, 9).map((v) => new Decimal(Number(v)).toFixed(2)),
        ])
    expect(inFile).toEqual(contractTotals(r))
  })
})

describeRealFiles('ANEXO_C_CONTRATO.xlsx', () => {
  describe('parseContractWorkbook on the real ANEXO_C_CONTRATO.xlsx', () => {
    contractWorkbookSuite(() => readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx')), REAL)
  })
})

describe('parseContractWorkbook on synthetic sheets', () => {
  // the contract header up to U.S.D. (no ID PADRE / ID MADRE / ID HIJO columns)
  const HEADER = CONTRACT_HEADER.slice(0, CONTRACT_HEADER.indexOf('U.S.D.') + 1)

  async function workbook(
    sheets: { name: string; rows: (ExcelJS.CellValue | undefined)[][] }[],
  ): Promise<Buffer> {
    const wb = new ExcelJS.Workbook()
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name)
      s.rows.forEach((values, i) => {
        values.forEach((v, j) => {
          if (v !== undefined && v !== null) ws.getCell(i + 1, j + 1).value = v
        })
      })
    }
    return Buffer.from(await wb.xlsx.writeBuffer())
  }

  it('reports priced rows with missing or bad fields as errors with the row values', async () => {
    const bytes = await workbook([
      {
        name: 'Anexo C-9-CR',
        rows: [
          ['Title'],
          HEADER,
          ['C-9', 9, 'Annex title'],
          ['C-9', null, 'Section'],
          ['C-9', '9.1.', 'Good', 'pieza ', 2, '$ 1,234.50', '-', { formula: 'E5*F5' }],
          ['C-9', null, 'No code', 'PIEZA', 1, 10],
          ['C-9', '9.3.', null, 'PIEZA', 1, 10],
          ['C-9', '9.4.', 'No unit but priced', null, 1, 10],
          ['C-9', '9.5.', 'Negative price', 'TON', 1, -5],
          ['C-9', '9.6.', 'Text price', 'TON', 1, 'ten'],
          ['C-9', '9.7.', 'Bad quantity', 'TON', 'many', 10],
          ['C-9', 'PARTIDA', 'CONCEPTO', 'UNIDAD'],
          [null, null, null, null, null, null, 'TOTAL', 123],
          [null, 'Ciudad del Carmen'],
        ],
      },
    ])
    const r = await parseContractWorkbook(bytes)
    expect(r.concepts).toHaveLength(1)
    expect(r.concepts[0]).toMatchObject({
      rowNumber: 5,
      annex: 'C-9',
      code: '9.1.',
      unit: 'PIEZA',
      quantity: '2',
      unitPriceMxn: '1234.5',
      unitPriceUsd: '0',
    })
    expect(r.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [6, 'code'],
      [7, 'description'],
      [8, 'unit'],
      [9, 'unitPriceMxn'],
      [10, 'unitPriceMxn'],
      [11, 'quantity'],
    ])
    expect(r.errors[3]?.message).toMatch(/negative/)
    expect(r.errors[0]?.values).toMatchObject({
      ANEXO: 'C-9',
      CONCEPTO: 'No code',
      UNIDAD: 'PIEZA',
      'P.U. MN': 10,
    })
    expect(r.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([
      [1, 'above the header row (title)'],
      [2, 'header row'],
      [3, 'annex title row (code and concept, no unit or prices)'],
      [4, 'section heading (concept without code or unit)'],
      [12, 'repeated header row'],
      [13, 'TOTAL row'],
      [14, 'after the TOTAL row (place and date line, signature block)'],
    ])
  })

  it('takes the annex from the sheet name when there is no ANEXO column, and accepts P.U. M.N.', async () => {
    const bytes = await workbook([
      { name: 'Notes', rows: [['nothing to import here']] },
      {
        name: 'Anexo C-4-1',
        rows: [
          ['Partida', 'Concepto', 'Unidad', 'Cantidad', 'P.U. M.N.', 'P.U. USD'],
          ['4.7.', '  OPERARIO \n ESPECIALISTA.  ', 'Jornada', 8, 3660.18, null],
          [4.7, 'OPERARIO ESPECIALISTA.', 'JORNADA', 8, 3660.18, 0],
        ],
      },
    ])
    const r = await parseContractWorkbook(bytes)
    expect(r.errors).toEqual([])
    expect(r.sheets.map((s) => [s.sheet, s.headerRow])).toEqual([
      ['Notes', null],
      ['Anexo C-4-1', 1],
    ])
    expect(
      r.concepts.map((c) => [c.annex, c.code, c.codeKey, c.description, c.unit, c.unitPriceUsd]),
    ).toEqual([
      ['C-4-1', '4.7.', '4.7', 'OPERARIO ESPECIALISTA.', 'JORNADA', '0'],
      ['C-4-1', '4.7', '4.7', 'OPERARIO ESPECIALISTA.', 'JORNADA', '0'],
    ])
    expect(r.duplicates).toEqual([
      {
        sheet: 'Anexo C-4-1',
        rowNumber: 3,
        annex: 'C-4-1',
        duplicateOf: { sheet: 'Anexo C-4-1', rowNumber: 2 },
      },
    ])
  })

  it('derives annex keys from sheet names', () => {
    expect(annexFromSheetName('Anexo C-2-CR')).toBe('C-2')
    expect(annexFromSheetName('Anexo C-4-1')).toBe('C-4-1')
    expect(annexFromSheetName('ANEXO C - 5 - 1')).toBe('C-5-1')
    expect(annexFromSheetName('Resumen')).toBeNull()
  })
})
