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

describe('parseWorkOrderHistory on a built historical workbook (layout of OT_IMPORTAR.xlsx)', () => {
  let r: WorkOrderHistoryResult
  const at = (rowNumber: number): WorkOrderHistoryRow => {
    const row = r.rows.find((x) => x.rowNumber === rowNumber)
    if (!row) throw new Error(`no row ${rowNumber}`)
    return row
  }
  let sheet: ExcelJS.Worksheet
  beforeAll(async () => {
    const bytes = await workOrderHistoryWorkbook()
    r = await parseWorkOrderHistory(bytes)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    sheet = wb.worksheets[0]!
  })

  it('reads 27 rows: 12 initial work orders and 15 reprogrammings, without errors', () => {
    expect(r.sheet).toBe('Hoja1')
    expect(r.errors).toEqual([])
    expect(r.rows).toHaveLength(27)
    expect(r.rows.filter((x) => x.kind === 'initial')).toHaveLength(12)
    expect(r.rows.filter((x) => x.kind === 'reprogramming')).toHaveLength(15)
  })

  it('links reprogrammings into 12 families by folio, numbered 1..n even when listed out of order', () => {
    expect(r.families).toHaveLength(12)
    expect(r.families.filter((f) => f.reprogrammingRowNumbers.length === 0)).toHaveLength(4)
    expect(Math.max(...r.families.map((f) => f.reprogrammingRowNumbers.length))).toBe(4)
    for (const f of r.families) {
      const initial = at(f.initialRowNumber)
      expect(initial).toMatchObject({
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
    // the file lists reprogrammings 1, 2, 4, 3 (rows 14–17)
    expect(r.families.find((f) => f.folio === 'OT-GRZ-901-24-016.7-J-NHA')).toEqual({
      folio: 'OT-GRZ-901-24-016.7-J-NHA',
      initialRowNumber: 7,
      reprogrammingRowNumbers: [14, 15, 17, 16],
    })
  })

  it('trims folios that end with a space, so families still link', () => {
    // the file really has them: two initials, and four reprogrammings in orden_trabajo and ot_principal
    const trailing = (column: number) =>
      sheet.getColumn(column).values.flatMap((v, n) => (typeof v === 'string' && / $/.test(v) ? [n] : []))
    expect(trailing(2)).toEqual([5, 6, 22, 23, 24, 25])
    expect(trailing(15)).toEqual([22, 23, 24, 25])
    for (const n of [5, 6, 22, 23, 24, 25]) expect(at(n).folio).not.toMatch(/\s$/)
    expect(at(5)).toMatchObject({ kind: 'initial', folio: 'OT-901-25-083-HA-LT-01' })
    for (const n of [22, 23])
      expect(at(n)).toMatchObject({
        kind: 'reprogramming',
        familyFolio: 'OT-901-25-083-HA-LT-01',
        familyRowNumber: 5,
      })
    for (const n of [24, 25]) {
      expect(at(n)).toMatchObject({ familyFolio: 'OT-901-25-090-UDC-AIY-026', familyRowNumber: 6 })
    }
    expect(at(5).officialDocument).toBe('PM-DEE-SMEL-GMEICM-CICM-PEMP-901-2028-2025') // trailing newline gone
  })

  it('reports the two typo dates per row and imports them as empty', () => {
    const unparseable = r.rows.flatMap((x) =>
      x.dateIssues.filter((d) => d.kind === 'unparseable').map((d) => [x.rowNumber, d.field, d.value]),
    )
    expect(unparseable).toEqual([
      [3, 'plannedStart', '13/112023'],
      [21, 'plannedStart', '15/04/204'],
    ])
    expect(at(3)).toMatchObject({ plannedStart: null, plannedEnd: '2023-12-07', actualStart: '2024-06-29' })
    expect(at(21).plannedStart).toBeNull()
    expect(at(3).dateIssues[0]?.message).toMatch(/fecha_inicio_programado.*13\/112023/)
  })

  it('reports the planned windows that end before they start', () => {
    const ends = r.rows.flatMap((x) =>
      x.dateIssues
        .filter((d) => d.kind === 'end_before_start' && d.field === 'plannedEnd')
        .map(() => x.rowNumber),
    )
    expect(ends).toEqual([26, 27])
    expect(at(26)).toMatchObject({ plannedStart: '2024-10-05', plannedEnd: '2024-10-03' }) // kept
  })

  it('reads a row field by field: dates, exact amounts, status, ids as given', () => {
    expect(at(2)).toEqual({
      rowNumber: 2,
      kind: 'initial',
      folio: 'OT-GRZ-901-23-001-ABK-A/ABK-A2',
      familyFolio: 'OT-GRZ-901-23-001-ABK-A/ABK-A2',
      familyRowNumber: 2,
      reprogrammingNumber: null,
      officialDocument: 'PEP-DG-SMLIC-GMICM-SSCIM-PEMP-901-279-2023',
      description: '"REFORZAMIENTO DE LÍNEA DE ABK-A HACIA ABK-A2" (FASE PREFABRICADOS)',
      clientRepresentative: 'MARÍA JOSÉ NÚÑEZ PÉREZ',
      proposalNumber: 'BME-3901-015-2023',
      familyProposalNumber: 'BME-3901-015-2023',
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
    })
    expect(at(26).amountMxn).toBe('135177954.896')
    expect(at(10)).toMatchObject({ frontId: 1, yardId: 6, platformId: null, vesselId: null })
    expect(at(9)).toMatchObject({ frontId: 4, vesselId: null, amountMxn: null, officialDocument: null })
  })

  it('keeps the totals of the amounts exact', () => {
    const sum = (f: 'amountMxn' | 'amountUsd') =>
      r.rows.reduce((s, x) => (x[f] ? s.plus(x[f]) : s), new Decimal(0))
    expect(sum('amountMxn').toFixed()).toBe('1420321508.766') // a sum of floats gives …508.7660003
    expect(sum('amountUsd').toFixed()).toBe('83985911.15')
    expect(r.rows.filter((x) => x.amountMxn === null)).toHaveLength(10)
  })

  it('maps the legacy status ids to work-order statuses', () => {
    const count = (s: string) => r.rows.filter((x) => x.status === s).length
    expect([count('finished'), count('in_execution'), count('assigned'), count('cancelled')]).toEqual([
      16, 4, 2, 1,
    ])
    expect([
      count('deferred'),
      count('to_cancel'),
      count('deferred_not_started'),
      count('suspended'),
    ]).toEqual([1, 1, 1, 1])
  })

  it('takes proposals by folio; a reprogramming without one inherits its initial work order’s', () => {
    expect(new Set(r.rows.map((x) => x.proposalNumber).filter((x) => x !== null)).size).toBe(14)
    for (const n of [20, 22, 23]) {
      const row = at(n)
      expect(row.proposalNumber).toBeNull()
      expect(row.familyProposalNumber).toBe(at(row.familyRowNumber).proposalNumber)
      expect(row.familyProposalNumber).not.toBeNull()
    }
    expect(r.rows.filter((x) => x.familyProposalNumber === null)).toEqual([])
  })

  it('warns about the out-of-domain estatus and reprogrammings with another proposal', () => {
    expect(r.rows.flatMap((x) => x.warnings.map((w) => [x.rowNumber, w.field]))).toEqual([
      [8, 'estatus'],
      [18, 'id_pte_header_id'],
      [19, 'id_pte_header_id'],
    ])
  })
})

describeRealFiles('OT_IMPORTAR.xlsx', () => {
  describe('parseWorkOrderHistory on the real OT_IMPORTAR.xlsx', () => {
    let r: WorkOrderHistoryResult
    const at = (rowNumber: number): WorkOrderHistoryRow => {
      const row = r.rows.find((x) => x.rowNumber === rowNumber)
      if (!row) throw new Error(`no row ${rowNumber}`)
      return row
    }
    beforeAll(async () => {
      r = await parseWorkOrderHistory(await readFile(realFixturePath('excel/OT_IMPORTAR.xlsx')))
    })

    it('reads 286 rows: 136 initial work orders and 150 reprogrammings, without errors', () => {
      expect(r.sheet).toBe('Hoja1')
      expect(r.errors).toEqual([])
      expect(r.rows).toHaveLength(286)
      expect(r.rows.filter((x) => x.kind === 'initial')).toHaveLength(136)
      expect(r.rows.filter((x) => x.kind === 'reprogramming')).toHaveLength(150)
    })

    it('links reprogrammings into 136 families by folio, numbered 1..n', () => {
      expect(r.families).toHaveLength(136)
      expect(r.families.filter((f) => f.reprogrammingRowNumbers.length === 0)).toHaveLength(82)
      expect(Math.max(...r.families.map((f) => f.reprogrammingRowNumbers.length))).toBe(11)
      for (const f of r.families) {
        const initial = at(f.initialRowNumber)
        expect(initial).toMatchObject({
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
      expect(r.families.find((f) => f.folio === 'OT-GRZ-801-24-016.7-J-NHA')).toEqual({
        folio: 'OT-GRZ-801-24-016.7-J-NHA',
        initialRowNumber: 44,
        reprogrammingRowNumbers: [214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224],
      })
    })

    it('trims folios that end with a space, so families still link', () => {
      for (const n of [63, 69, 71, 116]) expect(at(n).folio).not.toMatch(/\s$/)
      expect(at(63)).toMatchObject({ kind: 'initial', folio: 'OT-801-25-083-HA-LT-01' })
      for (const n of [253, 254])
        expect(at(n)).toMatchObject({
          kind: 'reprogramming',
          familyFolio: 'OT-801-25-083-HA-LT-01',
          familyRowNumber: 63,
        })
      for (const n of [282, 283]) {
        expect(at(n)).toMatchObject({ familyFolio: 'OT-801-25-090-UDC-EREEKA-AIY-026', familyRowNumber: 116 })
      }
      expect(at(63).officialDocument).toBe('PM-DEE-SMEL-GMEICM-CICM-PEMP-801-2028-2025') // trailing newline gone
    })

    it('reports the two typo dates per row and imports them as empty', () => {
      const unparseable = r.rows.flatMap((x) =>
        x.dateIssues.filter((d) => d.kind === 'unparseable').map((d) => [x.rowNumber, d.field, d.value]),
      )
      expect(unparseable).toEqual([
        [9, 'plannedStart', '13/112023'],
        [165, 'plannedStart', '15/04/204'],
      ])
      expect(at(9)).toMatchObject({ plannedStart: null, plannedEnd: '2023-12-07', actualStart: '2024-06-29' })
      expect(at(165).plannedStart).toBeNull()
      expect(at(9).dateIssues[0]?.message).toMatch(/fecha_inicio_programado.*13\/112023/)
    })

    it('reports the five planned windows that end before they start', () => {
      const ends = r.rows.flatMap((x) =>
        x.dateIssues
          .filter((d) => d.kind === 'end_before_start' && d.field === 'plannedEnd')
          .map(() => x.rowNumber),
      )
      expect(ends).toEqual([202, 226, 227, 231, 262])
    })

    it('reads a row field by field: dates, exact amounts, status, ids as given', () => {
      expect(at(2)).toEqual({
        rowNumber: 2,
        kind: 'initial',
        folio: 'OT-GRZ-801-23-002-ABK-A/ABK-A2',
        familyFolio: 'OT-GRZ-801-23-002-ABK-A/ABK-A2',
        familyRowNumber: 2,
        reprogrammingNumber: null,
        officialDocument: 'PEP-DG-SMLIC-GMICM-SSCIM-PEMP-801-279-2023',
        description:
          '"REFORZAMIENTO DE FLEXIBILIDAD DE OLEOGASODUCTO DE ABK-A HACIA ABK-A2" (FASE PREFABRICADOS)',
        clientRepresentative: 'GABRIEL ALEJANDRO LÓPEZ VÁZQUEZ',
        proposalNumber: 'BME-3801-015-2023',
        familyProposalNumber: 'BME-3801-015-2023',
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
      })
      expect(at(193).amountMxn).toBe('135177954.896')
    })

    it('keeps the totals of the amounts exact', () => {
      const sum = (f: 'amountMxn' | 'amountUsd') =>
        r.rows.reduce((s, x) => (x[f] ? s.plus(x[f]) : s), new Decimal(0))
      expect(sum('amountMxn').toFixed(0)).toMatch(/^1138\d{7}$/) // ≈ 11.38 bn
      expect(sum('amountUsd').toFixed(0)).toMatch(/^705\d{6}$/) // ≈ 705.3 m
      expect(r.rows.filter((x) => x.amountMxn === null)).toHaveLength(83)
    })

    it('maps the legacy status ids to work-order statuses', () => {
      const count = (s: string) => r.rows.filter((x) => x.status === s).length
      expect([count('finished'), count('in_execution'), count('assigned'), count('cancelled')]).toEqual([
        226, 22, 13, 9,
      ])
      expect([
        count('deferred'),
        count('to_cancel'),
        count('deferred_not_started'),
        count('suspended'),
      ]).toEqual([5, 5, 4, 2])
    })

    it('takes proposals by folio; a reprogramming without one inherits its initial work order’s', () => {
      expect(new Set(r.rows.map((x) => x.proposalNumber).filter((x) => x !== null)).size).toBe(139)
      for (const n of [146, 147, 148, 149, 150]) {
        const row = at(n)
        expect(row.proposalNumber).toBeNull()
        expect(row.familyProposalNumber).toBe(at(row.familyRowNumber).proposalNumber)
        expect(row.familyProposalNumber).not.toBeNull()
      }
      expect(r.rows.filter((x) => x.familyProposalNumber === null)).toEqual([])
    })

    it('warns about the out-of-domain estatus and reprogrammings with another proposal', () => {
      expect(r.rows.flatMap((x) => x.warnings.map((w) => [x.rowNumber, w.field]))).toEqual([
        [119, 'estatus'],
        [143, 'id_pte_header_id'],
        [144, 'id_pte_header_id'],
        [145, 'id_pte_header_id'],
      ])
    })
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
