import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import {
  curveDates,
  curvePoints,
  curveSpan,
  leafUids,
  plannedPercentAt,
  rollup,
  rollupModel,
  roundPercent,
  valueAsOf,
  weekEnd,
  weightBasis,
  type ProgressPoint,
  type RollupTask,
} from './progress-rollup'

const task = (uid: number, parentUid: number | null, more: Partial<RollupTask> = {}): RollupTask => ({
  uid,
  parentUid,
  weight: null,
  durationDays: null,
  start: null,
  finish: null,
  ...more,
})
const values = (m: Record<number, string>) => (uid: number) => (m[uid] ? new Decimal(m[uid]) : null)

describe('roll-up', () => {
  // 1 summary ─ 2 (leaf), 3 summary ─ 4, 5 (leaves); 6 a top-level leaf
  const tree = (w: (uid: number) => Partial<RollupTask>) => [
    task(1, null),
    task(2, 1, w(2)),
    task(3, 1),
    task(4, 3, w(4)),
    task(5, 3, w(5)),
    task(6, null, w(6)),
  ]

  it('leaves are the tasks without children', () => {
    expect([...leafUids(tree(() => ({})))].sort()).toEqual([2, 4, 5, 6])
  })

  it('weights from the weight field: summaries and the total are weighted averages of their leaves', () => {
    const weights: Record<number, string> = { 2: '10', 4: '30', 5: '20', 6: '40' }
    const model = rollupModel(tree((uid) => ({ weight: weights[uid]!, durationDays: '1' })))
    expect(model.basis).toBe('weight')
    const r = rollup(model, values({ 2: '100', 4: '50', 5: '0', 6: '25' }))
    // 3: (30·50 + 20·0) / 50 = 30; 1: (10·100 + 30·50) / 60 = 41.666… → 41.67
    expect(r.byUid.get(3)).toBe('30.00')
    expect(r.byUid.get(1)).toBe('41.67')
    expect(r.byUid.get(2)).toBe('100.00')
    // total: (1000 + 1500 + 0 + 1000) / 100 = 35
    expect(r.total).toBe('35.00')
  })

  it('missing weights count zero when the schedule has weights; leaves without progress count 0 %', () => {
    const model = rollupModel(tree((uid) => (uid === 4 ? { weight: '50' } : { durationDays: '5' })))
    expect(model.basis).toBe('weight')
    const r = rollup(model, values({ 4: '80', 2: '100' }))
    expect(r.total).toBe('80.00')
    // summary 3 has 4 (50) and 5 (no weight): 80
    expect(r.byUid.get(3)).toBe('80.00')
    // summary 1: only leaf 4 weighs
    expect(r.byUid.get(1)).toBe('80.00')
  })

  it('without any weight: by duration in working days', () => {
    const d: Record<number, string> = { 2: '2', 4: '1', 5: '1', 6: '4.5' }
    const model = rollupModel(tree((uid) => ({ durationDays: d[uid]! })))
    expect(model.basis).toBe('duration')
    const r = rollup(model, values({ 2: '50', 6: '100' }))
    // (2·50 + 4.5·100) / 8.5 = 64.705… → 64.71
    expect(r.total).toBe('64.71')
    expect(r.byUid.get(1)).toBe('25.00')
  })

  it('0-duration milestones weigh nothing by duration; a summary of milestones only is their plain average', () => {
    const tasks = [
      task(1, null),
      task(2, 1, { durationDays: '0' }),
      task(3, 1, { durationDays: '0.00' }),
      task(4, null, { durationDays: '10' }),
    ]
    const model = rollupModel(tasks)
    expect(model.basis).toBe('duration')
    const r = rollup(model, values({ 2: '100', 4: '20' }))
    expect(r.byUid.get(1)).toBe('50.00')
    expect(r.total).toBe('20.00')
  })

  it('only milestones (no weights, no durations): every leaf counts the same', () => {
    const tasks = [task(1, null, { durationDays: '0' }), task(2, null), task(3, null)]
    expect(weightBasis(tasks)).toBe('count')
    expect(rollup(rollupModel(tasks), values({ 1: '100', 2: '50' })).total).toBe('50.00')
  })

  it('rounds half-up to 2 decimals only at the end', () => {
    expect(roundPercent(new Decimal('12.345'))).toBe('12.35')
    expect(roundPercent(new Decimal('12.344999'))).toBe('12.34')
    // three equal leaves at 0.005 + 0.005 + 0.006 → 0.005333 → 0.01, not a sum of rounded parts
    const tasks = [task(1, null), task(2, null), task(3, null)]
    expect(rollup(rollupModel(tasks), values({ 1: '0.005', 2: '0.005', 3: '0.006' })).total).toBe('0.01')
  })

  it('an empty schedule rolls up to 0; a cycle in parents does not loop', () => {
    expect(rollup(rollupModel([]), () => null).total).toBe('0.00')
    const cyclic = [task(1, 2, { durationDays: '1' }), task(2, 1, { durationDays: '1' })]
    expect(() => rollupModel(cyclic)).not.toThrow()
  })
})

describe('planned % at a date', () => {
  it('linear in calendar days, 100 from the finish day on', () => {
    expect(plannedPercentAt('2026-01-05', '2026-01-14', '2026-01-04').toString()).toBe('0')
    expect(plannedPercentAt('2026-01-05', '2026-01-14', '2026-01-05').toString()).toBe('10')
    expect(plannedPercentAt('2026-01-05', '2026-01-14', '2026-01-09').toString()).toBe('50')
    expect(plannedPercentAt('2026-01-05', '2026-01-14', '2026-01-14').toString()).toBe('100')
    expect(plannedPercentAt('2026-01-05', '2026-01-14', '2027-01-01').toString()).toBe('100')
  })
  it('a milestone is 0 before its day and 100 on it; no dates, no plan', () => {
    expect(plannedPercentAt('2026-02-01', '2026-02-01', '2026-01-31').toString()).toBe('0')
    expect(plannedPercentAt('2026-02-01', '2026-02-01', '2026-02-01').toString()).toBe('100')
    expect(plannedPercentAt(null, '2026-02-01', '2026-03-01').toString()).toBe('0')
  })
})

describe('value as of a date', () => {
  const entries: ProgressPoint[] = [
    { date: '2026-01-10', percent: '10' },
    { date: '2026-01-20', percent: '30' },
    { date: '2026-01-20', percent: '25' }, // a correction entered later on the same date wins
    { date: '2026-02-01', percent: '60' },
  ]
  it('the latest entry not after the date', () => {
    expect(valueAsOf(entries, '2026-01-09')).toBeNull()
    expect(valueAsOf(entries, '2026-01-10')?.toString()).toBe('10')
    expect(valueAsOf(entries, '2026-01-25')?.toString()).toBe('25')
    expect(valueAsOf(entries, '2030-01-01')?.toString()).toBe('60')
    expect(valueAsOf(undefined, '2030-01-01')).toBeNull()
  })
})

describe('S-curves', () => {
  it('weeks close on Sunday; months on their last day', () => {
    expect(weekEnd('2026-01-05')).toBe('2026-01-11') // Monday
    expect(weekEnd('2026-01-11')).toBe('2026-01-11') // Sunday
    expect(curveDates('2026-01-07', '2026-01-20', 'week')).toEqual(['2026-01-11', '2026-01-18', '2026-01-25'])
    expect(curveDates('2026-01-15', '2026-03-01', 'month')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ])
    expect(curveDates('2026-02-01', '2026-01-01', 'week')).toEqual([])
  })

  it('planned from dates and weights; real and client as of each week, none after the week of today', () => {
    const tasks = [
      task(1, null, { weight: '1', start: '2026-01-05', finish: '2026-01-11' }), // week 1
      task(2, null, { weight: '3', start: '2026-01-12', finish: '2026-01-25' }), // weeks 2–3
    ]
    const model = rollupModel(tasks)
    const dates = curveDates('2026-01-05', '2026-01-25', 'week')
    const real = new Map([
      [1, [{ date: '2026-01-09', percent: '100' }]],
      [2, [{ date: '2026-01-16', percent: '20' }]],
    ])
    const client = new Map([[1, [{ date: '2026-01-11', percent: '50' }]]])
    const points = curvePoints(model, dates, '2026-01-14', { real, client })
    expect(points.map((p) => p.date)).toEqual(['2026-01-11', '2026-01-18', '2026-01-25'])
    // week 1: planned (1·100 + 0)/4 = 25; real 25; client 12.5; gap 12.5
    expect(points[0]).toEqual({
      date: '2026-01-11',
      planned: '25.00',
      real: '25.00',
      client: '12.50',
      gap: '12.50',
    })
    // week 2 holds today (14th): real as of today (task 2's 20 % is dated the 16th: not yet)
    // planned: (100 + 3·50) / 4 = 62.5
    expect(points[1]).toEqual({
      date: '2026-01-18',
      planned: '62.50',
      real: '25.00',
      client: '12.50',
      gap: '12.50',
    })
    expect(points[2]).toEqual({ date: '2026-01-25', planned: '100.00', real: null, client: null, gap: null })
  })

  it('span: the schedule dates, stretched to entries and to today once work started', () => {
    const model = rollupModel([task(1, null, { start: '2026-01-05', finish: '2026-01-20' })])
    const base = { projectStart: null, projectFinish: null, entryDates: [] as string[] }
    expect(curveSpan(model, { ...base, today: '2026-03-01' })).toEqual({
      from: '2026-01-05',
      to: '2026-03-01',
    })
    expect(curveSpan(model, { ...base, today: '2025-12-01' })).toEqual({
      from: '2026-01-05',
      to: '2026-01-20',
    })
    expect(curveSpan(rollupModel([task(1, null)]), { ...base, today: '2026-01-01' })).toBeNull()
  })
})
