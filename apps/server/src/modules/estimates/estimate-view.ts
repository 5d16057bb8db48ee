/**
 * The figures of an estimate (docs/estimates.md#lines-and-totals): its lines per concept from the cells it bills
 * and its deductive lines, the deductions and totals of estimate-math.ts, and the estimate as the API answers
 * it. A submitted or approved estimate answers the figures frozen when it was submitted.
 */
import type {
  TEstimate,
  TEstimateDeduction,
  TEstimateLine,
  TEstimateSummary,
  TEstimateTotals,
  TEvidenceStatus,
} from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { Dec } from '../../platform/money/money'
import { exchangeRateOn, familyBillingConcepts } from '../production'
import { getWorkOrderRef } from '../work-orders'
import { amortizationOf, contractAccount, estimateTotals, lineFigures, overbilledBy } from './estimate-math'
import { FROZEN_STATUSES, type EstimatesContext } from './estimates.context'
import * as repo from './estimates.repository'

/** What is stored in `estimates.totals`: the figures as last computed (frozen from submission on). */
export type EstimateSnapshot = {
  ivaPercent: string
  lines: TEstimateLine[]
  deductions: TEstimateDeduction[]
  totals: TEstimateTotals
  advance: TEstimate['advance']
}
export type Overbilled = { conceptId: string; code: string; authorized: string; over: string }

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const who = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null)
const byCode = (a: TEstimateLine, b: TEstimateLine) =>
  (a.annex ?? '').localeCompare(b.annex ?? '') ||
  a.code.localeCompare(b.code, 'es', { numeric: true }) ||
  a.kind.localeCompare(b.kind)

/** Computes lines, deductions and totals of `row` from its cells and adjustments (nothing stored). */
export async function computeEstimate(
  ctx: EstimatesContext,
  ex: Executor,
  row: repo.EstimateRow,
  exchangeRate: string | null,
): Promise<{ snapshot: EstimateSnapshot; overbilled: Overbilled[] }> {
  const [concepts, cells, adjustments, quantities, settings, frozenBefore] = await Promise.all([
    familyBillingConcepts(ex, row.org_id, row.family_id),
    repo.listCells(ex, row.id),
    repo.listAdjustments(ex, row.id),
    repo.familyQuantities(ex, row.family_id),
    ctx.settingsOf(ex, row.org_id, row.family_id),
    repo.frozenTotalsBefore(ex, row.family_id, row.number),
  ])
  const add = (m: Map<string, Dec>, k: string, v: Dec | string) => m.set(k, (m.get(k) ?? new Dec(0)).plus(v))
  const previous = new Map<string, Dec>()
  const otherLive = new Map<string, Dec>()
  for (const q of quantities) {
    if (q.estimate_id === row.id) continue
    // what the other estimates bill within the authorization: their quantity less their authorized excess
    add(otherLive, q.concept_id, new Dec(q.quantity).minus(q.excess))
    if (q.number < row.number) add(previous, q.concept_id, q.quantity)
  }
  const cellQty = new Map<string, Dec>()
  const excessQty = new Map<string, Dec>()
  const cellCount = new Map<string, number>()
  for (const c of cells) {
    add(cellQty, c.concept_id, c.volume)
    if (c.is_excess) add(excessQty, c.concept_id, c.volume)
    cellCount.set(c.concept_id, (cellCount.get(c.concept_id) ?? 0) + 1)
  }
  const deductive = adjustments.filter((a) => a.kind === 'deductive')
  const net = new Map(cellQty)
  for (const a of deductive) add(net, a.concept_id!, new Dec(a.quantity!).negated())

  const zero = new Dec(0)
  const lineOf = (
    conceptId: string,
    quantity: Dec,
    extra: Pick<TEstimateLine, 'kind' | 'excessQuantity' | 'cellCount' | 'adjustmentId' | 'reason'>,
  ): TEstimateLine => {
    const c = concepts.get(conceptId)
    const authorized = c?.authorizedVolume ?? '0'
    const prev = previous.get(conceptId) ?? zero
    const n = net.get(conceptId) ?? zero
    const f = lineFigures({
      authorized,
      // the line's accumulated is the concept's: earlier estimates plus this estimate's net quantity
      previous: prev.plus(n).minus(quantity).toFixed(),
      quantity: quantity.toFixed(),
      unitPriceMxn: c?.unitPriceMxn ?? '0',
      unitPriceUsd: c?.unitPriceUsd ?? '0',
    })
    return {
      ...extra,
      conceptId,
      code: c?.code ?? '—',
      description: c?.description ?? 'Concepto fuera del Anexo C vigente de la familia',
      unit: c?.unit ?? '',
      annex: c?.annex ?? null,
      unitPriceMxn: c?.unitPriceMxn ?? '0',
      unitPriceUsd: c?.unitPriceUsd ?? '0',
      authorizedQuantity: new Dec(authorized).toFixed(),
      previousQuantity: prev.toFixed(),
      quantity: quantity.toFixed(),
      accumulatedQuantity: f.accumulated,
      remainingQuantity: f.remaining,
      amountMxn: f.amountMxn,
      amountUsd: f.amountUsd,
    }
  }
  const lines: TEstimateLine[] = [
    ...[...cellQty].map(([conceptId, q]) =>
      lineOf(conceptId, q, {
        kind: 'production',
        excessQuantity: (excessQty.get(conceptId) ?? zero).toFixed(),
        cellCount: cellCount.get(conceptId) ?? 0,
        adjustmentId: null,
        reason: null,
      }),
    ),
    ...deductive.map((a) =>
      lineOf(a.concept_id!, new Dec(a.quantity!).negated(), {
        kind: 'deductive',
        excessQuantity: '0',
        cellCount: 0,
        adjustmentId: a.id,
        reason: a.reason,
      }),
    ),
    // a price-adjustment estimate: the quantity already billed × the unit-price difference (no quantity billed)
    ...adjustments
      .filter((a) => a.kind === 'price_difference')
      .map((a): TEstimateLine => {
        const base = lineOf(a.concept_id!, new Dec(0), {
          kind: 'price_difference',
          excessQuantity: '0',
          cellCount: 0,
          adjustmentId: a.id,
          reason: a.reason,
        })
        const f = lineFigures({
          authorized: base.authorizedQuantity,
          previous: '0',
          quantity: a.quantity!,
          unitPriceMxn: a.price_difference_mxn ?? '0',
          unitPriceUsd: a.price_difference_usd ?? '0',
        })
        return {
          ...base,
          unitPriceMxn: new Dec(a.price_difference_mxn ?? '0').toFixed(),
          unitPriceUsd: new Dec(a.price_difference_usd ?? '0').toFixed(),
          quantity: new Dec(a.quantity!).toFixed(),
          amountMxn: f.amountMxn,
          amountUsd: f.amountUsd,
        }
      }),
  ].sort(byCode)

  const overbilled: Overbilled[] = []
  for (const [conceptId, q] of net) {
    const authorized = concepts.get(conceptId)?.authorizedVolume ?? '0'
    const over = overbilledBy({
      authorized,
      otherLive: (otherLive.get(conceptId) ?? zero).toFixed(),
      quantity: q.toFixed(),
      authorizedExcess: (excessQty.get(conceptId) ?? zero).toFixed(),
    })
    if (over)
      overbilled.push({ conceptId, code: concepts.get(conceptId)?.code ?? conceptId, authorized, over })
  }

  const recovered = { mxn: new Dec(0), usd: new Dec(0) }
  for (const s of frozenBefore) {
    const a = amortizationOf((s as EstimateSnapshot | null)?.deductions ?? [])
    recovered.mxn = recovered.mxn.plus(a.mxn)
    recovered.usd = recovered.usd.plus(a.usd)
  }
  const t = estimateTotals({
    lines,
    ivaPercent: settings.ivaPercent,
    advance: {
      mxn: settings.advanceMxn,
      usd: settings.advanceUsd,
      amortizationPercent: settings.amortizationPercent,
      recoveredBeforeMxn: recovered.mxn.toFixed(),
      recoveredBeforeUsd: recovered.usd.toFixed(),
    },
    retentions: settings.retentions,
    penalties: adjustments
      .filter((a) => a.kind === 'penalty')
      .map((a) => ({ id: a.id, reason: a.reason, amountMxn: a.amount_mxn, amountUsd: a.amount_usd })),
    exchangeRate,
  })
  return {
    snapshot: {
      ivaPercent: settings.ivaPercent,
      lines,
      deductions: t.deductions,
      totals: t.totals,
      advance: {
        advanceMxn: new Dec(settings.advanceMxn).toFixed(2),
        advanceUsd: new Dec(settings.advanceUsd).toFixed(2),
        ...t.advance,
      },
    },
    overbilled,
  }
}

export async function toSummary(
  ex: Executor,
  row: repo.EstimateRow,
  numbers?: Map<string, string>,
): Promise<TEstimateSummary> {
  const number =
    numbers?.get(row.family_id) ?? (await getWorkOrderRef(ex, row.org_id, row.family_id))?.number ?? ''
  const snap = row.totals as EstimateSnapshot | null
  return {
    id: row.id,
    workOrderId: row.family_id,
    workOrderNumber: number,
    number: row.number,
    name: `Estimación ${row.number}`,
    type: row.type,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    exchangeRate: row.exchange_rate,
    totals: snap?.totals ?? null,
    invoiceReference: row.invoice_reference,
    invoicedAt: iso(row.invoiced_at),
    paidDate: row.paid_date,
    paidAmount: row.paid_amount === null ? null : new Dec(row.paid_amount).toFixed(2),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/** The estimate as the API answers it: frozen figures once submitted, else computed now. */
export async function toEstimate(
  ctx: EstimatesContext,
  ex: Executor,
  row: repo.EstimateRow,
): Promise<TEstimate> {
  const frozen = FROZEN_STATUSES.includes(row.status) && row.totals !== null
  const suggested = row.exchange_rate ? null : await exchangeRateOn(ex, row.org_id, row.period_end)
  const snapshot = frozen
    ? (row.totals as EstimateSnapshot)
    : (await computeEstimate(ctx, ex, row, row.exchange_rate ?? suggested?.rate ?? null)).snapshot
  const [cells, concepts] = await Promise.all([
    repo.listCells(ex, row.id),
    familyBillingConcepts(ex, row.org_id, row.family_id),
  ])
  return {
    ...(await toSummary(ex, row)),
    totals: snapshot.totals,
    selection: (row.selection as Record<string, unknown> | null) ?? null,
    ivaPercent: snapshot.ivaPercent,
    suggestedExchangeRate: suggested?.rate ?? null,
    lines: snapshot.lines,
    deductions: snapshot.deductions,
    advance: snapshot.advance,
    cells: cells.map((c) => ({
      siteId: c.site_id,
      conceptId: c.concept_id,
      date: c.day,
      timeType: c.time_type,
      volume: c.volume,
      isExcess: c.is_excess,
      evidenceStatus: c.evidence_status as TEvidenceStatus | 'not_required',
    })),
    returnReason: row.return_reason,
    returnedAt: iso(row.returned_at),
    returnedBy: who(row.returned_by, row.returned_by_name),
    submittedAt: iso(row.submitted_at),
    submittedBy: who(row.submitted_by, row.submitted_by_name),
    approvedAt: iso(row.approved_at),
    approvedBy: who(row.approved_by, row.approved_by_name),
    invoicedBy: who(row.invoiced_by, row.invoiced_by_name),
    paidAt: iso(row.paid_at),
    paidBy: who(row.paid_by, row.paid_by_name),
    account: contractAccount({
      concepts: [...concepts.values()],
      billedSubtotals: (await repo.billedTotalsOfFamily(ex, row.family_id, row.id)).map((t) => {
        const s = (t as EstimateSnapshot | null)?.totals
        return { mxn: s?.subtotalMxn ?? '0', usd: s?.subtotalUsd ?? '0' }
      }),
      thisSubtotal: { mxn: snapshot.totals.subtotalMxn, usd: snapshot.totals.subtotalUsd },
      advance: {
        given: { mxn: snapshot.advance.advanceMxn, usd: snapshot.advance.advanceUsd },
        balanceAfter: { mxn: snapshot.advance.balanceAfterMxn, usd: snapshot.advance.balanceAfterUsd },
      },
    }),
  }
}
