import { describe, expect, it } from 'vitest'
import {
  computeSheetLines,
  lineKey,
  rentalAllowedDates,
  rentalSourceVersion,
  representativeAssignment,
  validateDayEdit,
  type CustodyChainInput,
  type RentalAssignmentInput,
  type SheetLinesInput,
} from './billing-lines'
import { computeSheet } from './billing-sheet'

const JAN = { start: '2026-01-01', end: '2026-01-31' }
const EMPTY: SheetLinesInput = {
  period: JAN,
  rentals: [],
  services: [],
  maintenanceSheets: [],
  shippingGuides: [],
  custodyChains: [],
}

const rental = (
  over: Partial<RentalAssignmentInput> & Pick<RentalAssignmentInput, 'id'>,
): RentalAssignmentInput => ({
  equipmentId: 'eq-1',
  dailyRate: '10.00',
  frequency: { kind: 'daily' },
  operationStart: '2025-12-01',
  operationEnd: null,
  description: 'ALQUILER / PSL-BT-185 / BATERIA SANITARIA HOMBRE',
  version: 1,
  ...over,
})

const chain = (
  over: Partial<CustodyChainInput> & Pick<CustodyChainInput, 'id' | 'activityDate'>,
): CustodyChainInput => ({
  status: 'draft',
  attendedAssignmentIds: [],
  logisticsCost: '0',
  gallons: '0',
  barrels: '0',
  cubicMeters: '0',
  ...over,
})

const line = (lines: ReturnType<typeof computeSheetLines>, key: string) => {
  const found = lines.find((l) => l.key === key)
  if (!found) throw new Error(`no line ${key}`)
  return found
}

/** The worked example of docs/rental-billing.md#worked-example, as input to the engine. */
const WORKED_EXAMPLE: SheetLinesInput = {
  period: JAN,
  rentals: [
    // PRI A1: EQUIPO, DAY, cost 5.00, started 2025-12-01, retired 2026-01-10.
    rental({
      id: 'A1',
      equipmentId: 'BT-185',
      dailyRate: '5.00',
      operationStart: '2025-12-01',
      retiredOn: '2026-01-10',
    }),
    // PRI A2: the same equipment re-assigned at 6.00 from 2026-01-20, not retired.
    rental({ id: 'A2', equipmentId: 'BT-185', dailyRate: '6.00', operationStart: '2026-01-20' }),
  ],
  services: [
    { id: 'S', unitPrice: '25.00', description: 'MANTENIMIENTO / PSL-BT-185', equipmentId: 'BT-185' },
  ],
  custodyChains: [
    chain({ id: 'C1', activityDate: '2026-01-12', attendedAssignmentIds: ['S'] }),
    chain({ id: 'C2', activityDate: '2026-01-12', attendedAssignmentIds: ['S'] }),
    chain({ id: 'C3', activityDate: '2026-01-15', attendedAssignmentIds: ['S'], logisticsCost: '40.00' }),
    chain({ id: 'C4', activityDate: '2026-01-20', attendedAssignmentIds: ['S'] }),
  ],
  maintenanceSheets: [
    {
      id: 'M1',
      status: 'draft',
      startDate: '2026-01-08',
      technicalCost: '120.00',
      logisticsCost: '30.00',
      equipmentId: 'BT-185',
    },
  ],
  shippingGuides: [
    { id: 'G1', status: 'draft', issueDate: '2026-01-09', transportCost: '80.00', stowageCost: '0' },
  ],
}

describe('the worked example (docs/rental-billing.md#worked-example)', () => {
  /*
   * 50.00 + 72.00 + 75.00 + 120.00 + 30.00 + 80.00 + 40.00 = 467.00, IVA 70.05, total 537.05. The old
   * engine billed the rental line's 22 days at the active assignment's 6.00 (132.00, subtotal 477.00);
   * issue 12 prices each date at the rate of the assignment on site that day, so a unit back at a new
   * rate never reprices the days it was billed before (docs/rental-billing.md#rate-changes). Where issue 4
   * changes the rules, the example is not affected, only the representation:
   * - lines carry DATES, not day numbers: the rental line lists Jan 1–10 and Jan 20–31;
   * - the shipping guide is billed because it is LINKED to this sheet (passed in the input), not because its
   *   issue date falls in the period (the old engine picked guides by date);
   * - the chain-logistics line does not depend on the chain's first detail having an equipment;
   * - IVA is rounded explicitly half-up — 70.05 is exact here anyway.
   * The merged rental line keeps one line per physical equipment and rate: Jan 1–10 at 5.00, Jan 20–31 at 6.00.
   */
  const { lines, totals } = computeSheet({ ...WORKED_EXAMPLE, taxRate: '0.15' })

  it('rental: Jan 1..10 × 5.00 (A1) = 50.00 and Jan 20..31 × 6.00 (A2) = 72.00, one line per rate', () => {
    const r = line(lines, 'rental:BT-185')
    expect(r).toMatchObject({ quantity: '10', unitPrice: '5.00', total: '50.00', sourceId: 'A2' })
    expect(r.assignmentIds).toEqual(['A1', 'A2'])
    expect(r.dates).toEqual(Array.from({ length: 10 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`))
    const later = line(lines, 'rental:BT-185@2026-01-20')
    expect(later).toMatchObject({ quantity: '12', unitPrice: '6.00', total: '72.00', sourceId: 'A2' })
    expect(later.dates).toEqual(Array.from({ length: 12 }, (_, i) => `2026-01-${i + 20}`))
    expect(r.unit).toBe('days')
    expect(r.sourceVersion).toBe(later.sourceVersion)
  })

  it('service: chains on Jan 12, 12, 15, 20 → 3 distinct dates × 25.00 = 75.00', () => {
    const s = line(lines, 'service:S')
    expect(s).toMatchObject({
      dates: ['2026-01-12', '2026-01-15', '2026-01-20'],
      quantity: '3',
      unitPrice: '25.00',
      total: '75.00',
    })
    expect(s.equipmentId).toBe('BT-185')
  })

  it('documents: maintenance 120.00 + 30.00 (Jan 8), guide transport 80.00 only (stowage 0), chain logistics 40.00', () => {
    expect(line(lines, 'maintenance:M1:technical')).toMatchObject({
      total: '120.00',
      dates: ['2026-01-08'],
      quantity: '1',
      unit: 'unit',
    })
    expect(line(lines, 'maintenance:M1:logistics')).toMatchObject({
      total: '30.00',
      description: 'LOGÍSTICA',
    })
    expect(line(lines, 'shipping:G1:transport')).toMatchObject({
      total: '80.00',
      dates: ['2026-01-09'],
      description: 'TRANSPORTE',
    })
    expect(lines.find((l) => l.key === 'shipping:G1:stowage')).toBeUndefined()
    expect(line(lines, 'custody:C3:logistics')).toMatchObject({ total: '40.00', dates: ['2026-01-15'] })
  })

  it('printed order: rentals, services, chain logistics, shipping, maintenance', () => {
    expect(lines.map((l) => l.key)).toEqual([
      'rental:BT-185',
      'rental:BT-185@2026-01-20',
      'service:S',
      'custody:C3:logistics',
      'shipping:G1:transport',
      'maintenance:M1:technical',
      'maintenance:M1:logistics',
    ])
  })

  it('subtotal 467.00; IVA 70.05; total 537.05', () => {
    expect(totals).toMatchObject({ subtotal: '467.00', tax: '70.05', total: '537.05' })
  })

  it('with issue 4 fixes that DO change amounts: a cancelled chain counts nowhere (old: +1 service day, +logistics, +volumes)', () => {
    const withCancelled = computeSheet({
      ...WORKED_EXAMPLE,
      taxRate: '0.15',
      custodyChains: [
        ...WORKED_EXAMPLE.custodyChains,
        chain({
          id: 'C5',
          status: 'cancelled',
          activityDate: '2026-01-25',
          attendedAssignmentIds: ['S'],
          logisticsCost: '10.00',
          gallons: '180',
        }),
      ],
    })
    expect(withCancelled.totals).toEqual(totals)
    expect(withCancelled.lines).toEqual(lines)
  })
})

describe('rental lines', () => {
  it('a period spanning two months bills every date: Jan 10 – Feb 20 = 42 days', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      period: { start: '2026-01-10', end: '2026-02-20' },
      rentals: [rental({ id: 'a', dailyRate: '7.50' })],
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ quantity: '42', total: '315.00' })
    expect(lines[0]?.dates).toContain('2026-01-15')
    expect(lines[0]?.dates).toContain('2026-02-15')
  })

  it('operation start and end inside the period (both inclusive)', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      rentals: [rental({ id: 'a', operationStart: '2026-01-10', operationEnd: '2026-01-19' })],
    })
    expect(lines[0]).toMatchObject({ quantity: '10', total: '100.00' })
    expect(lines[0]?.dates[0]).toBe('2026-01-10')
    expect(lines[0]?.dates.at(-1)).toBe('2026-01-19')
  })

  it('the retirement date replaces the planned end', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      rentals: [
        rental({
          id: 'a',
          operationStart: '2026-01-10',
          operationEnd: '2026-01-31',
          retiredOn: '2026-01-12',
        }),
      ],
    })
    expect(lines[0]?.dates).toEqual(['2026-01-10', '2026-01-11', '2026-01-12'])
  })

  it('weekdays and monthdays frequencies', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      rentals: [
        rental({ id: 'a', equipmentId: 'e1', frequency: { kind: 'weekdays', days: ['mon', 'wed'] } }),
        rental({
          id: 'b',
          equipmentId: 'e2',
          frequency: { kind: 'monthdays', days: [1, 15, 31] },
          dailyRate: '3.00',
        }),
      ],
    })
    // January 2026: Mondays 5, 12, 19, 26; Wednesdays 7, 14, 21, 28.
    expect(line(lines, 'rental:e1')).toMatchObject({ quantity: '8', total: '80.00' })
    expect(line(lines, 'rental:e2')).toMatchObject({
      dates: ['2026-01-01', '2026-01-15', '2026-01-31'],
      total: '9.00',
    })
  })

  it('an equipment on site with no billed date still has its line (quantity 0); one never on site has none', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      period: { start: '2026-02-01', end: '2026-02-28' },
      rentals: [
        rental({ id: 'a', equipmentId: 'e1', frequency: { kind: 'monthdays', days: [30, 31] } }),
        rental({ id: 'b', equipmentId: 'e2', operationStart: '2026-03-01' }),
        rental({ id: 'c', equipmentId: 'e3', operationStart: '2025-01-01', retiredOn: '2026-01-31' }),
      ],
    })
    expect(lines.map((l) => [l.key, l.quantity, l.total])).toEqual([['rental:e1', '0', '0.00']])
  })

  it('representative assignment: active with the latest start, else the latest start', () => {
    const a = rental({ id: 'a', operationStart: '2026-01-01', retiredOn: '2026-01-05' })
    const b = rental({ id: 'b', operationStart: '2026-01-10', retiredOn: '2026-01-15' })
    const c = rental({ id: 'c', operationStart: '2025-06-01' })
    expect(representativeAssignment([a, b, c]).id).toBe('c')
    expect(representativeAssignment([b, a]).id).toBe('b')
  })

  it('line total is rounded half-up to cents (LINE_TOTAL_CENTS) only when a rate has more than 2 decimals', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      rentals: [
        rental({ id: 'a', dailyRate: '3.335', operationStart: '2026-01-01', operationEnd: '2026-01-03' }),
      ],
    })
    expect(lines[0]).toMatchObject({ quantity: '3', unitPrice: '3.335', total: '10.01' }) // 10.005 → 10.01
  })

  it('refuses malformed rates and dates', () => {
    expect(() => computeSheetLines({ ...EMPTY, rentals: [rental({ id: 'a', dailyRate: '-1' })] })).toThrow(
      RangeError,
    )
    expect(() => computeSheetLines({ ...EMPTY, rentals: [rental({ id: 'a', dailyRate: '1e3' })] })).toThrow(
      RangeError,
    )
    expect(() => computeSheetLines({ ...EMPTY, period: { start: '2026-02-01', end: '2026-01-01' } })).toThrow(
      RangeError,
    )
  })
})

describe('manual day edits', () => {
  const base: SheetLinesInput = { ...EMPTY, rentals: [rental({ id: 'a', operationStart: '2026-01-10' })] }
  const key = lineKey.rental('eq-1')
  const first = computeSheetLines(base)
  const version = first[0]?.sourceVersion ?? ''
  const edit = { dates: ['2026-01-12', '2026-01-10', '2026-01-12'], assignmentVersion: version }

  it('the line exposes the version an edit must carry: a digest of its computed dates and window', () => {
    expect(version).toMatch(/^dates:[0-9a-f]{20}$/)
    expect(first[0]?.dayEdit).toBe('none')
    // an edit stored with the assignments' versions (before date digests) still applies
    const legacy = computeSheetLines({
      ...base,
      lineStates: [
        { key, dayEdit: { ...edit, assignmentVersion: rentalSourceVersion([{ id: 'a', version: 1 }]) } },
      ],
    })
    expect(legacy[0]?.dayEdit).toBe('applied')
  })

  it('an edit replaces the computed dates and survives recomputation (other inputs changing)', () => {
    const withEdit = { ...base, lineStates: [{ key, dayEdit: edit }] }
    const once = computeSheetLines(withEdit)
    expect(once[0]).toMatchObject({
      dates: ['2026-01-10', '2026-01-12'],
      quantity: '2',
      total: '20.00',
      dayEdit: 'applied',
    })
    const again = computeSheetLines({
      ...withEdit,
      maintenanceSheets: [
        { id: 'm', status: 'draft', startDate: '2026-01-05', technicalCost: '1.00', logisticsCost: '0' },
      ],
    })
    expect(again[0]).toEqual(once[0])
  })

  it('survives assignment changes that keep the billed dates; is discarded when they change', () => {
    const sameDates = computeSheetLines({
      ...base,
      rentals: [rental({ id: 'a', operationStart: '2026-01-10', version: 2, dailyRate: '11.00' })],
      lineStates: [{ key, dayEdit: edit }],
    })
    expect(sameDates[0]).toMatchObject({ quantity: '2', total: '22.00', dayEdit: 'applied' })
    const moved = computeSheetLines({
      ...base,
      rentals: [rental({ id: 'a', operationStart: '2026-01-11', version: 2 })],
      lineStates: [{ key, dayEdit: edit }],
    })
    expect(moved[0]).toMatchObject({ quantity: '21', dayEdit: 'stale' })
    const reassigned = computeSheetLines({
      ...base,
      rentals: [
        rental({ id: 'a', operationStart: '2026-01-10', retiredOn: '2026-01-20' }),
        rental({ id: 'b', operationStart: '2026-01-25' }),
      ],
      lineStates: [{ key, dayEdit: edit }],
    })
    expect(reassigned[0]).toMatchObject({ quantity: '18', dayEdit: 'stale' })
  })

  it('a rate change splits the line at its date; both rates shown, the edit spans both parts', () => {
    const rated = rental({
      id: 'a',
      operationStart: '2026-01-10',
      dailyRate: '60.00',
      rates: [
        { from: null, dailyRate: '50.00' },
        { from: '2026-01-20', dailyRate: '60.00' },
      ],
    })
    const lines = computeSheetLines({ ...EMPTY, rentals: [rated] })
    expect(lines.map((l) => [l.key, l.quantity, l.unitPrice, l.total])).toEqual([
      [key, '10', '50.00', '500.00'],
      [`${key}@2026-01-20`, '12', '60.00', '720.00'],
    ])
    expect(lines[1]?.allowedDates?.[0]).toBe('2026-01-20')
    const v = lines[0]?.sourceVersion ?? ''
    const edited = computeSheetLines({
      ...EMPTY,
      rentals: [rated],
      lineStates: [
        { key, dayEdit: { dates: ['2026-01-12', '2026-01-21', '2026-01-22'], assignmentVersion: v } },
      ],
    })
    expect(edited.map((l) => [l.quantity, l.total, l.dayEdit])).toEqual([
      ['1', '50.00', 'applied'],
      ['2', '120.00', 'applied'],
    ])
  })

  it('a unit back at another rate: each stay at its own rate, the later stay a part; equal rates stay one line', () => {
    const first = rental({
      id: 'a1',
      operationStart: '2026-01-01',
      retiredOn: '2026-01-05',
      dailyRate: '5.00',
    })
    const back = (rate: string) => rental({ id: 'a2', operationStart: '2026-01-26', dailyRate: rate })
    const other = computeSheetLines({ ...EMPTY, rentals: [first, back('9.00')] })
    expect(other.map((l) => [l.key, l.sourceId, l.quantity, l.unitPrice, l.total])).toEqual([
      [key, 'a2', '5', '5.00', '25.00'],
      [`${key}@2026-01-26`, 'a2', '6', '9.00', '54.00'],
    ])
    expect(other[1]?.description).toMatch(/\(TARIFA DESDE 26\/01\/2026\)$/)
    // the order of the input does not matter
    const reversed = computeSheetLines({ ...EMPTY, rentals: [back('9.00'), first] })
    expect(reversed.map(({ assignmentIds: _, ...l }) => l)).toEqual(
      other.map(({ assignmentIds: _, ...l }) => l),
    )
    const same = computeSheetLines({ ...EMPTY, rentals: [first, back('5.00')] })
    expect(same.map((l) => [l.key, l.quantity, l.total])).toEqual([[key, '11', '55.00']])
  })

  it('dates outside the allowed window are dropped by the engine (e.g. after a period change)', () => {
    const lines = computeSheetLines({
      ...base,
      lineStates: [
        {
          key,
          dayEdit: {
            dates: ['2026-01-09', '2026-01-11', '2026-02-01', 'garbage'],
            assignmentVersion: version,
          },
        },
      ],
    })
    expect(lines[0]?.dates).toEqual(['2026-01-11'])
  })

  it('an edit may add a date outside the frequency but inside the window', () => {
    const input = { ...EMPTY, rentals: [rental({ id: 'a', frequency: { kind: 'weekdays', days: ['mon'] } })] }
    const v = computeSheetLines(input)[0]?.sourceVersion ?? ''
    const lines = computeSheetLines({
      ...input,
      lineStates: [{ key, dayEdit: { dates: ['2026-01-06'], assignmentVersion: v } }],
    })
    expect(lines[0]?.dates).toEqual(['2026-01-06'])
  })

  describe('validateDayEdit', () => {
    const assignments = [
      rental({ id: 'a', operationStart: '2025-12-01', retiredOn: '2026-01-10' }),
      rental({ id: 'b', operationStart: '2026-01-20' }),
    ]
    it('accepts dates inside period ∩ operation windows; sorts and merges duplicates', () => {
      expect(
        validateDayEdit({ period: JAN, assignments, dates: ['2026-01-21', '2026-01-01', '2026-01-21'] }),
      ).toEqual({
        ok: true,
        dates: ['2026-01-01', '2026-01-21'],
      })
      expect(validateDayEdit({ period: JAN, assignments, dates: [] })).toEqual({ ok: true, dates: [] })
    })
    it('rejects dates outside the window (the gap between assignments, outside the period) and malformed ones', () => {
      const result = validateDayEdit({
        period: JAN,
        assignments,
        dates: ['2026-01-10', '2026-01-15', '2026-02-01', '15', 15],
      })
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.errors.map((e) => e.path)).toEqual(['dates.1', 'dates.2', 'dates.3', 'dates.4'])
      expect(validateDayEdit({ period: JAN, assignments, dates: 'x' })).toMatchObject({
        ok: false,
        errors: [{ path: 'dates', message: expect.any(String) as string }],
      })
    })
    it('allowed window = period ∩ union of the equipment operation windows', () => {
      expect(rentalAllowedDates(JAN, assignments)).toHaveLength(22)
    })
  })
})

describe('removed lines', () => {
  it('a line the user removed is not emitted, recomputation after recomputation', () => {
    const input: SheetLinesInput = {
      ...WORKED_EXAMPLE,
      lineStates: [
        { key: 'rental:BT-185', removed: true },
        { key: 'rental:BT-185@2026-01-20', removed: true },
        { key: 'service:S', removed: true },
      ],
    }
    for (let i = 0; i < 2; i++) {
      const keys = computeSheetLines(input).map((l) => l.key)
      expect(keys).not.toContain('rental:BT-185')
      expect(keys).not.toContain('service:S')
      expect(keys).toContain('maintenance:M1:technical')
    }
    const { totals } = computeSheet({ ...input, taxRate: '0.15' })
    expect(totals.subtotal).toBe('270.00') // 467.00 − 50.00 − 72.00 − 75.00
  })

  it('a removed document line stays removed too; clearing the flag brings it back', () => {
    const input = { ...WORKED_EXAMPLE, lineStates: [{ key: 'shipping:G1:transport', removed: true }] }
    expect(computeSheetLines(input).map((l) => l.key)).not.toContain('shipping:G1:transport')
    const restored = { ...WORKED_EXAMPLE, lineStates: [{ key: 'shipping:G1:transport', removed: false }] }
    expect(computeSheetLines(restored).map((l) => l.key)).toContain('shipping:G1:transport')
  })
})

describe('service and document lines', () => {
  it('cancelled chains give no service date and no logistics line; chains outside the period give no date', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      services: [{ id: 's', unitPrice: '25.00', description: 'LIMPIEZA' }],
      custodyChains: [
        chain({
          id: 'c1',
          status: 'cancelled',
          activityDate: '2026-01-05',
          attendedAssignmentIds: ['s'],
          logisticsCost: '40.00',
        }),
        chain({ id: 'c2', status: 'closed', activityDate: '2026-02-02', attendedAssignmentIds: ['s'] }),
        chain({
          id: 'c3',
          status: 'draft',
          activityDate: '2026-01-06',
          attendedAssignmentIds: ['s', 'other'],
        }),
      ],
    })
    expect(lines.map((l) => [l.key, l.dates.join(' '), l.total])).toEqual([
      ['service:s', '2026-01-06', '25.00'],
    ])
  })

  it('a service without visits has no line', () => {
    expect(
      computeSheetLines({ ...EMPTY, services: [{ id: 's', unitPrice: '25.00', description: 'x' }] }),
    ).toEqual([])
  })

  it('document lines only when the amount > 0; void documents give nothing; default texts', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      maintenanceSheets: [
        {
          id: 'm1',
          status: 'closed',
          startDate: '2026-01-03',
          technicalCost: '0',
          logisticsCost: '15.50',
          logisticsDescription: '',
        },
        { id: 'm2', status: 'void', startDate: '2026-01-03', technicalCost: '99.00', logisticsCost: '99.00' },
        { id: 'm3', status: 'draft', startDate: '2026-01-04', technicalCost: '0.00', logisticsCost: '0.00' },
      ],
      shippingGuides: [
        {
          id: 'g1',
          status: 'closed',
          issueDate: '2026-01-05',
          transportCost: '0',
          stowageCost: '12.00',
          stowageDescription: 'ESTIBA GRÚA',
        },
        { id: 'g2', status: 'void', issueDate: '2026-01-05', transportCost: '50.00', stowageCost: '0' },
      ],
      custodyChains: [
        chain({ id: 'c1', activityDate: '2026-01-06', logisticsCost: '0' }),
        chain({ id: 'c2', activityDate: '2026-01-07', logisticsCost: '0.01', equipmentId: 'eq-9' }),
      ],
    })
    expect(lines.map((l) => [l.key, l.description, l.total, l.equipmentId ?? null])).toEqual([
      ['custody:c2:logistics', 'LOGÍSTICA', '0.01', 'eq-9'],
      ['shipping:g1:stowage', 'ESTIBA GRÚA', '12.00', null],
      ['maintenance:m1:logistics', 'LOGÍSTICA', '15.50', null],
    ])
  })

  it('a linked document dated outside the period is billed (1 unit) with no date marked', () => {
    const lines = computeSheetLines({
      ...EMPTY,
      shippingGuides: [
        { id: 'g', status: 'draft', issueDate: '2025-12-28', transportCost: '80.00', stowageCost: '0' },
      ],
    })
    expect(lines[0]).toMatchObject({ dates: [], quantity: '1', total: '80.00' })
  })

  it('refuses negative document amounts and repeated document ids', () => {
    const m = {
      id: 'm',
      status: 'draft',
      startDate: '2026-01-03',
      technicalCost: '5',
      logisticsCost: '0',
    } as const
    expect(() => computeSheetLines({ ...EMPTY, maintenanceSheets: [{ ...m, logisticsCost: '-5' }] })).toThrow(
      RangeError,
    )
    expect(() => computeSheetLines({ ...EMPTY, maintenanceSheets: [m, m] })).toThrow(/duplicate line/)
  })
})
