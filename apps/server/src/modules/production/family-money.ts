/**
 * The money of production, as the grid's KPIs count it (docs/production.md#kpis-and-exchange-rates): a volume of
 * a family's concept is worth volume × the unit price of the family's consolidated concept (the latest member
 * that has it); authorized = Σ authorized volume × price; homologated MXN = MXN + USD × the rate in force on the
 * month's last day. Exact, nothing rounded. Exported through index.ts for the dashboards.
 */
import { lastDayOfMonth } from '@faena/domain/calendar-date'
import { Dec } from '../../platform/money/money'

type Priced = { unitPriceMxn: string; unitPriceUsd: string }
export type Money = { mxn: Dec; usd: Dec }

/** volume × the concept's prices; a concept the family no longer has is worth nothing */
export function productionMoney(concept: Priced | undefined, volume: string): Money {
  if (!concept) return { mxn: new Dec(0), usd: new Dec(0) }
  const v = new Dec(volume)
  return { mxn: v.times(concept.unitPriceMxn), usd: v.times(concept.unitPriceUsd) }
}

/** Σ authorized volume × prices of the family's concepts */
export function authorizedMoney(concepts: Iterable<Priced & { authorizedVolume: string }>): Money {
  let mxn = new Dec(0)
  let usd = new Dec(0)
  for (const c of concepts) {
    mxn = mxn.plus(new Dec(c.authorizedVolume).times(c.unitPriceMxn))
    usd = usd.plus(new Dec(c.authorizedVolume).times(c.unitPriceUsd))
  }
  return { mxn, usd }
}

/** MXN + USD × rate (MXN per USD); null without a rate */
export const homologatedMxn = (m: Money, rate: string | null): Dec | null =>
  rate === null ? null : m.mxn.plus(m.usd.times(rate))

/** The date whose rate homologates a month's money: its last day (`YYYY-MM` or any date of the month). */
export const rateDateOfMonth = (month: string): string =>
  lastDayOfMonth(month.length === 7 ? `${month}-01` : month)
