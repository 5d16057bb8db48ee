import { describe, expect, it } from 'vitest'
import {
  droppedManualDays,
  lineStatesOf,
  rentalAssignments,
  serviceAssignments,
  staleRentalLines,
  type StoredLineState,
} from './billing-inputs'
import type { SheetLine } from './billing-lines'
import { billingAssignment } from './billing-test-data'

const assignment = billingAssignment

describe('engine inputs from the rental modules', () => {
  const assignments = [
    assignment({}),
    assignment({ id: 'a2', equipmentId: null }),
    assignment({
      id: 's1',
      kind: 'service',
      equipmentId: 'eq1',
      dailyRate: '25.00',
      retiredOn: '2026-01-20',
    }),
    assignment({ id: 's2', kind: 'service', equipmentId: null, retiredOn: null }),
  ]

  it('rentals are the equipment assignments of a physical unit', () => {
    expect(rentalAssignments(assignments)).toEqual([
      {
        id: 'a1',
        equipmentId: 'eq1',
        dailyRate: '10.00',
        rates: [],
        frequency: { kind: 'daily' },
        operationStart: '2026-01-01',
        operationEnd: '2026-01-31',
        retiredOn: null,
        description: 'GENERADOR',
        version: '3',
      },
    ])
  })

  it('services bill their price per day and end on their retirement day when retired', () => {
    expect(serviceAssignments(assignments)).toEqual([
      {
        id: 's1',
        unitPrice: '25.00',
        rates: [],
        operationStart: '2026-01-01',
        operationEnd: '2026-01-20',
        description: 'GENERADOR',
        equipmentId: 'eq1',
      },
      {
        id: 's2',
        unitPrice: '10.00',
        rates: [],
        operationStart: '2026-01-01',
        operationEnd: '2026-01-31',
        description: 'GENERADOR',
        equipmentId: null,
      },
    ])
  })

  it('a stored day edit counts only with its assignment version', () => {
    expect(
      lineStatesOf([
        { key: 'rental:eq1', removed: false, day_edit_dates: ['2026-01-02'], day_edit_version: 'v1' },
        { key: 'rental:eq2', removed: true, day_edit_dates: ['2026-01-02'], day_edit_version: null },
        { key: 'custody:c1:logistics', removed: true, day_edit_dates: null, day_edit_version: null },
      ]),
    ).toEqual([
      { key: 'rental:eq1', removed: false, dayEdit: { dates: ['2026-01-02'], assignmentVersion: 'v1' } },
      { key: 'rental:eq2', removed: true, dayEdit: null },
      { key: 'custody:c1:logistics', removed: true, dayEdit: null },
    ])
  })
})

describe('manual days a change of assignments drops', () => {
  const line = (over: Partial<SheetLine>): SheetLine => ({
    key: 'rental:eq1',
    kind: 'rental',
    component: 'rental',
    sourceId: 'a1',
    equipmentId: 'eq1',
    description: 'GENERADOR',
    unit: 'days',
    dates: [],
    quantity: '0',
    unitPrice: '10.00',
    total: '0.00',
    dayEdit: 'stale',
    ...over,
  })
  const edit = (key: string, days: number): StoredLineState => ({
    key,
    removed: false,
    day_edit_dates: Array.from({ length: days }, (_, i) => `2026-01-0${i + 1}`),
    day_edit_version: 'v1',
  })
  const sheet = { id: 'sheet-1', seriesCode: 'PSL-PS-2026-1000' }

  it('names the edits that were applied and no longer are, once per equipment (split lines too)', () => {
    const lines = [
      line({ key: 'rental:eq1@2026-01-01' }),
      line({ key: 'rental:eq1@2026-01-15' }),
      line({ key: 'rental:eq2', equipmentId: 'eq2', description: 'BOMBA', dayEdit: 'applied' }),
    ]
    const stored = new Map([['rental:eq1@2026-01-01', { key: 'rental:eq1@2026-01-01', day_edit: 'applied' }]])
    expect(staleRentalLines(lines)).toHaveLength(2)
    expect(droppedManualDays(sheet, lines, [edit('rental:eq1', 3), edit('rental:eq2', 2)], stored)).toEqual([
      {
        key: 'rental:eq1',
        description: 'GENERADOR',
        manualDays: 3,
        billingSheetId: 'sheet-1',
        seriesCode: 'PSL-PS-2026-1000',
      },
    ])
  })

  it('an edit already stale before the change, or with no stored dates, drops nothing', () => {
    const lines = [line({})]
    const wasStale = new Map([['rental:eq1', { key: 'rental:eq1', day_edit: 'stale' }]])
    const applied = new Map([['rental:eq1', { key: 'rental:eq1', day_edit: 'applied' }]])
    expect(droppedManualDays(sheet, lines, [edit('rental:eq1', 2)], wasStale)).toEqual([])
    expect(droppedManualDays(sheet, lines, [], applied)).toEqual([])
    expect(droppedManualDays(sheet, lines, [edit('rental:eq1', 2)], applied)).toHaveLength(1)
  })
})
