/**
 * The pure arithmetic of the offshore dashboard (docs/insights.md#offshore): counts from the rows the
 * proposals and work-orders modules give, and the money authorized by month from the Anexo C lines in force.
 * Money is exact: decimal.js, nothing rounded.
 */
import Decimal from 'decimal.js'
import {
  PROPOSAL_STATUSES,
  WORK_ORDER_STATUSES,
  type TOffshoreDashboard,
  type TProposalStatus,
  type TWorkOrderStatus,
} from '@faena/contracts'

/** 40 significant digits: far above numeric(25,6) volumes × prices and their sums. */
const D = Decimal.clone({ precision: 40 })

export type ProposalCount = { status: string; clientId: string; overdue: boolean; count: number }

const byCountThenName = <T extends { name: string; count: number }>(a: T, b: T) =>
  b.count - a.count || a.name.localeCompare(b.name, 'es')

/** Proposals by status (every status, in the pipeline's order) and by client (most proposals first). */
export function proposalFigures(
  counts: readonly ProposalCount[],
  clientName: (id: string) => string,
): TOffshoreDashboard['proposals'] {
  const statusCount = new Map<string, number>()
  const clients = new Map<string, Map<string, number>>()
  let total = 0
  let overdue = 0
  for (const c of counts) {
    total += c.count
    if (c.overdue) overdue += c.count
    statusCount.set(c.status, (statusCount.get(c.status) ?? 0) + c.count)
    const perClient = clients.get(c.clientId) ?? new Map<string, number>()
    perClient.set(c.status, (perClient.get(c.status) ?? 0) + c.count)
    clients.set(c.clientId, perClient)
  }
  const byClient = [...clients].map(([clientId, perStatus]) => ({
    clientId,
    name: clientName(clientId),
    count: [...perStatus.values()].reduce((a, b) => a + b, 0),
    perStatus,
  }))
  byClient.sort(byCountThenName)
  return {
    total,
    overdue,
    byStatus: PROPOSAL_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byClient: byClient.map((c) => ({
      clientId: c.clientId,
      clientName: c.name,
      total: c.count,
      byStatus: PROPOSAL_STATUSES.filter((s) => c.perStatus.has(s)).map((status: TProposalStatus) => ({
        status,
        count: c.perStatus.get(status) ?? 0,
      })),
    })),
  }
}

export type WorkOrderFact = {
  id: string
  familyId: string
  reprogrammingNumber: number | null
  status: TWorkOrderStatus
  frontId: string | null
  plannedStart: string | null
  overdue: boolean
}

/** Work orders by status (every status) and by front (most first; without a front last). */
export function workOrderFigures(
  facts: readonly WorkOrderFact[],
  frontName: (id: string) => string,
): TOffshoreDashboard['workOrders'] {
  const statusCount = new Map<string, number>()
  const fronts = new Map<string | null, { count: number; overdue: number }>()
  let overdue = 0
  for (const w of facts) {
    statusCount.set(w.status, (statusCount.get(w.status) ?? 0) + 1)
    const f = fronts.get(w.frontId) ?? { count: 0, overdue: 0 }
    f.count++
    if (w.overdue) {
      f.overdue++
      overdue++
    }
    fronts.set(w.frontId, f)
  }
  const byFront = [...fronts].map(([frontId, f]) => ({
    frontId,
    name: frontId ? frontName(frontId) : '',
    ...f,
  }))
  byFront.sort((a, b) => Number(a.frontId === null) - Number(b.frontId === null) || byCountThenName(a, b))
  return {
    total: facts.length,
    overdue,
    byStatus: WORK_ORDER_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byFront: byFront.map((f) => ({
      frontId: f.frontId,
      frontName: f.frontId ? f.name : null,
      count: f.count,
      overdue: f.overdue,
    })),
  }
}

/** A line in force of a work order's Anexo C: its consolidation key and exact volume and prices. */
export type AuthorizedLine = { key: string; volume: string; priceMxn: string; priceUsd: string }

export type FamilyMember = Pick<WorkOrderFact, 'id' | 'familyId' | 'reprogrammingNumber' | 'plannedStart'>

/**
 * Money authorized by month (docs/insights.md#money-authorized). Each family's lines are consolidated as
 * docs/work-order-concepts.md#family-consolidation says — the union of its members' lines in force by key,
 * volume and prices of the latest member that has the line — and each consolidated line counts in the month
 * of the programmed start of the member that gives it, when that member is one of `included` (the work orders
 * the filters select). A key repeated inside one version is paired by occurrence, as in the Anexo C diff.
 */
export function authorizedByMonth(
  members: readonly FamilyMember[],
  linesOf: ReadonlyMap<string, readonly AuthorizedLine[]>,
  included: ReadonlySet<string>,
): TOffshoreDashboard['authorized'] {
  const families = new Map<string, FamilyMember[]>()
  for (const m of members) {
    const list = families.get(m.familyId) ?? []
    list.push(m)
    families.set(m.familyId, list)
  }
  type Sum = { mxn: Decimal; usd: Decimal; workOrders: Set<string> }
  const months = new Map<string | null, Sum>()
  for (const family of families.values()) {
    family.sort((a, b) => (a.reprogrammingNumber ?? 0) - (b.reprogrammingNumber ?? 0))
    const consolidated = new Map<string, { line: AuthorizedLine; member: FamilyMember }>()
    for (const member of family) {
      const occurrences = new Map<string, number>()
      for (const line of linesOf.get(member.id) ?? []) {
        const n = (occurrences.get(line.key) ?? 0) + 1
        occurrences.set(line.key, n)
        consolidated.set(n === 1 ? line.key : `${line.key}\u001f#${n}`, { line, member })
      }
    }
    for (const { line, member } of consolidated.values()) {
      if (!included.has(member.id)) continue
      const month = member.plannedStart ? member.plannedStart.slice(0, 7) : null
      const sum = months.get(month) ?? { mxn: new D(0), usd: new D(0), workOrders: new Set<string>() }
      const volume = new D(line.volume)
      sum.mxn = sum.mxn.plus(volume.times(line.priceMxn))
      sum.usd = sum.usd.plus(volume.times(line.priceUsd))
      sum.workOrders.add(member.id)
      months.set(month, sum)
    }
  }
  const ordered = [...months].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
  let mxn = new D(0)
  let usd = new D(0)
  for (const [, s] of ordered) {
    mxn = mxn.plus(s.mxn)
    usd = usd.plus(s.usd)
  }
  const withAnnex = new Set([...included].filter((id) => linesOf.has(id)))
  return {
    byMonth: ordered.map(([month, s]) => ({
      month,
      mxn: s.mxn.toFixed(),
      usd: s.usd.toFixed(),
      workOrders: s.workOrders.size,
    })),
    total: { mxn: mxn.toFixed(), usd: usd.toFixed() },
    withoutAnnex: included.size - withAnnex.size,
  }
}
