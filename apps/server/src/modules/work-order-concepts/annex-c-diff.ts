import Decimal from 'decimal.js'
import { compareCode, foldText, normalizeAnnex } from './annex-c-parser'

/** Exact arithmetic: 40 significant digits, far above numeric(25,6) sums and products; nothing here rounds. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

/**
 * Diff of a newly imported Anexo C concept set against the work order's active version, shown to the user
 * before confirming the import. Lines are matched by (annex, code, description) — the key the family
 * consolidation uses (docs/work-order-concepts.md#family-consolidation) — with codes compared without trailing dots and descriptions ignoring case,
 * accents and white-space runs. A line repeated in one set is paired by occurrence (first with first).
 * Amounts are exact (volume × unit price, no rounding), as decimal strings.
 */

export type AnnexLine = {
  annex: string
  code: string
  description: string
  unitKey: string
  volume: string
  priceMxn: string
  priceUsd: string
  /** YYYY-MM-DD → planned volume; compared when both sides carry it */
  plannedByDay?: Record<string, string>
}

export type Delta = { from: string; to: string; delta: string }

export type AnnexLineChange<L extends AnnexLine = AnnexLine> = {
  before: L
  after: L
  volume?: Delta
  priceMxn?: Delta
  priceUsd?: Delta
  unit?: { from: string; to: string }
  /** the planned-per-day programme differs (only when both lines carry one) */
  plannedChanged: boolean
}

export type Money = { mxn: string; usd: string }

export type AnnexDiff<L extends AnnexLine = AnnexLine> = {
  added: L[]
  removed: L[]
  changed: AnnexLineChange<L>[]
  unchangedCount: number
  /** Σ volume × price per currency, exact */
  totals: { before: Money; after: Money; delta: Money }
  identical: boolean
}

/** `active` = the version in force (empty array when the OT has none); `incoming` = the parsed file. */
export function diffAnnexC<L extends AnnexLine>(active: L[], incoming: L[]): AnnexDiff<L> {
  const before = keyed(active)
  const after = keyed(incoming)
  const added: L[] = []
  const changed: AnnexLineChange<L>[] = []
  let unchangedCount = 0
  for (const [key, line] of after) {
    const old = before.get(key)
    if (!old) {
      added.push(line)
      continue
    }
    const change: AnnexLineChange<L> = { before: old, after: line, plannedChanged: false }
    let differs = false
    for (const field of ['volume', 'priceMxn', 'priceUsd'] as const) {
      const from = dec(old[field])
      const to = dec(line[field])
      if (!from.eq(to)) {
        change[field] = { from: from.toFixed(), to: to.toFixed(), delta: to.minus(from).toFixed() }
        differs = true
      }
    }
    if (old.unitKey !== line.unitKey) {
      change.unit = { from: old.unitKey, to: line.unitKey }
      differs = true
    }
    if (old.plannedByDay && line.plannedByDay && !samePlan(old.plannedByDay, line.plannedByDay)) {
      change.plannedChanged = true
      differs = true
    }
    if (differs) changed.push(change)
    else unchangedCount++
  }
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, line]) => line)
  const totalBefore = total(active)
  const totalAfter = total(incoming)
  return {
    added,
    removed,
    changed,
    unchangedCount,
    totals: {
      before: money(totalBefore),
      after: money(totalAfter),
      delta: money({
        mxn: totalAfter.mxn.minus(totalBefore.mxn),
        usd: totalAfter.usd.minus(totalBefore.usd),
      }),
    },
    identical: added.length + removed.length + changed.length === 0,
  }
}

/** The matching key of a line: (annex, code, description), normalised. */
export function annexLineKey(line: Pick<AnnexLine, 'annex' | 'code' | 'description'>): string {
  return [normalizeAnnex(line.annex), compareCode(line.code), foldText(line.description)].join('\u001f')
}

function keyed<L extends AnnexLine>(lines: L[]): Map<string, L> {
  const map = new Map<string, L>()
  const occurrences = new Map<string, number>()
  for (const line of lines) {
    const base = annexLineKey(line)
    const n = (occurrences.get(base) ?? 0) + 1
    occurrences.set(base, n)
    map.set(n === 1 ? base : `${base}\u001f#${n}`, line)
  }
  return map
}

function dec(v: string | null | undefined): Decimal {
  return new D(v === null || v === undefined || v === '' ? 0 : v)
}

function samePlan(a: Record<string, string>, b: Record<string, string>): boolean {
  const days = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const d of days) if (!dec(a[d]).eq(dec(b[d]))) return false
  return true
}

function total(lines: AnnexLine[]): { mxn: Decimal; usd: Decimal } {
  let mxn = new D(0)
  let usd = new D(0)
  for (const l of lines) {
    mxn = mxn.plus(dec(l.volume).times(dec(l.priceMxn)))
    usd = usd.plus(dec(l.volume).times(dec(l.priceUsd)))
  }
  return { mxn, usd }
}

function money(m: { mxn: Decimal; usd: Decimal }): Money {
  return { mxn: m.mxn.toFixed(), usd: m.usd.toFixed() }
}
