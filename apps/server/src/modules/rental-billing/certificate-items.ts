import { Dec, parseAmount, roundHalfUpToCents, toCentsString } from './billing-decimal'
import type { ChainStatus } from './billing-lines'
import { isBusinessDate } from './billing-dates'

/**
 * Items and totals of a final disposition certificate (docs/rental-billing.md#disposition-certificates):
 * one item per NON-cancelled custody chain of the sheet dated inside the period (the old system listed
 * cancelled and inactive chains too), ordered by activity date, then chain number; totals are the
 * decimal sums of the items (each volume already has two decimals, so the half-up rounding the old system
 * applied to the totals changes nothing — it is kept, named, for values typed with more decimals).
 */

export const DEFAULT_WASTE_DESCRIPTION = 'AGUAS NEGRAS Y GRISES'
export const DEFAULT_TREATMENT = 'TB3'

export type CertificateChain = {
  id: string
  /** the chain's consecutive as printed */
  number: string
  status: ChainStatus
  activityDate: string
  gallons: string
  barrels: string
  cubicMeters: string
  wasteDescription?: string | null
  treatment?: string | null
}

export type CertificateItem = {
  custodyChainId: string
  chainNumber: string
  activityDate: string
  description: string
  treatment: string
  gallons: string
  barrels: string
  cubicMeters: string
}

export type CertificateTotals = { gallons: string; barrels: string; cubicMeters: string }

const text = (v: string | null | undefined, fallback: string) => (v && v.trim() !== '' ? v.trim() : fallback)

export function certificateItems(
  chains: readonly CertificateChain[],
  period: { start: string; end: string },
): { items: CertificateItem[]; totals: CertificateTotals } {
  const kept = chains.filter((c) => {
    if (!isBusinessDate(c.activityDate)) throw new RangeError(`custody chain ${c.id}: bad activityDate`)
    return c.status !== 'cancelled' && c.activityDate >= period.start && c.activityDate <= period.end
  })
  kept.sort((a, b) =>
    a.activityDate !== b.activityDate
      ? a.activityDate < b.activityDate
        ? -1
        : 1
      : a.number !== b.number
        ? a.number.localeCompare(b.number, 'en', { numeric: true })
        : a.id.localeCompare(b.id),
  )
  let gallons = new Dec(0)
  let barrels = new Dec(0)
  let cubicMeters = new Dec(0)
  const items = kept.map((c) => {
    const g = parseAmount(c.gallons, `chain ${c.id} gallons`)
    const b = parseAmount(c.barrels, `chain ${c.id} barrels`)
    const m = parseAmount(c.cubicMeters, `chain ${c.id} cubicMeters`)
    gallons = gallons.plus(g)
    barrels = barrels.plus(b)
    cubicMeters = cubicMeters.plus(m)
    return {
      custodyChainId: c.id,
      chainNumber: c.number,
      activityDate: c.activityDate,
      description: text(c.wasteDescription, DEFAULT_WASTE_DESCRIPTION),
      treatment: text(c.treatment, DEFAULT_TREATMENT),
      gallons: toCentsString(roundHalfUpToCents(g, 'VOLUME_CONVERSION')),
      barrels: toCentsString(roundHalfUpToCents(b, 'VOLUME_CONVERSION')),
      cubicMeters: toCentsString(roundHalfUpToCents(m, 'VOLUME_CONVERSION')),
    }
  })
  return {
    items,
    totals: {
      gallons: toCentsString(roundHalfUpToCents(gallons, 'VOLUME_CONVERSION')),
      barrels: toCentsString(roundHalfUpToCents(barrels, 'VOLUME_CONVERSION')),
      cubicMeters: toCentsString(roundHalfUpToCents(cubicMeters, 'VOLUME_CONVERSION')),
    },
  }
}

/**
 * Do two lists of items say the same, in the same order? (a certificate whose items and client did not
 * change is not rewritten).
 */
export const sameCertificateItems = (a: readonly CertificateItem[], b: readonly CertificateItem[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!
    return (
      x.custodyChainId === y.custodyChainId &&
      x.chainNumber === y.chainNumber &&
      x.activityDate === y.activityDate &&
      x.gallons === y.gallons &&
      x.barrels === y.barrels &&
      x.cubicMeters === y.cubicMeters &&
      x.treatment === y.treatment &&
      x.description === y.description
    )
  })
