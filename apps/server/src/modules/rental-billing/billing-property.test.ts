import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Frequency, Weekday } from './billing-dates'
import {
  computeSheetLines,
  lineKey,
  rentalSourceVersion,
  type CustodyChainInput,
  type LineState,
  type MaintenanceSheetInput,
  type RentalAssignmentInput,
  type ServiceAssignmentInput,
  type ShippingGuideInput,
  type SheetLinesInput,
} from './billing-lines'
import { computeSheet } from './billing-sheet'

/**
 * Property test: random sheets (assignments, documents, chains, day edits, removals) against independent
 * oracles written with BigInt cents and UTC-only Date arithmetic. fast-check draws 1000 cases (`FC_RUNS`)
 * from a fixed seed (`FC_SEED` picks another); a failing case is shrunk to a minimal sheet and printed with
 * its seed and path, which `fc.assert(…, { seed, path })` replays.
 */

/**
 * The draws the generator makes, read from a tape of random integers that fast-check generates and shrinks:
 * a shrunk draw moves towards the lowest choice (fewer records, earlier dates, "no" to every option), so a
 * failing sheet shrinks to a minimal one. Past the end of the tape every draw is the lowest choice.
 */
const TAPE_LENGTH = 768 // a sheet makes at most about 600 draws
// unbiased: every choice as likely as the others, so every path is exercised evenly
const tape = fc.array(fc.noBias(fc.nat()), { minLength: TAPE_LENGTH, maxLength: TAPE_LENGTH })
function rngOf(draws: readonly number[]) {
  let next = 0
  const int = (min: number, max: number) => min + ((draws[next++] ?? 0) % (max - min + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T
  const chance = (p: number) => int(0, 999) >= 1000 - Math.round(p * 1000)
  return { int, pick, chance }
}
type Rng = ReturnType<typeof rngOf>

const DAY_MS = 86_400_000
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** A money string: mostly cents, sometimes zero, sometimes 3–4 decimals (rounded per line). */
function money(r: Rng, max = 50_000, allowExtraDecimals = true): string {
  if (r.chance(0.15)) return r.pick(['0', '0.00'])
  const cents = r.int(1, max)
  const base = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
  return allowExtraDecimals && r.chance(0.1) ? `${base}${r.int(1, 99)}` : base
}

const volume = (r: Rng) => `${r.int(0, 40_000)}.${String(r.int(0, 99)).padStart(2, '0')}`

function frequency(r: Rng): Frequency {
  const kind = r.pick(['daily', 'daily', 'weekdays', 'monthdays'] as const)
  if (kind === 'daily') return { kind }
  if (kind === 'weekdays') {
    const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
    const days: Weekday[] = Array.from(
      { length: r.int(0, 4) },
      () => (r.chance(0.5) ? r.int(0, 6) : r.pick(names)) as Weekday,
    )
    return { kind, days }
  }
  return {
    kind,
    days: Array.from({ length: r.int(0, 5) }, () => r.pick([1, 2, 15, 28, 29, 30, 31, r.int(1, 31)])),
  }
}

function randomSheet(r: Rng): SheetLinesInput & { taxRate: string } {
  const ps = dayOf('2025-01-01') + r.int(0, 4 * 365)
  const pe = ps + r.int(0, 75)
  const period = { start: dateOf(ps), end: dateOf(pe) }
  const around = (before: number, after: number) => dateOf(r.int(ps - before, pe + after))

  const rentals: RentalAssignmentInput[] = []
  const equipmentCount = r.int(0, 8)
  for (let e = 0; e < equipmentCount; e++) {
    for (let k = r.int(1, 3); k > 0; k--) {
      const start = r.int(ps - 60, pe + 10)
      rentals.push({
        id: `r${rentals.length}`,
        equipmentId: `eq${e}`,
        dailyRate: money(r),
        frequency: frequency(r),
        operationStart: dateOf(start),
        operationEnd: r.chance(0.5) ? null : dateOf(start + r.int(-3, 80)),
        retiredOn: r.chance(0.3) ? dateOf(start + r.int(0, 80)) : null,
        description: `ALQUILER eq${e}`,
        version: r.int(1, 3),
      })
    }
  }
  const services: ServiceAssignmentInput[] = Array.from({ length: r.int(0, 5) }, (_, i) => ({
    id: `s${i}`,
    unitPrice: money(r),
    description: `SERVICIO ${i}`,
  }))
  const custodyChains: CustodyChainInput[] = Array.from({ length: r.int(0, 14) }, (_, i) => ({
    id: `c${i}`,
    status: r.pick(['draft', 'closed', 'cancelled'] as const),
    activityDate: around(5, 5),
    attendedAssignmentIds: services
      .filter(() => r.chance(0.4))
      .map((s) => s.id)
      .concat(r.chance(0.1) ? ['unknown'] : []),
    logisticsCost: r.chance(0.5) ? '0' : money(r),
    gallons: volume(r),
    barrels: volume(r),
    cubicMeters: volume(r),
  }))
  const maintenanceSheets: MaintenanceSheetInput[] = Array.from({ length: r.int(0, 5) }, (_, i) => ({
    id: `m${i}`,
    status: r.pick(['draft', 'closed', 'void'] as const),
    startDate: around(10, 10),
    technicalCost: money(r),
    logisticsCost: money(r),
  }))
  const shippingGuides: ShippingGuideInput[] = Array.from({ length: r.int(0, 4) }, (_, i) => ({
    id: `g${i}`,
    status: r.pick(['draft', 'closed', 'void'] as const),
    issueDate: around(3, 3),
    transportCost: money(r),
    stowageCost: money(r),
  }))

  // User actions: removals of any kind of line, day edits with the right or a stale version, dates anywhere.
  const lineStates: LineState[] = []
  const equipmentIds = [...new Set(rentals.map((a) => a.equipmentId))]
  for (const eq of equipmentIds) {
    const group = rentals.filter((a) => a.equipmentId === eq)
    if (r.chance(0.1)) lineStates.push({ key: lineKey.rental(eq), removed: true })
    else if (r.chance(0.4)) {
      lineStates.push({
        key: lineKey.rental(eq),
        dayEdit: {
          dates: Array.from({ length: r.int(0, 12) }, () => around(5, 5)),
          assignmentVersion: r.chance(0.75) ? rentalSourceVersion(group) : 'stale@0',
        },
      })
    }
  }
  for (const s of services) if (r.chance(0.1)) lineStates.push({ key: lineKey.service(s.id), removed: true })
  for (const m of maintenanceSheets)
    if (r.chance(0.05)) lineStates.push({ key: lineKey.maintenance(m.id, 'technical'), removed: true })

  const taxRate = r.pick(['0.15', '0.1500', '0.12', '0.16', '0', '0.125'])
  return { period, rentals, services, custodyChains, maintenanceSheets, shippingGuides, lineStates, taxRate }
}

// ---- oracles (BigInt, independent of decimal.js) ----

/** Exact value of a plain decimal string as (numerator, 10^scale). */
function rational(s: string): { num: bigint; den: bigint } {
  const [i = '0', f = ''] = s.split('.')
  return { num: BigInt(i + f), den: 10n ** BigInt(f.length) }
}
/** Half-up to cents of num/den ≥ 0. */
const halfUpCents = (num: bigint, den: bigint): bigint => (num * 200n + den) / (2n * den)
function cents(s: string): bigint {
  expect(s).toMatch(/^\d+\.\d{2}$/)
  return rational(s).num
}

/** Billed dates by brute force over the period with UTC Date maths (weekday Mon = 0). */
function oracleDates(period: { start: string; end: string }, a: RentalAssignmentInput): string[] {
  const end = a.retiredOn ?? a.operationEnd
  const out: string[] = []
  for (let d = dayOf(period.start); d <= dayOf(period.end); d++) {
    if (d < dayOf(a.operationStart) || (end !== null && d > dayOf(end))) continue
    const date = new Date(d * DAY_MS)
    const f = a.frequency
    const weekday = (date.getUTCDay() + 6) % 7
    const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
    const ok =
      f.kind === 'daily' ||
      (f.kind === 'weekdays' &&
        f.days.some((x) => (typeof x === 'number' ? x : names.indexOf(x)) === weekday)) ||
      (f.kind === 'monthdays' && f.days.includes(date.getUTCDate()))
    if (ok) out.push(dateOf(d))
  }
  return out
}

/** The rate of a rental date: the assignment on site that day (active first, then latest start, larger id). */
function oracleRate(group: readonly RentalAssignmentInput[], d: string): string {
  const on = group
    .filter((a) => {
      const end = a.retiredOn ?? a.operationEnd
      return a.operationStart <= d && (end === null || d <= end)
    })
    .sort((a, b) =>
      !a.retiredOn !== !b.retiredOn
        ? a.retiredOn
          ? 1
          : -1
        : a.operationStart !== b.operationStart
          ? a.operationStart < b.operationStart
            ? 1
            : -1
          : a.id < b.id
            ? 1
            : -1,
    )
  return on[0]!.dailyRate
}

const CASES = 1000

describe(`property: ${CASES} random sheets`, () => {
  it('lines sum to the subtotal, total = subtotal + IVA, quantities ≥ 0, dates inside the period, rules hold', () => {
    const seen = {
      lines: 0,
      rental: 0,
      service: 0,
      document: 0,
      applied: 0,
      stale: 0,
      removed: 0,
      extraDecimals: 0,
      zeroQuantity: 0,
    }
    const check = (input: ReturnType<typeof randomSheet>) => {
      const ctx = 'sheet'
      const { lines, totals } = computeSheet(input)
      seen.lines += lines.length
      seen.removed += (input.lineStates ?? []).filter((s) => s.removed).length

      // Σ line totals = subtotal, to the cent; total = subtotal + IVA; IVA = half-up(subtotal × rate).
      const sum = lines.reduce((acc, l) => acc + cents(l.total), 0n)
      expect(cents(totals.subtotal), ctx).toBe(sum)
      const rate = rational(input.taxRate)
      expect(cents(totals.tax), ctx).toBe(halfUpCents(sum * rate.num, 100n * rate.den))
      expect(cents(totals.total), ctx).toBe(sum + cents(totals.tax))

      const keys = new Set<string>()
      const removed = new Set((input.lineStates ?? []).filter((s) => s.removed).map((s) => s.key))
      const removedAny = (eq: string | undefined) =>
        [...removed].some(
          (k) => k === lineKey.rental(eq ?? '') || k.startsWith(`${lineKey.rental(eq ?? '')}@`),
        )
      const liveChains = input.custodyChains.filter((c) => c.status !== 'cancelled')
      for (const l of lines) {
        expect(keys.has(l.key), `${ctx} duplicate ${l.key}`).toBe(false)
        keys.add(l.key)
        expect(removed.has(l.key), `${ctx} removed ${l.key} came back`).toBe(false)

        // quantity: a non-negative integer; days lines count their dates, document lines are 1 unit.
        expect(l.quantity, ctx).toMatch(/^\d+$/)
        expect(l.quantity, ctx).toBe(l.unit === 'days' ? String(l.dates.length) : '1')
        // total = half-up(quantity × unit price) to cents.
        const price = rational(l.unitPrice)
        expect(cents(l.total), `${ctx} ${l.key}`).toBe(halfUpCents(BigInt(l.quantity) * price.num, price.den))

        // dates: sorted, distinct, inside the period.
        for (let i = 0; i < l.dates.length; i++) {
          const d = l.dates[i] ?? ''
          expect(d >= input.period.start && d <= input.period.end, `${ctx} ${l.key} ${d}`).toBe(true)
          if (i > 0) expect((l.dates[i - 1] ?? '') < d, `${ctx} ${l.key} order`).toBe(true)
        }

        if (l.unitPrice.split('.')[1]?.length !== 2) seen.extraDecimals++
        if (l.quantity === '0') seen.zeroQuantity++
        if (l.kind === 'rental') {
          seen.rental++
          if (l.dayEdit === 'applied') seen.applied++
          if (l.dayEdit === 'stale') seen.stale++
          const group = input.rentals.filter((a) => a.equipmentId === l.equipmentId)
          const union = [...new Set(group.flatMap((a) => oracleDates(input.period, a)))].sort()
          if (l.dayEdit === 'applied') {
            // the edit is kept for the whole equipment (under the first part's key)
            const state = input.lineStates?.find((s) => s.key === lineKey.rental(l.equipmentId ?? ''))
            const allowed = new Set(
              group.flatMap((a) => oracleDates(input.period, { ...a, frequency: { kind: 'daily' } })),
            )
            for (const d of l.dates) {
              expect(state?.dayEdit?.dates.includes(d), ctx).toBe(true)
              expect(allowed.has(d), `${ctx} edit date ${d} outside window`).toBe(true)
            }
          } else if (!removedAny(l.equipmentId)) {
            // the parts of the line (one per rate) together bill the union of the billed dates
            const parts = lines.filter((x) => x.kind === 'rental' && x.equipmentId === l.equipmentId)
            expect(parts.flatMap((x) => x.dates).sort(), `${ctx} ${l.key}`).toEqual(union)
          }
          // each date at the rate of the assignment on site that day
          const price = rational(l.unitPrice)
          for (const d of l.dates) {
            const want = rational(oracleRate(group, d))
            expect(want.num * price.den, `${ctx} ${l.key} ${d}`).toBe(price.num * want.den)
          }
        } else if (l.kind === 'service') {
          seen.service++
          const dates = [
            ...new Set(
              liveChains
                .filter((c) => c.attendedAssignmentIds.includes(l.sourceId))
                .map((c) => c.activityDate)
                .filter((d) => d >= input.period.start && d <= input.period.end),
            ),
          ].sort()
          expect(l.dates, ctx).toEqual(dates)
          expect(dates.length, ctx).toBeGreaterThan(0)
        } else {
          // document lines: only for amounts > 0, never from void documents or cancelled chains.
          seen.document++
          expect(cents(l.total) > 0n, `${ctx} ${l.key} zero document line`).toBe(true)
          const source =
            l.kind === 'custody'
              ? liveChains.find((c) => c.id === l.sourceId)
              : (l.kind === 'shipping' ? input.shippingGuides : input.maintenanceSheets).find(
                  (d) => d.id === l.sourceId && d.status !== 'void',
                )
          expect(source, `${ctx} ${l.key} from a void/cancelled source`).toBeDefined()
        }
      }

      // Every service with ≥ 1 live visit in the period and every document amount > 0 has its line (unless removed).
      for (const g of input.shippingGuides) {
        const k = lineKey.shipping(g.id, 'transport')
        const expected = g.status !== 'void' && rational(g.transportCost).num > 0n && !removed.has(k)
        expect(keys.has(k), `${ctx} ${k}`).toBe(expected)
      }

      // Volumes = exact sums of the non-cancelled chains.
      for (const field of ['gallons', 'barrels', 'cubicMeters'] as const) {
        expect(cents(totals[field]), ctx).toBe(liveChains.reduce((acc, c) => acc + cents(c[field]), 0n))
      }

      // Recomputation is deterministic and idempotent.
      expect(computeSheetLines(input), ctx).toEqual(lines)
    }
    fc.assert(
      // mapped: a failure prints the shrunk sheet itself, not its tape
      fc.property(
        tape.map((draws) => randomSheet(rngOf(draws))),
        (sheet) => {
          check(sheet)
        },
      ),
      {
        numRuns: Number(process.env.FC_RUNS ?? CASES),
        seed: Number(process.env.FC_SEED ?? 20_250_101),
      },
    )
    // The generator really exercises every path.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(50)
  })
})
