/**
 * The pure arithmetic of the rental dashboard (docs/insights.md#rental): equipment utilization from the
 * assignment windows, sheet amounts by status, month and client. Money is exact (decimal.js, no rounding);
 * the utilization percentage is the one rounded figure (one decimal, half-up, for display).
 */
import Decimal from 'decimal.js'
import { inclusiveDays, toEpochDay } from '@faena/domain/calendar-date'
import { BILLING_SHEET_STATUSES, type TBillingSheetStatus, type TRentalDashboard } from '@faena/contracts'

const D = Decimal.clone({ precision: 40 })

export type AssignmentWindow = { equipmentId: string; start: string; end: string | null }

/**
 * Days on site of the equipment within [from, to]: per unit, the days covered by any of its windows (a day
 * counted once even where two windows touch or overlap), summed over the units.
 */
export function equipmentDays(windows: readonly AssignmentWindow[], from: string, to: string): number {
  const perUnit = new Map<string, [number, number][]>()
  const lo = toEpochDay(from)
  const hi = toEpochDay(to)
  for (const w of windows) {
    const start = Math.max(lo, toEpochDay(w.start))
    const end = Math.min(hi, w.end === null ? hi : toEpochDay(w.end))
    if (end < start) continue
    const list = perUnit.get(w.equipmentId) ?? []
    list.push([start, end])
    perUnit.set(w.equipmentId, list)
  }
  let days = 0
  for (const spans of perUnit.values()) {
    spans.sort((a, b) => a[0] - b[0])
    let [curStart, curEnd] = spans[0] as [number, number]
    for (const [s, e] of spans.slice(1)) {
      if (s <= curEnd + 1) curEnd = Math.max(curEnd, e)
      else {
        days += curEnd - curStart + 1
        ;[curStart, curEnd] = [s, e]
      }
    }
    days += curEnd - curStart + 1
  }
  return days
}

/** Utilization of the fleet over [from, to]: days on site ÷ (fleet × days), a percentage with one decimal. */
export function utilization(
  windows: readonly AssignmentWindow[],
  fleet: number,
  from: string,
  to: string,
): TRentalDashboard['equipment']['utilization'] {
  const days = inclusiveDays(from, to)
  const used = equipmentDays(windows, from, to)
  const capacity = fleet * days
  return {
    from,
    to,
    days,
    equipmentDays: used,
    capacityDays: capacity,
    // display rounding: one decimal, half-up (docs/insights.md#rental)
    percent:
      capacity > 0
        ? new D(used).times(100).div(capacity).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)
        : null,
  }
}

export type SheetFigure = {
  status: TBillingSheetStatus
  periodStart: string
  currency: string
  subtotal: string
  total: string
  clientId: string | null
  clientName: string
}

type Amounts = { currency: string; subtotal: string; total: string }

/** Adds sheets' amounts per currency (currencies in alphabetical order). */
function addUp(sheets: readonly SheetFigure[]): Amounts[] {
  const by = new Map<string, { subtotal: Decimal; total: Decimal }>()
  for (const s of sheets) {
    const a = by.get(s.currency) ?? { subtotal: new D(0), total: new D(0) }
    a.subtotal = a.subtotal.plus(s.subtotal)
    a.total = a.total.plus(s.total)
    by.set(s.currency, a)
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, a]) => ({ currency, subtotal: a.subtotal.toFixed(), total: a.total.toFixed() }))
}

/** The statuses whose sheets are revenue: liquidated (closed, to invoice) and invoiced. */
export const REVENUE_STATUSES: readonly TBillingSheetStatus[] = ['liquidated', 'invoiced']

const groupBy = <K>(sheets: readonly SheetFigure[], key: (s: SheetFigure) => K) => {
  const out = new Map<K, SheetFigure[]>()
  for (const s of sheets) {
    const k = key(s)
    const list = out.get(k)
    if (list) list.push(s)
    else out.set(k, [s])
  }
  return out
}

/** Sheets by status; revenue (liquidated + invoiced) by month of the period start and by client. */
export function sheetFigures(
  sheets: readonly SheetFigure[],
): Pick<TRentalDashboard, 'sheets' | 'revenueByMonth' | 'revenueByClient'> {
  const byStatus = groupBy(sheets, (s) => s.status)
  const revenue = sheets.filter((s) => REVENUE_STATUSES.includes(s.status))
  const byMonth = groupBy(revenue, (s) => s.periodStart.slice(0, 7))
  const byClient = groupBy(revenue, (s) => s.clientId ?? `name:${s.clientName}`)
  const clients = [...byClient.values()].map((list) => ({
    clientId: list[0]?.clientId ?? null,
    clientName: list[0]?.clientName ?? '',
    amounts: addUp(list),
    sum: list.reduce((a, s) => a.plus(s.subtotal), new D(0)),
  }))
  clients.sort((a, b) => b.sum.comparedTo(a.sum) || a.clientName.localeCompare(b.clientName, 'es'))
  return {
    sheets: {
      byStatus: BILLING_SHEET_STATUSES.map((status) => {
        const list = byStatus.get(status) ?? []
        return { status, count: list.length, amounts: addUp(list) }
      }),
    },
    revenueByMonth: [...byMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, list]) => ({ month, amounts: addUp(list) })),
    revenueByClient: clients.map(({ clientId, clientName, amounts }) => ({ clientId, clientName, amounts })),
  }
}
