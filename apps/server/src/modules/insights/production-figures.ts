/**
 * The pure arithmetic of the offshore dashboard's production cards (docs/insights.md#production-money): money
 * executed by month and remaining, with production's own KPI rule (productionMoney, authorizedMoney,
 * homologatedMxn — never a second copy), the unbilled production and the evidence completion. Exact; the
 * evidence percentage is the one rounded figure (one decimal, half-up, for display).
 */
import Decimal from 'decimal.js'
import { EVIDENCE_STATUSES, type TEvidenceStatus, type TOffshoreDashboard } from '@faena/contracts'
import {
  authorizedMoney,
  homologatedMxn,
  productionMoney,
  type FamilyProductionCell,
  type Money,
} from '../production'

type Concept = {
  unitPriceMxn: string
  unitPriceUsd: string
  authorizedVolume: string
  annexKey: string | null
}
export type ProductionFamily = { familyId: string; number: string; concepts: ReadonlyMap<string, Concept> }
export type Rate = { rate: string; validFrom: string } | null

export type ProductionInputs = {
  families: readonly ProductionFamily[]
  /** every cell of the families up to the period's end (all sites): the scope is filtered here */
  cells: readonly FamilyProductionCell[]
  scope: { from?: string | undefined; to?: string | undefined; siteId?: string | undefined }
  /** the date remaining is counted to (the period's end, else today) */
  asOf: string
  /** is the cell held by an approved estimate */
  billed: (c: FamilyProductionCell) => boolean
  /** the organization's evidence annexes (normalized keys) */
  evidenceAnnexes: ReadonlySet<string>
  /** the evidence status of a cell that needs evidence (`pending` without a record) */
  evidenceStatus: (c: FamilyProductionCell) => TEvidenceStatus
  /** the rate in force on the last day of each month (`YYYY-MM`) and on `asOf` */
  rateOfMonth: (month: string) => Rate
  rateAsOf: Rate
}

const zero = (): Money => ({ mxn: new Decimal(0), usd: new Decimal(0) })
const add = (a: Money, b: Money): Money => ({ mxn: a.mxn.plus(b.mxn), usd: a.usd.plus(b.usd) })
const text = (d: Decimal | null) => (d === null ? null : d.toFixed())

/** Does this cell need evidence: its concept's annex is one of the organization's evidence annexes? */
export const needsEvidence = (concept: Concept | undefined, annexes: ReadonlySet<string>) =>
  !!concept?.annexKey && annexes.has(concept.annexKey)

export function productionFigures(i: ProductionInputs): TOffshoreDashboard['production'] {
  const family = new Map(i.families.map((f) => [f.familyId, f]))
  const inScope = (c: FamilyProductionCell) =>
    (!i.scope.from || c.date >= i.scope.from) &&
    (!i.scope.to || c.date <= i.scope.to) &&
    (!i.scope.siteId || c.siteId === i.scope.siteId)

  const months = new Map<string, Money>()
  const perFamily = new Map<
    string,
    { executed: Money; unbilled: Money; unbilledCells: number; needed: number; signed: number }
  >()
  let executed = zero()
  let unbilled = zero()
  let unbilledCells = 0
  const statusCount = new Map<TEvidenceStatus, number>()
  let toDate = zero()
  for (const c of i.cells) {
    const concept = family.get(c.familyId)?.concepts.get(c.conceptId)
    const money = productionMoney(concept, c.volume)
    if (c.date <= i.asOf) toDate = add(toDate, money)
    if (!inScope(c)) continue
    const f = perFamily.get(c.familyId) ?? {
      executed: zero(),
      unbilled: zero(),
      unbilledCells: 0,
      needed: 0,
      signed: 0,
    }
    const month = c.date.slice(0, 7)
    months.set(month, add(months.get(month) ?? zero(), money))
    executed = add(executed, money)
    f.executed = add(f.executed, money)
    if (!i.billed(c)) {
      unbilled = add(unbilled, money)
      unbilledCells++
      f.unbilled = add(f.unbilled, money)
      f.unbilledCells++
    }
    if (needsEvidence(concept, i.evidenceAnnexes)) {
      const status = i.evidenceStatus(c)
      statusCount.set(status, (statusCount.get(status) ?? 0) + 1)
      f.needed++
      if (status === 'signed') f.signed++
    }
    perFamily.set(c.familyId, f)
  }

  const executedByMonth = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      const rate = i.rateOfMonth(month)
      return {
        month,
        mxn: m.mxn.toFixed(),
        usd: m.usd.toFixed(),
        homologatedMxn: text(homologatedMxn(m, rate?.rate ?? null)),
        rate: rate?.rate ?? null,
        rateFrom: rate?.validFrom ?? null,
      }
    })
  // the total homologated is the sum of its months, each at its own rate; unknown when a month has none
  const homologatedTotal = executedByMonth.every((m) => m.homologatedMxn !== null)
    ? executedByMonth.reduce((a, m) => a.plus(m.homologatedMxn!), new Decimal(0))
    : null

  const authorized = i.families.reduce((a, f) => add(a, authorizedMoney(f.concepts.values())), zero())
  const remaining = { mxn: authorized.mxn.minus(toDate.mxn), usd: authorized.usd.minus(toDate.usd) }

  const needed = [...statusCount.values()].reduce((a, b) => a + b, 0)
  const signed = statusCount.get('signed') ?? 0
  return {
    executedByMonth,
    executed: {
      mxn: executed.mxn.toFixed(),
      usd: executed.usd.toFixed(),
      homologatedMxn: text(homologatedTotal),
    },
    remaining: {
      asOf: i.asOf,
      authorizedMxn: authorized.mxn.toFixed(),
      authorizedUsd: authorized.usd.toFixed(),
      executedMxn: toDate.mxn.toFixed(),
      executedUsd: toDate.usd.toFixed(),
      mxn: remaining.mxn.toFixed(),
      usd: remaining.usd.toFixed(),
      homologatedMxn: text(homologatedMxn(remaining, i.rateAsOf?.rate ?? null)),
      rate: i.rateAsOf?.rate ?? null,
      rateFrom: i.rateAsOf?.validFrom ?? null,
    },
    unbilled: { cells: unbilledCells, mxn: unbilled.mxn.toFixed(), usd: unbilled.usd.toFixed() },
    evidence: {
      needed,
      signed,
      percent:
        needed === 0
          ? null
          : new Decimal(signed).times(100).div(needed).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1),
      byStatus: EVIDENCE_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    },
    byWorkOrder: [...perFamily]
      .map(([familyId, f]) => ({
        workOrderId: familyId,
        number: family.get(familyId)?.number ?? '—',
        executedMxn: f.executed.mxn.toFixed(),
        executedUsd: f.executed.usd.toFixed(),
        unbilledCells: f.unbilledCells,
        unbilledMxn: f.unbilled.mxn.toFixed(),
        unbilledUsd: f.unbilled.usd.toFixed(),
        evidenceNeeded: f.needed,
        evidenceSigned: f.signed,
      }))
      .sort((a, b) => a.number.localeCompare(b.number, 'es', { numeric: true })),
  }
}
