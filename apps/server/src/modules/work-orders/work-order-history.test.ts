import { readFile } from 'node:fs/promises'
import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { workOrderHistoryWorkbook } from '../../../test/fixtures/work-order-history-workbook'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import {
  parseWorkOrderHistory,
  type WorkOrderHistoryResult,
  type WorkOrderHistoryRow,
} from './work-order-history'

type Family = WorkOrderHistoryResult['families'][number]
type RowFields = [rowNumber: number, fields: Partial<WorkOrderHistoryRow>]

/** What one historical workbook (the layout of OT_IMPORTAR.xlsx) must give: its counts, rows and folios. */
interface HistoryExpectations {
  rows: { initial: number; reprogramming: number }
  families: {
    withoutReprogramming: number
    mostReprogrammings: number
    /** One family, whole: the one with the most reprogrammings in the real file, one listed out of order in the built. */
    example: Family
  }
  /** Folios written with a trailing space (or newline), which must still link their families. */
  trailingSpaces: {
    trimmedRows: number[]
    /** An initial work order whose folio had the space, and its document (trailing newline in the file). */
    initial: { rowNumber: number; folio: string; officialDocument: string }
    /** Reprogrammings of that initial work order. */
    reprogrammings: number[]
    /** Reprogrammings of another such family. */
    otherFamily: { rows: number[]; familyFolio: string; familyRowNumber: number }
    /** Where the file has the trailing spaces, per column (orden_trabajo, ot_principal), when checked. */
    inFile?: { folio: number[]; principal: number[] }
  }
  /** The rows of the two typo dates, 13/112023 and 15/04/204. */
  typoDateRows: [number, number]
  /** Rows whose planned window ends before it starts, and fields of some of them (kept as written). */
  endsBeforeStart: { rows: number[]; kept: RowFields[] }
  /** Row 2, whole. */
  row2: WorkOrderHistoryRow
  /** More rows, field by field (the first has the amount 135177954.896). */
  rowFields: RowFields[]
  /** Σ amounts: exact (`toFixed()`) where a string, to the unit (`toFixed(0)`) where a RegExp. */
  amountTotals: { mxn: string | RegExp; usd: string | RegExp }
  rowsWithoutMxnAmount: number
  /** finished, in_execution, assigned, cancelled, deferred, to_cancel, deferred_not_started, suspended. */
  statusCounts: [number, number, number, number, number, number, number, number]
  proposals: { distinct: number; inheritedRows: number[] }
  warnings: [rowNumber: number, field: string][]
}

/** The suite every historical workbook passes; the built file and the real one differ only in `expected`. */
function workOrderHistorySuite(load: () => Promise<Buffer>, expected: HistoryExpectations) {
  let r: WorkOrderHistoryResult
  let sheet: ExcelJS.Worksheet
  const at = (rowNumber: number): WorkOrderHistoryRow => {
    const row = r.rows.find((x) => x.rowNumber === rowNumber)
    if (!row) throw new Error(`no row ${rowNumber}`)
    return row
  }
  const expectRows = (rows: RowFields[]) => {
    for (const [rowNumber, fields] of rows) expect(at(rowNumber), `row ${rowNumber}`).toMatchObject(fields)
  }
  beforeAll(async () => {
    const bytes = await load()
    r = await parseWorkOrderHistory(bytes)
    if (!expected.trailingSpaces.inFile) return
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    sheet = wb.worksheets[0]!
  })

  const { initial, reprogramming } = expected.rows
  it(`reads ${initial + reprogramming} rows: ${initial} initial work orders and ${reprogramming} reprogrammings, without errors`, () => {
    expect(r.sheet).toBe('Hoja1')
    expect(r.errors).toEqual([])
    expect(r.rows).toHaveLength(initial + reprogramming)
    expect(r.rows.filter((x) => x.kind === 'initial')).toHaveLength(initial)
    expect(r.rows.filter((x) => x.kind === 'reprogramming')).toHaveLength(reprogramming)
  })

  it(`links reprogrammings into ${initial} families by folio, numbered 1..n whatever their order in the file`, () => {
    expect(r.families).toHaveLength(initial)
    expect(r.families.filter((f) => f.reprogrammingRowNumbers.length === 0)).toHaveLength(
      expected.families.withoutReprogramming,
    )
    expect(Math.max(...r.families.map((f) => f.reprogrammingRowNumbers.length))).toBe(
      expected.families.mostReprogrammings,
    )
    for (const f of r.families) {
      expect(at(f.initialRowNumber)).toMatchObject({
        kind: 'initial',
        folio: f.folio,
        familyFolio: f.folio,
        reprogrammingNumber: null,
      })
      expect(f.reprogrammingRowNumbers.map((n) => at(n).reprogrammingNumber)).toEqual(
        f.reprogrammingRowNumbers.map((_, i) => i + 1),
      )
      for (const n of f.reprogrammingRowNumbers)
        expect(at(n)).toMatchObject({ familyFolio: f.folio, familyRowNumber: f.initialRowNumber })
    }
    expect(r.families.find((f) => f.folio === expected.families.example.folio)).toEqual(
      expected.families.example,
    )
  })

  it('trims folios that end with a space, so families still link', () => {
    const t = expected.trailingSpaces
    if (t.inFile) {
      const trailing = (column: number) =>
        sheet.getColumn(column).values.flatMap((v, n) => (typeof v === 'string' && / $/.test(v) ? [n] : []))
      expect(trailing(2)).toEqual(t.inFile.folio)
      expect(trailing(15)).toEqual(t.inFile.principal)
    }
    for (const n of t.trimmedRows) expect(at(n).folio).not.toMatch(/\s$/)
    expect(at(t.initial.rowNumber)).toMatchObject({ kind: 'initial', folio: t.initial.folio })
    for (const n of t.reprogrammings)
      expect(at(n)).toMatchObject({
        kind: 'reprogramming',
        familyFolio: t.initial.folio,
        familyRowNumber: t.initial.rowNumber,
      })
    for (const n of t.otherFamily.rows) {
      expect(at(n)).toMatchObject({
        familyFolio: t.otherFamily.familyFolio,
        familyRowNumber: t.otherFamily.familyRowNumber,
      })
    }
    expect(at(t.initial.rowNumber).officialDocument).toBe(t.initial.officialDocument) // trailing newline gone
  })

  it('reports the two typo dates per row and imports them as empty', () => {
    const [first, second] = expected.typoDateRows
    const unparseable = r.rows.flatMap((x) =>
      x.dateIssues.filter((d) => d.kind === 'unparseable').map((d) => [x.rowNumber, d.field, d.value]),
    )
    expect(unparseable).toEqual([
      [first, 'plannedStart', '13/112023'],
      [second, 'plannedStart', '15/04/204'],
    ])
    expect(at(first)).toMatchObject({
      plannedStart: null,
      plannedEnd: '2023-12-07',
      actualStart: '2024-06-29',
    })
    expect(at(second).plannedStart).toBeNull()
    expect(at(first).dateIssues[0]?.message).toMatch(/fecha_inicio_programado.*13\/112023/)
  })

  it(`reports the ${expected.endsBeforeStart.rows.length} planned windows that end before they start`, () => {
    const ends = r.rows.flatMap((x) =>
      x.dateIssues
        .filter((d) => d.kind === 'end_before_start' && d.field === 'plannedEnd')
        .map(() => x.rowNumber),
    )
    expect(ends).toEqual(expected.endsBeforeStart.rows)
    expectRows(expected.endsBeforeStart.kept)
  })

  it('reads a row field by field: dates, exact amounts, status, ids as given', () => {
    expect(at(2)).toEqual(expected.row2)
    expectRows(expected.rowFields)
  })

  it('keeps the totals of the amounts exact', () => {
    const sum = (f: 'amountMxn' | 'amountUsd') =>
      r.rows.reduce((s, x) => (x[f] ? s.plus(x[f]) : s), new Decimal(0))
    const expectSum = (total: Decimal, wanted: string | RegExp) => {
      if (typeof wanted === 'string') expect(total.toFixed()).toBe(wanted)
      else expect(total.toFixed(0)).toMatch(wanted)
    }
    expectSum(sum('amountMxn'), expected.amountTotals.mxn)
    expectSum(sum('amountUsd'), expected.amountTotals.usd)
    expect(r.rows.filter((x) => x.amountMxn === null)).toHaveLength(expected.rowsWithoutMxnAmount)
  })

  it('maps the legacy status ids to work-order statuses', () => {
    const count = (s: string) => r.rows.filter((x) => x.status === s).length
    expect([
      count('finished'),
      count('in_execution'),
      count('assigned'),
      count('cancelled'),
      count('deferred'),
      count('to_cancel'),
      count('deferred_not_started'),
      count('suspended'),
    ]).toEqual(expected.statusCounts)
  })

  it('takes proposals by folio; a reprogramming without one inherits its initial work order’s', () => {
    expect(new Set(r.rows.map((x) => x.proposalNumber).filter((x) => x !== null)).size).toBe(
      expected.proposals.distinct,
    )
    for (const n of expected.proposals.inheritedRows) {
      const row = at(n)
      expect(row.proposalNumber).toBeNull()
      expect(row.familyProposalNumber).toBe(at(row.familyRowNumber).proposalNumber)
      expect(row.familyProposalNumber).not.toBeNull()
    }
    expect(r.rows.filter((x) => x.familyProposalNumber === null)).toEqual([])
  })

  it('warns about the out-of-domain estatus and reprogrammings with another proposal', () => {
    expect(r.rows.flatMap((x) => x.warnings.map((w) => [x.rowNumber, w.field]))).toEqual(expected.warnings)
  })
}

/** Row 2 of both files, but for the texts. */
const row2Fields: Omit<
  WorkOrderHistoryRow,
  | 'folio'
  | 'familyFolio'
  | 'officialDocument'
  | 'description'
  | 'clientRepresentative'
  | 'proposalNumber'
  | 'familyProposalNumber'
> = {
  rowNumber: 2,
  kind: 'initial',
  familyRowNumber: 2,
  reprogrammingNumber: null,
  legacyStatusId: 6,
  status: 'cancelled',
  plannedStart: '2023-04-17',
  plannedEnd: '2023-05-08',
  actualStart: null,
  actualEnd: null,
  amountMxn: '8971698.43',
  amountUsd: '0',
  durationDays: 22,
  projectManagerId: 4,
  clientId: 1,
  frontId: 2,
  vesselId: 1,
  platformId: 9,
  yardId: null,
  interconnectionId: null,
  comment: null,
  dateIssues: [],
  warnings: [],
}

const BUILT: HistoryExpectations = {
  rows: { initial: 12, reprogramming: 15 },
  families: {
    withoutReprogramming: 4,
    mostReprogrammings: 4,
    // the file lists reprogrammings 1, 2, 4, 3 (rows 14–17)
    example: {
      folio: 'OT-GRZ-901-24-016.7-J-NHA',
      initialRowNumber: 7,
      reprogrammingRowNumbers: [14, 15, 17, 16],
    },
  },
  trailingSpaces: {
    trimmedRows: [5, 6, 22, 23, 24, 25],
    initial: {
      rowNumber: 5,
      folio: 'OT-901-25-083-HA-LT-01',
      officialDocument: 'PM-DEE-SMEL-GMEICM-CICM-PEMP-901-2028-2025',
    },
    reprogrammings: [22, 23],
    otherFamily: { rows: [24, 25], familyFolio: 'OT-901-25-090-UDC-AIY-026', familyRowNumber: 6 },
    // the file really has them: two initials, and four reprogrammings in orden_trabajo and ot_principal
    inFile: { folio: [5, 6, 22, 23, 24, 25], principal: [22, 23, 24, 25] },
  },
  typoDateRows: [3, 21],
  endsBeforeStart: { rows: [26, 27], kept: [[26, { plannedStart: '2024-10-05', plannedEnd: '2024-10-03' }]] },
  row2: {
    ...row2Fields,
    folio: 'OT-GRZ-901-23-001-ABK-A/ABK-A2',
    familyFolio: 'OT-GRZ-901-23-001-ABK-A/ABK-A2',
    officialDocument: 'PEP-DG-SMLIC-GMICM-SSCIM-PEMP-901-279-2023',
    description: '"REFORZAMIENTO DE LÍNEA DE ABK-A HACIA ABK-A2" (FASE PREFABRICADOS)',
    clientRepresentative: 'MARÍA JOSÉ NÚÑEZ PÉREZ',
    proposalNumber: 'BME-3901-015-2023',
    familyProposalNumber: 'BME-3901-015-2023',
  },
  rowFields: [
    [26, { amountMxn: '135177954.896' }],
    [10, { frontId: 1, yardId: 6, platformId: null, vesselId: null }],
    [9, { frontId: 4, vesselId: null, amountMxn: null, officialDocument: null }],
  ],
  amountTotals: { mxn: '1420321508.766', usd: '83985911.15' }, // a sum of floats gives …508.7660003
  rowsWithoutMxnAmount: 10,
  statusCounts: [16, 4, 2, 1, 1, 1, 1, 1],
  proposals: { distinct: 14, inheritedRows: [20, 22, 23] },
  warnings: [
    [8, 'estatus'],
    [18, 'id_pte_header_id'],
    [19, 'id_pte_header_id'],
  ],
}

const REAL: HistoryExpectations = {
  rows: { initial: 136, reprogramming: 150 },
  families: {
    withoutReprogramming: 82,
    mostReprogrammings: 11,
    example: {
      folio: 'OT-GRZ-801-24-016.7-J-NHA',
      initialRowNumber: 44,
      reprogrammingRowNumbers: [214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224],
    },
  },
  trailingSpaces: {
    trimmedRows: [63, 69, 71, 116],
    initial: {
      rowNumber: 63,
      folio: 'OT-801-25-083-HA-LT-01',
      officialDocument: 'PM-DEE-SMEL-GMEICM-CICM-PEMP-801-2028-2025',
    },
    reprogrammings: [253, 254],
    otherFamily: { rows: [282, 283], familyFolio: 'OT-801-25-090-UDC-EREEKA-AIY-026', familyRowNumber: 116 },
  },
  typoDateRows: [9, 165],
  endsBeforeStart: { rows: [202, 226, 227, 231, 262], kept: [] },
  row2: {
    ...row2Fields,
    folio: 'OT-GRZ-801-23-002-ABK-A/ABK-A2',
    familyFolio: 'OT-GRZ-801-23-002-ABK-A/ABK-A2',
    officialDocument: 'PEP-DG-SMLIC-GMICM-SSCIM-PEMP-801-279-2023',
    description:
      '"REFORZAMIENTO DE FLEXIBILIDAD DE OLEOGASODUCTO DE ABK-A HACIA ABK-A2" (FASE PREFABRICADOS)',
    clientRepresentative: 'GABRIEL ALEJANDRO LÓPEZ VÁZQUEZ',
    proposalNumber: 'BME-3801-015-2023',
    familyProposalNumber: 'BME-3801-015-2023',
  },
  rowFields: [[193, { amountMxn: '135177954.896' }]],
  amountTotals: { mxn: /^1138\d{7}$/, usd: /^705\d{6}$/ }, // ≈ 11.38 bn, ≈ 705.3 m
  rowsWithoutMxnAmount: 83,
  statusCounts: [226, 22, 13, 9, 5, 5, 4, 2],
  proposals: { distinct: 139, inheritedRows: [146, 147, 148, 149, 150] },
  warnings: [
    [119, 'estatus'],
    [143, 'id_pte_header_id'],
    [144, 'id_pte_header_id'],
    [145, 'id_pte_header_id'],
  ],
}

describe('parseWorkOrderHistory on a built historical workbook (layout of OT_IMPORTAR.xlsx)', () => {
  workOrderHistorySuite(workOrderHistoryWorkbook, BUILT)
})

describeRealFiles('OT_IMPORTAR.xlsx', () => {
  describe('parseWorkOrderHistory on the real OT_IMPORTAR.xlsx', () => {
    workOrderHistorySuite(() => readFile(realFixturePath('excel/OT_IMPORTAR.xlsx')), REAL)
  })
})

describe('parseWorkOrderHistory on synthetic sheets', () => {
  const HEADER = [
    'orden_trabajo',
    'descripcion_trabajo',
    'id_tipo_id',
    'num_reprogramacion',
    'ot_principal',
    'id_estatus_ot_id',
    'id_pte_header_id',
    'fecha_inicio_programado',
    'fecha_termino_programado',
    'monto_mxn',
  ]
  async function sheet(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Hoja1')
    ws.addRow(HEADER)
    for (const row of rows) ws.addRow(row)
    return Buffer.from(await wb.xlsx.writeBuffer())
  }

  it('links a reprogramming listed before its initial, and reports rows that cannot be work orders', async () => {
    const r = await parseWorkOrderHistory(
      await sheet([
        ['OT-1 ', 'x', 5, 1, ' ot-1', 10, null, '2024-01-05', '10/01/2024', '$1,000.50'], // 2: before its initial
        ['OT-1', 'x', 4, null, null, 8, 'PTE-1', null, null, 1000], // 3
        ['OT-1', 'x', 4, null, null, 8, 'PTE-1', null, null, null], // 4: duplicate initial
        ['OT-1', 'x', 5, 1, 'OT-1', 10, null, null, null, null], // 5: duplicate reprogramming number
        ['OT-2', 'x', 5, 1, 'OT-2', 10, null, null, null, null], // 6: no initial OT-2
        ['OT-3', 'x', 7, null, null, 10, null, null, null, null], // 7: unknown type
        ['OT-4', 'x', 4, null, null, 99, null, null, null, null], // 8: unknown status
        [null, 'x', 4, null, null, 10, null, null, null, null], // 9: no folio
        ['OT-1', 'x', 5, 'dos', 'OT-1', 10, null, null, null, null], // 10: bad number
        ['OT-5', 'x', 4, null, null, 10, null, null, null, -3], // 11: negative amount
        ['OT-1', 'x', 'REPROGRAMACIÓN', 2, null, 10, null, null, null, null], // 12: principal from the folio
      ]),
    )
    expect(
      r.rows.map((x) => [x.rowNumber, x.kind, x.familyFolio, x.reprogrammingNumber, x.familyProposalNumber]),
    ).toEqual([
      [2, 'reprogramming', 'OT-1', 1, 'PTE-1'],
      [3, 'initial', 'OT-1', null, 'PTE-1'],
      [12, 'reprogramming', 'OT-1', 2, 'PTE-1'],
    ])
    expect(r.rows[0]).toMatchObject({
      folio: 'OT-1',
      plannedStart: '2024-01-05',
      plannedEnd: '2024-01-10',
      amountMxn: '1000.5',
    })
    expect(r.rows[2]?.warnings.map((w) => w.field)).toEqual(['ot_principal'])
    expect(r.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [4, 'folio'],
      [5, 'reprogrammingNumber'],
      [6, 'principal'],
      [7, 'type'],
      [8, 'status'],
      [9, 'folio'],
      [10, 'reprogrammingNumber'],
      [11, 'amountMxn'],
    ])
    expect(r.errors[0]?.message).toBe('initial work order OT-1 repeats row 3')
    expect(r.errors[0]?.values).toMatchObject({ orden_trabajo: 'OT-1', id_tipo_id: 4 })
    expect(r.families).toEqual([{ folio: 'OT-1', initialRowNumber: 3, reprogrammingRowNumbers: [2, 12] }])
  })

  it('says so when the header is missing', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Hoja1').addRow(['folio', 'descripcion'])
    const r = await parseWorkOrderHistory(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(r.rows).toEqual([])
    expect(r.errors).toMatchObject([{ rowNumber: 0, field: 'header' }])
  })
})
