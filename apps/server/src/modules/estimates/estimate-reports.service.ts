/**
 * The estimate reports (docs/estimates.md#reports), for the caller's organization:
 * - unbilled production aging: per family, concept and month of production, the volume not billed by an
 *   approved estimate, its worth at the family's unit prices, aged from the month's last day (0–30, 31–60,
 *   61–90, > 90 days); also as a workbook;
 * - estimated vs produced vs authorized per family, at the family's unit prices.
 */
import type {
  TAgingBucket,
  TEstimateProgress,
  TEstimateProgressQuery,
  TUnbilledAging,
  TUnbilledAgingQuery,
  TUnbilledAgingRow,
} from '@faena/contracts'
import { AGING_BUCKETS } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { columnsIn, langOf, type LocalizedColumn, type Texts } from '../../platform/i18n/export-texts'
import { Dec } from '../../platform/money/money'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { todayIn } from '../../platform/tenancy/today'
import { familyBillingConcepts, productionByFamilyMonth, type BillingConcept } from '../production'
import { getWorkOrderRef } from '../work-orders'
import { agingBucket, monthAgeDays, volumeMoney } from './estimate-report-rules'
import * as repo from './estimate-reports.repository'
import type { EstimatesContext } from './estimates.context'

/** The aging workbook's words in both languages (docs/platform.md "Messages and languages"). */
const AGING_TEXTS = {
  sheet: { es: 'Producción sin estimar', en: 'Unbilled production' },
  file: { es: 'produccion-sin-estimar', en: 'unbilled-production' },
  days: { es: 'días', en: 'days' },
} satisfies Record<string, Texts>

const AGING_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'OT', en: 'WO' }, key: 'workOrderNumber', width: 16 },
  { header: { es: 'Clave', en: 'Code' }, key: 'code', width: 12 },
  { header: { es: 'Concepto', en: 'Concept' }, key: 'description', width: 44 },
  { header: { es: 'Unidad', en: 'Unit' }, key: 'unit', width: 10 },
  { header: { es: 'Mes', en: 'Month' }, key: 'month', width: 10 },
  { header: { es: 'Días', en: 'Days' }, key: 'ageDays', type: 'number', width: 8 },
  { header: { es: 'Producido', en: 'Produced' }, key: 'produced', type: 'number', width: 14 },
  {
    header: { es: 'En estimaciones sin aprobar', en: 'In estimates not approved' },
    key: 'inEstimates',
    type: 'number',
    width: 14,
  },
  { header: { es: 'Sin estimar', en: 'Unbilled' }, key: 'unbilled', type: 'number', width: 14 },
]

export function createEstimateReportUseCases(ctx: EstimatesContext) {
  const { db } = ctx

  /** The families' concepts and work-order numbers, read once per family. */
  async function familiesOf(orgId: string, familyIds: Iterable<string>) {
    const out = new Map<string, { number: string; concepts: Map<string, BillingConcept> }>()
    for (const id of new Set(familyIds)) {
      const [wo, concepts] = await Promise.all([
        getWorkOrderRef(db, orgId, id),
        familyBillingConcepts(db, orgId, id),
      ])
      out.set(id, { number: wo?.number ?? '', concepts })
    }
    return out
  }

  async function unbilledAging(actor: Actor, q: TUnbilledAgingQuery): Promise<TUnbilledAging> {
    requireAccess(actor, 'estimate.read')
    if (q.workOrderId) await ctx.loadInitial(db, actor.orgId, q.workOrderId)
    const org = await findOrganizationById(db, actor.orgId)
    const asOf = q.asOf ?? todayIn(org?.timeZone ?? 'UTC', ctx.clock())
    const [produced, estimated] = await Promise.all([
      productionByFamilyMonth(db, actor.orgId, { familyId: q.workOrderId, to: asOf }),
      repo.estimatedCellsByMonth(db, actor.orgId, q.workOrderId),
    ])
    const key = (f: string, c: string, m: string) => `${f}|${c}|${m}`
    const held = new Map(estimated.map((r) => [key(r.family_id, r.concept_id, r.month), r]))
    const families = await familiesOf(
      actor.orgId,
      produced.map((p) => p.familyId),
    )
    const items: TUnbilledAgingRow[] = []
    for (const p of produced) {
      const h = held.get(key(p.familyId, p.conceptId, p.month))
      const unbilled = new Dec(p.volume).minus(h?.billed ?? '0')
      if (!unbilled.greaterThan(0)) continue
      const fam = families.get(p.familyId)
      const c = fam?.concepts.get(p.conceptId)
      const ageDays = monthAgeDays(p.month, asOf)
      const money = volumeMoney(unbilled.toFixed(), c)
      items.push({
        workOrderId: p.familyId,
        workOrderNumber: fam?.number ?? '',
        conceptId: p.conceptId,
        code: c?.code ?? '—',
        description: c?.description ?? '',
        unit: c?.unit ?? '',
        month: p.month,
        ageDays,
        bucket: agingBucket(ageDays),
        produced: p.volume,
        inEstimates: new Dec(h?.in_estimates ?? '0').toFixed(),
        unbilled: unbilled.toFixed(),
        unbilledMxn: money.mxn,
        unbilledUsd: money.usd,
      })
    }
    items.sort(
      (a, b) =>
        a.workOrderNumber.localeCompare(b.workOrderNumber, 'es', { numeric: true }) ||
        a.code.localeCompare(b.code, 'es', { numeric: true }) ||
        a.month.localeCompare(b.month),
    )
    const zero = () => ({ mxn: new Dec(0), usd: new Dec(0) })
    const sums = Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero()])) as Record<
      TAgingBucket,
      { mxn: Dec; usd: Dec }
    >
    for (const i of items) {
      sums[i.bucket].mxn = sums[i.bucket].mxn.plus(i.unbilledMxn)
      sums[i.bucket].usd = sums[i.bucket].usd.plus(i.unbilledUsd)
    }
    const all = Object.values(sums).reduce(
      (s, x) => ({ mxn: s.mxn.plus(x.mxn), usd: s.usd.plus(x.usd) }),
      zero(),
    )
    return {
      asOf,
      items,
      totals: {
        buckets: Object.fromEntries(
          AGING_BUCKETS.map((b) => [b, { mxn: sums[b].mxn.toFixed(2), usd: sums[b].usd.toFixed(2) }]),
        ) as TUnbilledAging['totals']['buckets'],
        mxn: all.mxn.toFixed(2),
        usd: all.usd.toFixed(2),
      },
    }
  }

  /** The aging as a workbook: one row per family, concept and month, the money under its bucket's columns. */
  async function unbilledAgingWorkbook(
    actor: Actor,
    q: TUnbilledAgingQuery,
  ): Promise<{ bytes: Buffer; fileName: string }> {
    const r = await unbilledAging(actor, q)
    const lang = langOf(actor)
    const days = AGING_TEXTS.days[lang]
    const bucketCols = AGING_BUCKETS.flatMap((b) => [
      { header: `${b} ${days} MXN`, key: `${b}-mxn`, type: 'money' as const, width: 16 },
      { header: `${b} ${days} USD`, key: `${b}-usd`, type: 'money' as const, width: 16 },
    ])
    const bytes = await writeWorkbook([
      {
        name: AGING_TEXTS.sheet[lang],
        columns: [
          ...columnsIn(AGING_COLUMNS, lang),
          ...bucketCols,
          { header: 'Total MXN', key: 'unbilledMxn', type: 'money', width: 16 },
          { header: 'Total USD', key: 'unbilledUsd', type: 'money', width: 16 },
        ],
        rows: r.items.map((i) => ({
          ...i,
          [`${i.bucket}-mxn`]: i.unbilledMxn,
          [`${i.bucket}-usd`]: i.unbilledUsd,
        })),
      },
    ])
    return { bytes, fileName: `${AGING_TEXTS.file[lang]}-${r.asOf}.xlsx` }
  }

  async function estimateProgress(actor: Actor, q: TEstimateProgressQuery): Promise<TEstimateProgress> {
    requireAccess(actor, 'estimate.read')
    if (q.workOrderId) await ctx.loadInitial(db, actor.orgId, q.workOrderId)
    const [produced, estimated] = await Promise.all([
      productionByFamilyMonth(db, actor.orgId, { familyId: q.workOrderId }),
      repo.estimatedQuantities(db, actor.orgId, q.workOrderId),
    ])
    const families = await familiesOf(actor.orgId, [
      ...produced.map((p) => p.familyId),
      ...estimated.map((e) => e.family_id),
    ])
    type Acc = { mxn: Dec; usd: Dec }
    const acc = () => ({ mxn: new Dec(0), usd: new Dec(0) })
    const add = (a: Acc, volume: string, c: BillingConcept | undefined) => {
      if (!c) return
      a.mxn = a.mxn.plus(new Dec(volume).times(c.unitPriceMxn))
      a.usd = a.usd.plus(new Dec(volume).times(c.unitPriceUsd))
    }
    const rows = new Map<string, { authorized: Acc; produced: Acc; estimated: Acc; approved: Acc }>()
    for (const [id, f] of families) {
      const r = { authorized: acc(), produced: acc(), estimated: acc(), approved: acc() }
      for (const c of f.concepts.values()) add(r.authorized, c.authorizedVolume, c)
      rows.set(id, r)
    }
    for (const p of produced)
      add(rows.get(p.familyId)!.produced, p.volume, families.get(p.familyId)?.concepts.get(p.conceptId))
    for (const e of estimated) {
      const c = families.get(e.family_id)?.concepts.get(e.concept_id)
      add(rows.get(e.family_id)!.estimated, e.estimated, c)
      add(rows.get(e.family_id)!.approved, e.billed, c)
    }
    // rule `estimate-report-amount`: each family's sum, half-up to cents
    const cents = (v: Dec) => v.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)
    const items = [...rows].map(([id, r]) => ({
      workOrderId: id,
      workOrderNumber: families.get(id)?.number ?? '',
      authorizedMxn: cents(r.authorized.mxn),
      authorizedUsd: cents(r.authorized.usd),
      producedMxn: cents(r.produced.mxn),
      producedUsd: cents(r.produced.usd),
      estimatedMxn: cents(r.estimated.mxn),
      estimatedUsd: cents(r.estimated.usd),
      approvedMxn: cents(r.approved.mxn),
      approvedUsd: cents(r.approved.usd),
    }))
    items.sort((a, b) => a.workOrderNumber.localeCompare(b.workOrderNumber, 'es', { numeric: true }))
    return { items }
  }

  return { unbilledAging, unbilledAgingWorkbook, estimateProgress }
}
