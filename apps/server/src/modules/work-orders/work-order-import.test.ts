import { describe, expect, it } from 'vitest'
import {
  changedFields,
  cleanDescription,
  foldName,
  mapHistoryRow,
  storedAmount,
  type RowIssue,
} from './work-order-import'
import type { WorkOrderHistoryRow } from './work-order-history'

const row = (over: Partial<WorkOrderHistoryRow> = {}): WorkOrderHistoryRow => ({
  rowNumber: 9,
  kind: 'initial',
  folio: 'OT-801-25-083-HA-LT-01',
  familyFolio: 'OT-801-25-083-HA-LT-01',
  familyRowNumber: 9,
  reprogrammingNumber: null,
  officialDocument: 'PEP-123-2025',
  description: '"Mantenimiento a ductos"',
  clientRepresentative: 'Ing. X',
  proposalNumber: 'BME-3801-015-2023',
  familyProposalNumber: 'BME-3801-015-2023',
  legacyStatusId: 10,
  status: 'finished',
  plannedStart: null,
  plannedEnd: '2025-03-01',
  actualStart: null,
  actualEnd: null,
  amountMxn: '135177954.896',
  amountUsd: null,
  durationDays: 39,
  projectManagerId: 3,
  clientId: 1,
  frontId: 2,
  vesselId: 1,
  platformId: 12,
  yardId: null,
  interconnectionId: null,
  comment: null,
  dateIssues: [
    {
      field: 'plannedStart',
      kind: 'unparseable',
      value: '13/112023',
      message: 'fecha_inicio_programado: not a date',
    },
  ],
  warnings: [],
  ...over,
})

describe('mapHistoryRow', () => {
  const ctx = { frontIdByLegacy: new Map([[2, 'front-barco']]), proposalId: 'p-1' }

  it('maps the row, keeps the legacy ids and reports the typo date', () => {
    const { values, issues, errors } = mapHistoryRow(row(), ctx)
    expect(errors).toEqual([])
    expect(values).toMatchObject({
      number: 'OT-801-25-083-HA-LT-01',
      description: 'Mantenimiento a ductos',
      status: 'finished',
      planned_start: null,
      amount_mxn: '135177954.896',
      amount_usd: '0',
      front_id: 'front-barco',
      proposal_id: 'p-1',
      legacy: {
        source: 'OT_IMPORTAR',
        statusId: 10,
        projectManagerId: 3,
        frontId: 2,
        vesselId: 1,
        platformId: 12,
      },
    })
    expect(issues).toEqual([{ field: 'plannedStart', message: 'fecha_inicio_programado: not a date' }])
  })

  it('reports a front it cannot map and a duration out of range', () => {
    const { values, issues } = mapHistoryRow(row({ frontId: 9, durationDays: 0, dateIssues: [] }), ctx)
    expect(values.front_id).toBeNull()
    expect(values.duration_days).toBeNull()
    expect(issues.map((i) => i.field)).toEqual(['durationDays', 'front'])
  })

  it('refuses values longer than the columns allow', () => {
    expect(mapHistoryRow(row({ officialDocument: 'x'.repeat(101) }), ctx).errors).toEqual([
      { field: 'officialDocument', message: 'longer than 100 characters' },
    ])
  })
})

describe('helpers', () => {
  it('cleans wrapped descriptions', () => {
    expect(cleanDescription('"  Trabajos  "')).toBe('Trabajos')
    expect(cleanDescription('\u201CINSTALACION, PRUEBAS\u201D')).toBe('INSTALACION, PRUEBAS')
    expect(cleanDescription('«Obra»')).toBe('Obra')
    expect(cleanDescription('"')).toBe('"')
    expect(cleanDescription('""')).toBeNull()
    expect(cleanDescription(null)).toBeNull()
  })
  it('folds front names', () => {
    expect(foldName('CP / PS')).toBe('CPPS')
    expect(foldName('Tierra')).toBe('TIERRA')
  })
  it('rounds amounts with more than 6 decimals half-up, saying so', () => {
    const issues: RowIssue[] = []
    expect(storedAmount('1.0000005', 'amountMxn', issues)).toBe('1.000001')
    expect(storedAmount('2.5', 'amountMxn', issues)).toBe('2.5')
    expect(issues).toHaveLength(1)
  })
  it('compares the imported fields: amounts as decimals, legacy by content', () => {
    const { values } = mapHistoryRow(row(), { frontIdByLegacy: new Map(), proposalId: null })
    const stored = {
      ...values,
      amount_mxn: '135177954.896000',
      amount_usd: '0.000000',
      legacy: { ...values.legacy },
    }
    expect(changedFields(stored, values)).toEqual([])
    expect(changedFields({ ...stored, status: 'assigned', amount_usd: '1' }, values)).toEqual([
      'status',
      'amount_usd',
    ])
  })
})
