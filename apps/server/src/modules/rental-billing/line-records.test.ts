import { describe, expect, it } from 'vitest'
import type { SheetLine } from './billing-lines'
import { dayChanges, documentsSignature, lineSignature, lineValues } from './line-records'
import { billingAssignment } from './billing-test-data'

const rental = (over: Partial<SheetLine> = {}): SheetLine => ({
  key: 'rental:eq1',
  kind: 'rental',
  component: 'rental',
  sourceId: 'a1',
  assignmentIds: ['a1'],
  equipmentId: 'eq1',
  description: 'GENERADOR',
  unit: 'days',
  dates: ['2026-01-01', '2026-01-02'],
  quantity: '2',
  unitPrice: '10.00',
  total: '20.00',
  allowedDates: ['2026-01-01', '2026-01-02', '2026-01-03'],
  sourceVersion: 'v1',
  dayEdit: 'none',
  ...over,
})

const assignment = billingAssignment

describe('line values a recomputation writes', () => {
  it('numbers lines from 1, labels them with the first assignment of their equipment that has a label, signs them', () => {
    const lines = [
      rental(),
      rental({
        key: 'maintenance:m1:technical',
        kind: 'maintenance',
        component: 'technical',
        sourceId: 'm1',
        assignmentIds: undefined,
        equipmentId: undefined,
        unit: 'unit',
        dates: ['2026-01-02'],
        quantity: '1',
        allowedDates: ['2026-01-02'],
        sourceVersion: undefined,
        dayEdit: undefined,
      }),
    ]
    const values = lineValues(lines, [
      assignment({ id: 'a0', equipmentCode: null, equipmentName: null }),
      assignment({}),
      assignment({ id: 'a2', equipmentCode: 'OTHER', equipmentName: 'Otro' }),
    ])
    expect(values.map((v) => v.position)).toEqual([1, 2])
    expect(values[0]).toMatchObject({
      equipment_code: 'GEN-01',
      equipment_name: 'Generador',
      assignment_ids: ['a1'],
      quantity: 2,
      allowed_dates: ['2026-01-01', '2026-01-02', '2026-01-03'],
      source_version: 'v1',
      day_edit: 'none',
    })
    // a document line keeps no allowed dates, no equipment and the defaults
    expect(values[1]).toMatchObject({
      equipment_id: null,
      equipment_code: null,
      assignment_ids: [],
      allowed_dates: [],
      source_version: null,
      day_edit: 'none',
    })
    const { signature, ...rest } = values[0]!
    expect(signature).toBe(lineSignature(rest))
    expect(signature).toMatch(/^[0-9a-f]{40}$/)
  })

  it('a line keeps its signature while its values stay and gets another when any value changes', () => {
    const [a] = lineValues([rental()], [])
    const [same] = lineValues([rental()], [])
    const [otherTotal] = lineValues([rental({ total: '20.01' })], [])
    const [otherDates] = lineValues([rental({ dates: ['2026-01-01'] })], [])
    expect(same!.signature).toBe(a!.signature)
    expect(otherTotal!.signature).not.toBe(a!.signature)
    expect(otherDates!.signature).not.toBe(a!.signature)
  })

  it('the documents signature does not depend on order but on every id and on which list holds it', () => {
    const base = documentsSignature({ guideIds: ['g1', 'g2'], chainIds: ['c1'], maintenanceSheetIds: [] })
    expect(documentsSignature({ guideIds: ['g2', 'g1'], chainIds: ['c1'], maintenanceSheetIds: [] })).toBe(
      base,
    )
    expect(documentsSignature({ guideIds: ['g1'], chainIds: ['c1'], maintenanceSheetIds: [] })).not.toBe(base)
    expect(
      documentsSignature({ guideIds: ['g1', 'g2'], chainIds: [], maintenanceSheetIds: ['c1'] }),
    ).not.toBe(base)
  })
})

describe('audit of a day edit', () => {
  it('says the number of days and the dates added and removed', () => {
    expect(dayChanges(['2026-01-01', '2026-01-02'], ['2026-01-02', '2026-01-03', '2026-01-04'])).toEqual([
      { field: 'quantity', old: 2, new: 3 },
      { field: 'addedDates', old: null, new: '2026-01-03, 2026-01-04' },
      { field: 'removedDates', old: '2026-01-01', new: null },
    ])
  })

  it('leaves out the lists that did not change', () => {
    expect(dayChanges(['2026-01-01'], ['2026-01-01', '2026-01-05'])).toEqual([
      { field: 'quantity', old: 1, new: 2 },
      { field: 'addedDates', old: null, new: '2026-01-05' },
    ])
    expect(dayChanges(['2026-01-01'], ['2026-01-01'])).toEqual([{ field: 'quantity', old: 1, new: 1 }])
  })
})
