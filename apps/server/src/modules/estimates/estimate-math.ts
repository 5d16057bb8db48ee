/**
 * The pure maths of an estimate (docs/estimates.md#maths): line quantities and amounts, the overbilling rule,
 * deductions (advance amortization with its running balance, retentions, penalties), IVA, net and the
 * homologated total. Exact decimals (decimal.js); each rounding is half-up to cents and names its rule:
 */
import type { Decimal } from 'decimal.js'
import { Dec, roundHalfUpToCents } from '../../platform/money/money'

/** The rounding points of an estimate: the only places a value is rounded. */
export type EstimateRounding =
  /** a line's amount: quantity × unit price, per currency */
  | 'estimate-line-amount'
  /** the advance amortization: subtotal × percent, per currency */
  | 'estimate-amortization'
  /** a retention: subtotal × percent, per currency */
  | 'estimate-retention'
  /** IVA: (subtotal − amortization) × percent, per currency */
  | 'estimate-tax'
  /** net MXN + net USD × exchange rate */
  | 'estimate-homologation'

const cents = (v: Decimal, rule: EstimateRounding) => roundHalfUpToCents(v, rule).toFixed(2)
const pct = (base: Decimal, percent: string) => base.times(percent).dividedBy(100)
const zero = new Dec(0)
const nonNegative = (v: Decimal) => (v.isNegative() ? zero : v)

export type LineInput = {
  authorized: string
  /** in the family's earlier live estimates */
  previous: string
  /** this estimate (negative on a deductive line) */
  quantity: string
  unitPriceMxn: string
  unitPriceUsd: string
}
export type LineFigures = {
  accumulated: string
  remaining: string
  amountMxn: string
  amountUsd: string
}

/** A line's accumulated and remaining quantity (exact) and its amounts (half-up to cents, per line). */
export function lineFigures(l: LineInput): LineFigures {
  const q = new Dec(l.quantity)
  const accumulated = new Dec(l.previous).plus(q)
  return {
    accumulated: accumulated.toFixed(),
    remaining: new Dec(l.authorized).minus(accumulated).toFixed(),
    amountMxn: cents(q.times(l.unitPriceMxn), 'estimate-line-amount'),
    amountUsd: cents(q.times(l.unitPriceUsd), 'estimate-line-amount'),
  }
}

/**
 * Overbilling: the concept's quantity billed within the authorization — every other live estimate of the family
 * (`otherLive`, already less its authorized excess) plus this one less the excess it bills under a recorded
 * reason — may not pass the authorized quantity. Returns the excess over it
 * (a positive decimal string) or null when within.
 */
export function overbilledBy(input: {
  authorized: string
  otherLive: string
  quantity: string
  authorizedExcess: string
}): string | null {
  const over = new Dec(input.otherLive)
    .plus(input.quantity)
    .minus(input.authorizedExcess)
    .minus(input.authorized)
  return over.greaterThan(0) ? over.toFixed() : null
}

export type Retention = { code: string; name: string; percent: string }
export type Penalty = { id: string; reason: string; amountMxn: string; amountUsd: string }
export type TotalsInput = {
  lines: readonly { amountMxn: string; amountUsd: string }[]
  ivaPercent: string
  advance: {
    mxn: string
    usd: string
    amortizationPercent: string
    recoveredBeforeMxn: string
    recoveredBeforeUsd: string
  }
  retentions: readonly Retention[]
  penalties: readonly Penalty[]
  /** null while not frozen and the table has none: no homologated total */
  exchangeRate: string | null
}
export type Deduction = {
  kind: 'amortization' | 'retention' | 'penalty'
  code: string
  name: string
  percent: string | null
  baseMxn: string
  baseUsd: string
  amountMxn: string
  amountUsd: string
  adjustmentId: string | null
}
export type Totals = {
  subtotalMxn: string
  subtotalUsd: string
  deductionsMxn: string
  deductionsUsd: string
  taxMxn: string
  taxUsd: string
  netMxn: string
  netUsd: string
  homologatedMxn: string | null
}

/**
 * Deductions and totals, per currency:
 * - subtotal = Σ line amounts (deductive lines are negative);
 * - amortization = subtotal × percent (half-up), at most the advance not yet recovered, never below 0;
 * - each retention = subtotal × its percent (half-up), 0 when the subtotal is not positive;
 * - penalties as entered;
 * - IVA = (subtotal − amortization) × IVA percent (half-up; the advance was invoiced with its own IVA);
 * - net = subtotal − deductions + IVA; homologated = net MXN + net USD × rate (half-up).
 */
export function estimateTotals(input: TotalsInput): {
  deductions: Deduction[]
  totals: Totals
  advance: {
    recoveredBeforeMxn: string
    recoveredBeforeUsd: string
    balanceAfterMxn: string
    balanceAfterUsd: string
  }
} {
  const sub = (k: 'amountMxn' | 'amountUsd') => input.lines.reduce((s, l) => s.plus(l[k]), new Dec(0))
  const subtotal = { mxn: sub('amountMxn'), usd: sub('amountUsd') }
  const a = input.advance
  const balanceBefore = {
    mxn: nonNegative(new Dec(a.mxn).minus(a.recoveredBeforeMxn)),
    usd: nonNegative(new Dec(a.usd).minus(a.recoveredBeforeUsd)),
  }
  const amortize = (c: 'mxn' | 'usd') => {
    const wanted = new Dec(
      cents(nonNegative(pct(subtotal[c], a.amortizationPercent)), 'estimate-amortization'),
    )
    return Dec.min(wanted, balanceBefore[c])
  }
  const amortization = { mxn: amortize('mxn'), usd: amortize('usd') }
  const deductions: Deduction[] = []
  if (
    new Dec(a.amortizationPercent).greaterThan(0) &&
    (new Dec(a.mxn).greaterThan(0) || new Dec(a.usd).greaterThan(0))
  )
    deductions.push({
      kind: 'amortization',
      code: 'amortization',
      name: 'Amortización del anticipo',
      percent: a.amortizationPercent,
      baseMxn: subtotal.mxn.toFixed(2),
      baseUsd: subtotal.usd.toFixed(2),
      amountMxn: amortization.mxn.toFixed(2),
      amountUsd: amortization.usd.toFixed(2),
      adjustmentId: null,
    })
  for (const r of input.retentions)
    deductions.push({
      kind: 'retention',
      code: r.code,
      name: r.name,
      percent: r.percent,
      baseMxn: subtotal.mxn.toFixed(2),
      baseUsd: subtotal.usd.toFixed(2),
      amountMxn: cents(nonNegative(pct(subtotal.mxn, r.percent)), 'estimate-retention'),
      amountUsd: cents(nonNegative(pct(subtotal.usd, r.percent)), 'estimate-retention'),
      adjustmentId: null,
    })
  for (const p of input.penalties)
    deductions.push({
      kind: 'penalty',
      code: 'penalty',
      name: p.reason,
      percent: null,
      baseMxn: '0.00',
      baseUsd: '0.00',
      amountMxn: new Dec(p.amountMxn).toFixed(2),
      amountUsd: new Dec(p.amountUsd).toFixed(2),
      adjustmentId: p.id,
    })
  const ded = (k: 'amountMxn' | 'amountUsd') => deductions.reduce((s, d) => s.plus(d[k]), new Dec(0))
  const deductionsTotal = { mxn: ded('amountMxn'), usd: ded('amountUsd') }
  const tax = {
    mxn: new Dec(cents(pct(subtotal.mxn.minus(amortization.mxn), input.ivaPercent), 'estimate-tax')),
    usd: new Dec(cents(pct(subtotal.usd.minus(amortization.usd), input.ivaPercent), 'estimate-tax')),
  }
  const net = {
    mxn: subtotal.mxn.minus(deductionsTotal.mxn).plus(tax.mxn),
    usd: subtotal.usd.minus(deductionsTotal.usd).plus(tax.usd),
  }
  return {
    deductions,
    totals: {
      subtotalMxn: subtotal.mxn.toFixed(2),
      subtotalUsd: subtotal.usd.toFixed(2),
      deductionsMxn: deductionsTotal.mxn.toFixed(2),
      deductionsUsd: deductionsTotal.usd.toFixed(2),
      taxMxn: tax.mxn.toFixed(2),
      taxUsd: tax.usd.toFixed(2),
      netMxn: net.mxn.toFixed(2),
      netUsd: net.usd.toFixed(2),
      homologatedMxn:
        input.exchangeRate === null
          ? null
          : cents(net.mxn.plus(net.usd.times(input.exchangeRate)), 'estimate-homologation'),
    },
    advance: {
      recoveredBeforeMxn: new Dec(a.recoveredBeforeMxn).toFixed(2),
      recoveredBeforeUsd: new Dec(a.recoveredBeforeUsd).toFixed(2),
      balanceAfterMxn: balanceBefore.mxn.minus(amortization.mxn).toFixed(2),
      balanceAfterUsd: balanceBefore.usd.minus(amortization.usd).toFixed(2),
    },
  }
}

/** The amortization an estimate's stored totals recovered (0 when none), per currency. */
export function amortizationOf(deductions: readonly Deduction[]): { mxn: string; usd: string } {
  const a = deductions.find((d) => d.kind === 'amortization')
  return { mxn: a?.amountMxn ?? '0', usd: a?.amountUsd ?? '0' }
}

export type AccountCurrency = {
  authorized: string
  estimatedToDate: string
  thisEstimate: string
  remaining: string
  advanceGiven: string
  advanceRecovered: string
  advanceBalance: string
}

/**
 * The contract's running account per currency (docs/estimates.md#running-account): authorized = Σ per concept
 * authorized quantity × unit price, each rounded like a line amount (`estimate-line-amount`); estimated to date
 * = Σ the subtotals of the family's other billed estimates (approved, invoiced, paid); this estimate's subtotal;
 * remaining = authorized − estimated to date − this estimate; the advance given, recovered through this estimate
 * (given − balance after) and its balance.
 */
export function contractAccount(input: {
  concepts: readonly { authorizedVolume: string; unitPriceMxn: string; unitPriceUsd: string }[]
  billedSubtotals: readonly { mxn: string; usd: string }[]
  thisSubtotal: { mxn: string; usd: string }
  advance: { given: { mxn: string; usd: string }; balanceAfter: { mxn: string; usd: string } }
}): { mxn: AccountCurrency; usd: AccountCurrency } {
  const one = (cur: 'mxn' | 'usd'): AccountCurrency => {
    const authorized = input.concepts.reduce(
      (s, c) =>
        s.plus(
          roundHalfUpToCents(
            new Dec(c.authorizedVolume).times(cur === 'mxn' ? c.unitPriceMxn : c.unitPriceUsd),
            'estimate-line-amount',
          ),
        ),
      new Dec(0),
    )
    const estimated = input.billedSubtotals.reduce((s, b) => s.plus(b[cur]), new Dec(0))
    const mine = new Dec(input.thisSubtotal[cur])
    const given = new Dec(input.advance.given[cur])
    const balance = new Dec(input.advance.balanceAfter[cur])
    return {
      authorized: authorized.toFixed(2),
      estimatedToDate: estimated.toFixed(2),
      thisEstimate: mine.toFixed(2),
      remaining: authorized.minus(estimated).minus(mine).toFixed(2),
      advanceGiven: given.toFixed(2),
      advanceRecovered: given.minus(balance).toFixed(2),
      advanceBalance: balance.toFixed(2),
    }
  }
  return { mxn: one('mxn'), usd: one('usd') }
}
