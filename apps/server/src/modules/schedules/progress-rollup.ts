import Decimal from 'decimal.js'

/**
 * Schedule progress maths (docs/schedules.md#progress-two-truths), pure: roll-up of leaf percentages to
 * summary tasks and to the whole work order, the planned % of a task at a date, the value of a truth as of a
 * date, and the S-curve points. Percentages are decimal strings in and out, `Decimal` inside; the only
 * rounding is PERCENT_ROUNDING on what is returned.
 */

/** Rule PERCENT_ROUNDING: a rolled-up or planned percentage is returned with 2 decimals, half-up. */
export const roundPercent = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)

export type RollupTask = {
  uid: number
  parentUid: number | null
  weight: string | null
  durationDays: string | null
  start: string | null
  finish: string | null
}

/**
 * What a leaf weighs in the averages: the schedule's weight field when any leaf has a weight above zero;
 * else its duration in working days when any leaf lasts; else every leaf counts the same.
 */
export type WeightBasis = 'weight' | 'duration' | 'count'

const ZERO = new Decimal(0)
const HUNDRED = new Decimal(100)
const dec = (v: string | null | undefined): Decimal => {
  if (v === null || v === undefined || v === '') return ZERO
  try {
    const d = new Decimal(v)
    return d.isFinite() && d.gt(0) ? d : ZERO
  } catch {
    return ZERO
  }
}

/** The tasks that have no children in the version: the only ones whose progress is entered. */
export function leafUids(tasks: readonly Pick<RollupTask, 'uid' | 'parentUid'>[]): Set<number> {
  const parents = new Set(tasks.map((t) => t.parentUid).filter((p): p is number => p !== null))
  return new Set(tasks.filter((t) => !parents.has(t.uid)).map((t) => t.uid))
}

export function weightBasis(leaves: readonly Pick<RollupTask, 'weight' | 'durationDays'>[]): WeightBasis {
  if (leaves.some((t) => dec(t.weight).gt(0))) return 'weight'
  if (leaves.some((t) => dec(t.durationDays).gt(0))) return 'duration'
  return 'count'
}

/** A leaf's weight under a basis (a missing or negative weight or duration weighs nothing). */
export function leafWeight(t: Pick<RollupTask, 'weight' | 'durationDays'>, basis: WeightBasis): Decimal {
  if (basis === 'weight') return dec(t.weight)
  if (basis === 'duration') return dec(t.durationDays)
  return new Decimal(1)
}

/** Σ w·p / Σ w over the leaves; when every weight is zero, the plain average (milestones only). */
function average(items: readonly { w: Decimal; p: Decimal }[]): Decimal {
  if (items.length === 0) return ZERO
  let sw = ZERO
  let swp = ZERO
  let sp = ZERO
  for (const { w, p } of items) {
    sw = sw.plus(w)
    swp = swp.plus(w.times(p))
    sp = sp.plus(p)
  }
  return sw.gt(0) ? swp.div(sw) : sp.div(items.length)
}

/** A prepared schedule: its leaves with their weights and, per task, the leaves under it. */
export type RollupModel = {
  basis: WeightBasis
  leaves: { uid: number; weight: Decimal; start: string | null; finish: string | null }[]
  /** uid → indexes (into `leaves`) of the leaves under it (a leaf: itself) */
  under: Map<number, number[]>
}

export function rollupModel(tasks: readonly RollupTask[]): RollupModel {
  const leafSet = leafUids(tasks)
  const leafTasks = tasks.filter((t) => leafSet.has(t.uid))
  const basis = weightBasis(leafTasks)
  const byUid = new Map(tasks.map((t) => [t.uid, t]))
  const leaves = leafTasks.map((t) => ({
    uid: t.uid,
    weight: leafWeight(t, basis),
    start: t.start,
    finish: t.finish,
  }))
  const under = new Map<number, number[]>()
  leaves.forEach((leaf, i) => {
    let uid: number | null = leaf.uid
    const seen = new Set<number>()
    while (uid !== null && !seen.has(uid)) {
      seen.add(uid)
      const list = under.get(uid)
      if (list) list.push(i)
      else under.set(uid, [i])
      uid = byUid.get(uid)?.parentUid ?? null
    }
  })
  return { basis, leaves, under }
}

/**
 * Every task's percentage (leaves: their own value, missing = 0; summaries: the weighted average of the
 * leaves under them) and the work order's total, PERCENT_ROUNDING applied.
 */
export function rollup(
  model: RollupModel,
  valueOf: (uid: number) => Decimal | null,
): { byUid: Map<number, string>; total: string } {
  const values = model.leaves.map((l) => valueOf(l.uid) ?? ZERO)
  const byUid = new Map<number, string>()
  for (const [uid, idx] of model.under) {
    byUid.set(uid, roundPercent(average(idx.map((i) => ({ w: model.leaves[i]!.weight, p: values[i]! })))))
  }
  return { byUid, total: roundPercent(totalOf(model, values)) }
}

function totalOf(model: RollupModel, values: readonly Decimal[]): Decimal {
  return average(model.leaves.map((l, i) => ({ w: l.weight, p: values[i]! })))
}

// ---------------------------------------------------------------- calendar days (UTC day numbers)

const DAY_MS = 86_400_000
export const dayNumber = (date: string): number =>
  Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  )
export const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10)

/**
 * The planned % of a task at the end of `date`: 0 before its start, 100 from its finish on, linear in
 * calendar days in between (a one-day task or a milestone is 100 on its day). A task without dates has no
 * plan (0).
 */
export function plannedPercentAt(start: string | null, finish: string | null, date: string): Decimal {
  if (!start || !finish) return ZERO
  const s = dayNumber(start)
  const f = Math.max(s, dayNumber(finish))
  const d = dayNumber(date)
  if (d < s) return ZERO
  if (d >= f) return HUNDRED
  return HUNDRED.times(d - s + 1).div(f - s + 1)
}

/** One entry of a truth: the percentage reached at a date. */
export type ProgressPoint = { date: string; percent: string }

/**
 * The value of a truth as of `date`: the entry with the latest date not after it; entries must come in the
 * order they apply (date, then the order they were entered), so on one date the last entered wins.
 */
export function valueAsOf(entries: readonly ProgressPoint[] | undefined, date: string): Decimal | null {
  if (!entries) return null
  let found: ProgressPoint | undefined
  for (const e of entries) {
    if (e.date <= date) found = e
    else break
  }
  return found ? new Decimal(found.percent) : null
}

// ---------------------------------------------------------------- S-curves

export type CurveBy = 'week' | 'month'

/** Sunday that ends the ISO week (Monday–Sunday) of a date. */
export const weekEnd = (date: string): string => {
  const n = dayNumber(date)
  const weekday = (n + 3) % 7 // 0 = Monday (day 0 = 1970-01-01 was a Thursday)
  return fromDayNumber(n + (6 - weekday))
}
const monthEnd = (date: string): string => {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** At most this many points: a longer span is drawn by month. */
export const MAX_CURVE_POINTS = 520

/** The closing dates of every week (Sunday) or month from the period of `from` to that of `to`. */
export function curveDates(from: string, to: string, by: CurveBy): string[] {
  const out: string[] = []
  if (to < from) return out
  if (by === 'week') {
    for (let n = dayNumber(weekEnd(from)); out.length <= MAX_CURVE_POINTS; n += 7) {
      out.push(fromDayNumber(n))
      if (fromDayNumber(n) >= to) break
    }
  } else {
    let d = monthEnd(from)
    while (out.length <= MAX_CURVE_POINTS) {
      out.push(d)
      if (d >= to) break
      d = monthEnd(fromDayNumber(dayNumber(d) + 1))
    }
  }
  return out
}

export type CurvePoint = {
  date: string
  planned: string
  /** null after the period that holds today (no real progress is known yet) */
  real: string | null
  client: string | null
  /** real − client, null when either is */
  gap: string | null
}

/**
 * The S-curve of one schedule: at each closing date, the planned total (leaf plans at that date) and the
 * two truths as of that date (as of today for the period that holds today; none after it).
 */
export function curvePoints(
  model: RollupModel,
  dates: readonly string[],
  today: string,
  truths: { real: Map<number, ProgressPoint[]>; client: Map<number, ProgressPoint[]> },
): CurvePoint[] {
  const points: CurvePoint[] = []
  let previous: string | null = null
  for (const date of dates) {
    const planned = totalOf(
      model,
      model.leaves.map((l) => plannedPercentAt(l.start, l.finish, date)),
    )
    const known = previous === null || previous < today
    const asOf = date < today ? date : today
    const truth = (m: Map<number, ProgressPoint[]>) =>
      known
        ? totalOf(
            model,
            model.leaves.map((l) => valueAsOf(m.get(l.uid), asOf) ?? ZERO),
          )
        : null
    const real = truth(truths.real)
    const client = truth(truths.client)
    points.push({
      date,
      planned: roundPercent(planned),
      real: real ? roundPercent(real) : null,
      client: client ? roundPercent(client) : null,
      gap: real && client ? roundPercent(real.minus(client)) : null,
    })
    previous = date
  }
  return points
}

/** The span a curve covers: the schedule's dates, stretched to its entries and to today once work started. */
export function curveSpan(
  model: RollupModel,
  extra: {
    projectStart: string | null
    projectFinish: string | null
    entryDates: readonly string[]
    today: string
  },
): { from: string; to: string } | null {
  const dates = [
    extra.projectStart,
    extra.projectFinish,
    ...model.leaves.flatMap((l) => [l.start, l.finish]),
    ...extra.entryDates,
  ].filter((d): d is string => Boolean(d))
  if (dates.length === 0) return null
  dates.sort()
  const from = dates[0]!
  let to = dates[dates.length - 1]!
  if (extra.today >= from && extra.today > to) to = extra.today
  return { from, to }
}
