import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { TEstimate, TEstimateLine } from '@faena/contracts'
import { amountInWords } from '../../platform/money/amount-in-words'
import { Dec } from '../../platform/money/money'
import { estimateDocument } from './estimate-document'
import { estimateTotals, lineFigures } from './estimate-math'
import { estimatePdf, pdfMoney } from './estimate-pdf'
import { estimateWorkbookModel, type EstimateWorkbookModel } from './estimate-xlsx'
import { createEvaluator } from './estimate-xlsx-formula'

/**
 * The documents print the API's figures (docs/estimates.md#documents): over random estimates (lines with cells
 * and deductive lines in several annexes, advance, retentions, a penalty, IVA, a rate or none), the figures laid
 * out by estimate-document.ts equal the API's, the summary by annex adds up to the subtotal, each concept's
 * generator adds up to its quantity, the PDF definition carries every money figure, and every formula of the
 * workbook, evaluated exactly, gives the API's figure (and its cached result is that figure).
 */
const decimal = (intMax: number, places: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: intMax }), fc.integer({ min: 0, max: 10 ** places - 1 }))
    .map(([i, f]) => (places === 0 ? String(i) : `${i}.${String(f).padStart(places, '0')}`))
const concept = fc.record({
  annex: fc.constantFrom('C-2', 'C-3', null),
  cells: fc.array(decimal(400, 3), { minLength: 1, maxLength: 3 }),
  deductive: fc.option(decimal(50, 2), { nil: null }),
  previous: decimal(1000, 2),
  unitPriceMxn: decimal(200_000, 2),
  unitPriceUsd: decimal(20_000, 2),
})
const settings = fc.record({
  ivaPercent: fc.constantFrom('16', '8', '0'),
  amortizationPercent: decimal(100, 2).filter((v) => Number(v) <= 100),
  advanceMxn: decimal(5_000_000, 2),
  advanceUsd: decimal(500_000, 2),
  recoveredMxn: decimal(2_000_000, 2),
  recoveredUsd: decimal(200_000, 2),
  retentions: fc.array(
    fc.record({ code: fc.constantFrom('r1', 'r2'), name: fc.constant('Retención'), percent: decimal(5, 3) }),
    {
      maxLength: 2,
    },
  ),
  penaltyMxn: fc.option(decimal(10_000, 2), { nil: null }),
  rate: fc.option(
    decimal(30, 4).filter((v) => Number(v) > 0),
    { nil: null },
  ),
  status: fc.constantFrom('draft', 'submitted', 'approved'),
})

/** a plain check (expect() per figure would cost most of the 10,000 runs' time) */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what)
}

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

/** An estimate as the API answers it, built with the API's own maths. */
type Concept = typeof concept extends fc.Arbitrary<infer T> ? T : never
type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never

function randomEstimate(concepts: Concept[], s: Settings): TEstimate {
  const cells: TEstimate['cells'] = []
  const lines: TEstimateLine[] = []
  concepts.forEach((c, i) => {
    const conceptId = uuid(i + 1)
    const qty = c.cells.reduce((a, v) => a.plus(v), new Dec(0))
    c.cells.forEach((v, j) =>
      cells.push({
        siteId: uuid(100 + j),
        conceptId,
        date: `2026-03-${String(j + 1).padStart(2, '0')}`,
        timeType: 'TE',
        volume: new Dec(v).toFixed(),
        isExcess: false,
        evidenceStatus: j === 0 ? 'signed' : 'not_required',
      }),
    )
    const net = c.deductive ? qty.minus(c.deductive) : qty
    const base = {
      conceptId,
      code: `${i + 1}.1.`,
      description: `Concepto ${i + 1}`,
      unit: 'M3',
      annex: c.annex,
      unitPriceMxn: c.unitPriceMxn,
      unitPriceUsd: c.unitPriceUsd,
      authorizedQuantity: '5000',
      previousQuantity: c.previous,
      excessQuantity: '0',
    }
    const line = (quantity: string, kind: 'production' | 'deductive'): TEstimateLine => {
      const f = lineFigures({
        authorized: '5000',
        previous: new Dec(c.previous).plus(net).minus(quantity).toFixed(),
        quantity,
        unitPriceMxn: c.unitPriceMxn,
        unitPriceUsd: c.unitPriceUsd,
      })
      return {
        ...base,
        kind,
        quantity,
        accumulatedQuantity: f.accumulated,
        remainingQuantity: f.remaining,
        amountMxn: f.amountMxn,
        amountUsd: f.amountUsd,
        cellCount: kind === 'production' ? c.cells.length : 0,
        adjustmentId: kind === 'deductive' ? uuid(500 + i) : null,
        reason: kind === 'deductive' ? 'Volumen rechazado por la supervisión' : null,
      }
    }
    lines.push(line(qty.toFixed(), 'production'))
    if (c.deductive) lines.push(line(new Dec(c.deductive).negated().toFixed(), 'deductive'))
  })
  lines.sort((a, b) => (a.annex ?? '').localeCompare(b.annex ?? '') || a.code.localeCompare(b.code))
  const t = estimateTotals({
    lines,
    ivaPercent: s.ivaPercent,
    advance: {
      mxn: s.advanceMxn,
      usd: s.advanceUsd,
      amortizationPercent: s.amortizationPercent,
      recoveredBeforeMxn: s.recoveredMxn,
      recoveredBeforeUsd: s.recoveredUsd,
    },
    retentions: s.retentions,
    penalties: s.penaltyMxn
      ? [{ id: uuid(900), reason: 'Atraso en entrega', amountMxn: s.penaltyMxn, amountUsd: '0' }]
      : [],
    exchangeRate: s.rate,
  })
  const frozen = s.status !== 'draft'
  return {
    id: uuid(999),
    workOrderId: uuid(998),
    workOrderNumber: 'OT-PROP-1',
    number: 3,
    name: 'Estimación 3',
    type: 'ordinary',
    status: s.status,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    exchangeRate: frozen ? s.rate : null,
    suggestedExchangeRate: frozen ? null : s.rate,
    totals: t.totals,
    selection: null,
    ivaPercent: s.ivaPercent,
    lines,
    deductions: t.deductions,
    advance: {
      advanceMxn: new Dec(s.advanceMxn).toFixed(2),
      advanceUsd: new Dec(s.advanceUsd).toFixed(2),
      ...t.advance,
    },
    cells,
  } as Partial<TEstimate> as TEstimate
}

/** Every text string of a pdfmake definition. */
function pdfStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node)
  else if (Array.isArray(node)) for (const n of node) pdfStrings(n, out)
  else if (node && typeof node === 'object') for (const v of Object.values(node)) pdfStrings(v, out)
  return out
}

/** A reader of the model's cells for the evaluator. */
function modelReader(model: EstimateWorkbookModel) {
  const sheets = new Map(model.sheets.map((s) => [s.name, s]))
  return (sheet: string, address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
    const c = sheets.get(sheet)?.rows[Number(m[2]) - 1]?.[col]
    if (!c) return undefined
    return c.t === 'num' ? { formula: c.f, value: c.v } : { value: c.v }
  }
}

/** The API figure a workbook figure name stands for (`totals.netMxn`, `lines.2.amountUsd`, …). */
function apiFigure(e: TEstimate, doc: ReturnType<typeof estimateDocument>, name: string): string {
  const [head, a, b] = name.split('.')
  if (head === 'totals') return e.totals[a as keyof TEstimate['totals']]!
  if (head === 'lines') return e.lines[Number(a)]![b as 'amountMxn']
  if (head === 'deductions') return e.deductions[Number(a)]![b as 'amountMxn']
  if (head === 'advance') return e.advance[a as 'balanceAfterMxn']
  if (head === 'annexTotal') return doc.annexTotal[a as 'amountMxn']
  throw new Error(name)
}

describe('estimate documents, properties', () => {
  it('the PDF and the workbook print the API figures, and the workbook formulas compute them', () => {
    fc.assert(
      fc.property(fc.array(concept, { minLength: 1, maxLength: 5 }), settings, (concepts, s) => {
        const e = randomEstimate(concepts, s)
        const doc = estimateDocument({
          org: { name: 'Org', locale: 'es-MX' },
          estimate: e,
          client: { name: 'PEMEX', clientType: 'CONTRATO' },
          siteNames: new Map(),
          evidenceFiles: new Map(),
        })
        // the totals block is the API's
        const printed = Object.fromEntries(doc.totals.map((t) => [t.key, t]))
        for (const k of ['subtotal', 'deductions', 'tax', 'net'] as const) {
          check(printed[k]!.mxn === e.totals[`${k}Mxn`], `${k} MXN`)
          check(printed[k]!.usd === e.totals[`${k}Usd`], `${k} USD`)
        }
        check(doc.homologatedMxn === e.totals.homologatedMxn, 'homologated')
        // the summary by annex adds up to the subtotal; each generator to its line's quantity
        check(doc.annexTotal.amountMxn === e.totals.subtotalMxn, 'annex MXN')
        check(doc.annexTotal.amountUsd === e.totals.subtotalUsd, 'annex USD')
        for (const g of doc.generator)
          check(
            g.total === e.lines.find((l) => l.kind === 'production' && l.conceptId === g.conceptId)!.quantity,
            `generator ${g.code}`,
          )
        check(doc.words.mxn === amountInWords(e.totals.netMxn, 'MXN'), 'words')
        check(doc.words.mxn.endsWith(`${e.totals.netMxn.slice(-2)}/100 M.N.`), 'words cents')
        check(doc.watermark === (e.status === 'draft' ? 'BORRADOR' : null), 'watermark')

        // the PDF definition prints every money figure of the API
        const strings = new Set(pdfStrings(estimatePdf(doc).content))
        const has = (v: string) =>
          strings.has(pdfMoney(v, 'es-MX')) || strings.has(`−${pdfMoney(v, 'es-MX')}`)
        for (const v of Object.values(e.totals)) if (v !== null) check(has(v), `PDF ${v}`)
        for (const l of e.lines) check(has(l.amountMxn) && has(l.amountUsd), `PDF line ${l.code}`)
        for (const d of e.deductions) check(has(d.amountMxn) && has(d.amountUsd), `PDF ${d.name}`)
        check(strings.has(`(${doc.words.mxn})`) && strings.has(`(${doc.words.usd})`), 'PDF words')

        // the workbook: each figure's formula, evaluated exactly, and its cached result equal the API's
        const model = estimateWorkbookModel(doc)
        const read = modelReader(model)
        const value = createEvaluator(read)
        for (const [name, address] of Object.entries(model.figures)) {
          const api = apiFigure(e, doc, name)
          check(value(address).equals(api), `${name} ${address}: ${value(address).toFixed()} ≠ ${api}`)
          const [sheet, a] = address.replace(/^'/, '').split("'!")
          check(new Dec(read(sheet!, a!)!.value ?? 0).equals(api), `cached ${name}`)
        }
        const names = Object.keys(model.figures)
        check(names.includes('totals.netMxn'), 'net figure')
        if (e.totals.homologatedMxn !== null)
          check(names.includes('totals.homologatedMxn'), 'homologated figure')
        check(
          names.filter((n) => n.startsWith('deductions.')).length === e.deductions.length * 4,
          'deductions',
        )
      }),
      { numRuns: Number(process.env.RUNS ?? 10_000) },
    )
  }, 120_000)
})
