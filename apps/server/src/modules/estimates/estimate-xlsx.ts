/**
 * The estimate as a workbook an auditor can follow (docs/estimates.md#documents): every figure the API computes is
 * an Excel formula over the cells it comes from, written with the API's value as its cached result.
 *
 * - **Estimación**: the cover; one row per line: accumulated = previous + this estimate's quantities of the
 *   concept, remaining = authorized − accumulated, amount = ROUND(quantity × unit price, 2) (rule
 *   `estimate-line-amount`), where a production line's quantity is its total in the generator; subtotal = SUM;
 *   deductions from their sheet; IVA = ROUND((subtotal − amortization) × IVA % / 100, 2); net = subtotal −
 *   deductions + IVA; homologated = ROUND(net MXN + net USD × rate, 2); the summary by annex as SUMs of its lines.
 * - **Deducciones**: base = the subtotal; amortization = MIN(ROUND(MAX(0, base × % / 100), 2), the advance's
 *   balance); a retention = IF(base > 0, ROUND(base × % / 100, 2), 0); penalties as entered; the advance's balance.
 * - **Generador**: the production cells of each concept (date, site, time type, volume, evidence) and their SUM.
 *
 * `estimateWorkbookModel` is pure (cells with formula and cached value as decimal strings, and the address of
 * every API figure in `figures`); `writeEstimateWorkbook` writes it with ExcelJS (platform/spreadsheet).
 */
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { labelsIn, YES_NO, type Texts } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { loadExcelJS } from '../../platform/spreadsheet/exceljs'
import { DOCUMENT_TEXTS, type EstimateDocument } from './estimate-document'

export type XFormat = 'money' | 'quantity' | 'percent' | 'rate' | 'date'
export type XCell =
  | { t: 'text'; v: string; bold?: boolean }
  /** a number: `v` is its exact decimal string (the cached result when `f` is set) */
  | { t: 'num'; v: string; f?: string; fmt: XFormat; bold?: boolean }
  | { t: 'date'; v: string }
export type XSheet = { name: string; widths: number[]; rows: (XCell | null)[][] }
export type EstimateWorkbookModel = {
  sheets: XSheet[]
  /** API figure → its cell, `'Sheet'!A1` (e.g. `totals.netMxn`, `lines.0.amountMxn`, `deductions.1.amountUsd`) */
  figures: Record<string, string>
}

/** The workbook's words in both languages (docs/platform.md "Messages and languages"). */
export const TEXTS = {
  mainSheet: { es: 'Estimación', en: 'Estimate' },
  deductionsSheet: { es: 'Deducciones', en: 'Deductions' },
  generatorSheet: { es: 'Generador', en: 'Generator' },
  code: { es: 'Clave', en: 'Code' },
  concept: { es: 'Concepto', en: 'Concept' },
  unit: { es: 'Unidad', en: 'Unit' },
  date: { es: 'Fecha', en: 'Date' },
  site: { es: 'Sitio', en: 'Site' },
  time: { es: 'Tiempo', en: 'Time' },
  volume: { es: 'Volumen', en: 'Volume' },
  excess: { es: 'Excedente', en: 'Excess' },
  evidence: { es: 'Evidencia', en: 'Evidence' },
  evidenceFiles: { es: 'Archivos de evidencia', en: 'Evidence files' },
  total: { es: 'Total', en: 'Total' },
  workOrder: { es: 'Orden de trabajo', en: 'Work order' },
  clientContract: { es: 'Cliente / contrato', en: 'Client / contract' },
  period: { es: 'Periodo', en: 'Period' },
  type: { es: 'Tipo', en: 'Type' },
  status: { es: 'Estado', en: 'Status' },
  ivaPercent: { es: 'IVA %', en: 'VAT %' },
  rate: { es: 'Tipo de cambio (MXN por USD)', en: 'Exchange rate (MXN per USD)' },
  rateFrozen: { es: 'congelado al enviar', en: 'frozen on submission' },
  rateSuggested: {
    es: 'sugerido: vigente al fin del periodo',
    en: "suggested: in force at the period's end",
  },
  description: { es: 'Descripción', en: 'Description' },
  annex: { es: 'Anexo', en: 'Annex' },
  authorized: { es: 'Autorizado', en: 'Authorized' },
  previous: { es: 'Anterior', en: 'Previous' },
  thisEstimate: { es: 'Esta estimación', en: 'This estimate' },
  accumulated: { es: 'Acumulado', en: 'Accumulated' },
  remaining: { es: 'Por ejecutar', en: 'To execute' },
  unitPriceMxn: { es: 'P.U. MXN', en: 'Unit price MXN' },
  unitPriceUsd: { es: 'P.U. USD', en: 'Unit price USD' },
  amountMxn: { es: 'Importe MXN', en: 'Amount MXN' },
  amountUsd: { es: 'Importe USD', en: 'Amount USD' },
  deductive: { es: 'DEDUCTIVA', en: 'DEDUCTIVE' },
  baseMxn: { es: 'Base MXN', en: 'Base MXN' },
  baseUsd: { es: 'Base USD', en: 'Base USD' },
  totalDeductions: { es: 'Total deducciones', en: 'Total deductions' },
  advance: { es: 'Anticipo', en: 'Advance' },
  recoveredBefore: { es: 'Recuperado en estimaciones anteriores', en: 'Recovered in earlier estimates' },
  balanceBefore: {
    es: 'Saldo por amortizar antes de esta estimación',
    en: 'Balance to amortize before this estimate',
  },
  balanceAfter: {
    es: 'Saldo por amortizar después de esta estimación',
    en: 'Balance to amortize after this estimate',
  },
  homologated: { es: 'Total homologado MXN', en: 'Homologated total MXN' },
  netInWordsMxn: { es: 'Neto con letra (MXN)', en: 'Net in words (MXN, Spanish)' },
  netInWordsUsd: { es: 'Neto con letra (USD)', en: 'Net in words (USD, Spanish)' },
  homologatedInWords: { es: 'Homologado con letra', en: 'Homologated in words (Spanish)' },
  annexSummary: { es: 'Resumen por anexo', en: 'Summary by annex' },
  concepts: { es: 'Conceptos', en: 'Concepts' },
} satisfies Record<string, Texts>

/** The deductions' kinds. */
const KIND: Record<string, Texts> = {
  amortization: { es: 'Amortización', en: 'Amortization' },
  retention: { es: 'Retención', en: 'Retention' },
  penalty: { es: 'Penalización', en: 'Penalty' },
}

/** 0 → A, 25 → Z, 26 → AA */
export const colName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + colName(i % 26)
const ref = (sheet: string, col: string, row: number) => `'${sheet}'!${col}${row}`

const text = (v: string, bold = false): XCell => ({ t: 'text', v, ...(bold ? { bold } : {}) })
const num = (v: string, fmt: XFormat, f?: string, bold = false): XCell => ({
  t: 'num',
  v,
  fmt,
  ...(f ? { f } : {}),
  ...(bold ? { bold } : {}),
})

/** `SUM(L12:L14,L17)`: consecutive rows as ranges. */
function sumOf(col: string, rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    parts.push(j === i ? `${col}${sorted[i]}` : `${col}${sorted[i]}:${col}${sorted[j]}`)
    i = j + 1
  }
  return `SUM(${parts.join(',')})`
}

/**
 * Pure: the three sheets, their formulas with the API's figures as cached results, and where each figure is;
 * sheet names and labels in `lang` (the document's own words come from `doc`, built in the same language).
 */
export function estimateWorkbookModel(doc: EstimateDocument, lang: Lang = 'es'): EstimateWorkbookModel {
  const figures: Record<string, string> = {}
  const L = labelsIn(TEXTS, lang)
  const MAIN_SHEET = L.mainSheet
  const DEDUCTIONS_SHEET = L.deductionsSheet
  const GENERATOR_SHEET = L.generatorSheet

  // ---- Generador ----
  const gen: (XCell | null)[][] = [
    [L.code, L.concept, L.unit, L.date, L.site, L.time, L.volume, L.excess, L.evidence, L.evidenceFiles].map(
      (h) => text(h, true),
    ),
  ]
  /** conceptId → the row of its generator total */
  const genTotal = new Map<string, number>()
  for (const c of doc.generator) {
    const first = gen.length + 1
    for (const cell of c.cells)
      gen.push([
        text(c.code),
        text(c.description),
        text(c.unit),
        { t: 'date', v: cell.date },
        text(cell.site),
        text(cell.timeType),
        num(cell.volume, 'quantity'),
        text(cell.isExcess ? YES_NO.yes[lang] : ''),
        text(cell.evidence),
        text(cell.files.join(', ')),
      ])
    const last = gen.length
    const row = gen.length + 1
    gen.push([
      text(c.code, true),
      text(`${L.total} ${c.code}`, true),
      text(c.unit),
      null,
      null,
      null,
      num(c.total, 'quantity', last >= first ? `SUM(G${first}:G${last})` : undefined, true),
    ])
    genTotal.set(c.conceptId, row)
    gen.push([])
  }

  // ---- Estimación: cover ----
  const main: (XCell | null)[][] = []
  const rate = doc.exchangeRate
  main.push([text(doc.org.name, true)])
  main.push([text(`${doc.title} — ${doc.name}`, true)])
  main.push([text(L.workOrder), text(doc.workOrderNumber)])
  main.push([text(L.clientContract), text(doc.contract)])
  main.push([text(L.period), text(`${toDayMonthYear(doc.period.start)} – ${toDayMonthYear(doc.period.end)}`)])
  main.push([text(L.type), text(doc.type), text(L.status), text(doc.status)])
  const IVA_ROW = main.length + 1
  main.push([text(L.ivaPercent), num(doc.ivaPercent, 'percent')])
  const RATE_ROW = main.length + 1
  main.push([
    text(L.rate),
    rate ? num(rate.rate, 'rate') : text('—'),
    text(rate ? (rate.frozen ? L.rateFrozen : L.rateSuggested) : ''),
  ])
  main.push([])
  const header = [
    L.code,
    L.description,
    L.unit,
    L.annex,
    L.authorized,
    L.previous,
    L.thisEstimate,
    L.accumulated,
    L.remaining,
    L.unitPriceMxn,
    L.unitPriceUsd,
    L.amountMxn,
    L.amountUsd,
  ]
  main.push(header.map((h) => text(h, true)))
  const firstLine = main.length + 1
  const lineRow = (i: number) => firstLine + i
  // the rows of each concept's lines (a production line and its deductive lines)
  const conceptRows = new Map<string, number[]>()
  doc.lines.forEach((l, i) =>
    conceptRows.set(l.conceptId, [...(conceptRows.get(l.conceptId) ?? []), lineRow(i)]),
  )
  doc.lines.forEach((l, i) => {
    const r = lineRow(i)
    const g = l.kind === 'production' ? genTotal.get(l.conceptId) : undefined
    const qty = num(l.quantity, 'quantity', g ? ref(GENERATOR_SHEET, 'G', g) : undefined)
    const rows = conceptRows.get(l.conceptId) ?? [r]
    main.push([
      text(l.code),
      text(l.kind === 'deductive' ? `${l.description} — ${L.deductive}: ${l.reason ?? ''}` : l.description),
      text(l.unit),
      text(l.annex ?? ''),
      num(l.authorizedQuantity, 'quantity'),
      num(l.previousQuantity, 'quantity'),
      qty,
      num(l.accumulatedQuantity, 'quantity', `F${r}+${rows.map((x) => `G${x}`).join('+')}`),
      num(l.remainingQuantity, 'quantity', `E${r}-H${r}`),
      num(l.unitPriceMxn, 'money'),
      num(l.unitPriceUsd, 'money'),
      num(l.amountMxn, 'money', `ROUND(G${r}*J${r},2)`),
      num(l.amountUsd, 'money', `ROUND(G${r}*K${r},2)`),
    ])
    for (const k of [
      'quantity',
      'accumulatedQuantity',
      'remainingQuantity',
      'amountMxn',
      'amountUsd',
    ] as const)
      figures[`lines.${i}.${k}`] = ref(
        MAIN_SHEET,
        { quantity: 'G', accumulatedQuantity: 'H', remainingQuantity: 'I', amountMxn: 'L', amountUsd: 'M' }[
          k
        ],
        r,
      )
  })
  const lastLine = main.length
  const S = main.length + 1
  const totalsRow = (label: string, mxn: XCell, usd: XCell) => {
    const row: (XCell | null)[] = Array.from({ length: 13 }, () => null)
    row[10] = text(label, true)
    row[11] = mxn
    row[12] = usd
    main.push(row)
  }
  const t = doc.totals
  const fig = (key: string) => t.find((x) => x.key === key)!
  const hasLines = lastLine >= firstLine
  totalsRow(
    fig('subtotal').label,
    num(fig('subtotal').mxn, 'money', hasLines ? `SUM(L${firstLine}:L${lastLine})` : undefined, true),
    num(fig('subtotal').usd, 'money', hasLines ? `SUM(M${firstLine}:M${lastLine})` : undefined, true),
  )

  // ---- Deducciones ----
  const ded: (XCell | null)[][] = [
    [L.concept, L.type, '%', L.baseMxn, L.baseUsd, L.amountMxn, L.amountUsd].map((h) => text(h, true)),
  ]
  const k = doc.deductions.length
  const T = 2 + k
  const ADV = T + 2
  const amortRow = doc.deductions.findIndex((d) => d.kind === 'amortization')
  doc.deductions.forEach((d, i) => {
    const r = 2 + i
    const base = (c: 'L' | 'M') => ref(MAIN_SHEET, c, S)
    const amount = (col: 'D' | 'E', bal: 'F' | 'G') =>
      d.kind === 'amortization'
        ? `MIN(ROUND(MAX(0,${col}${r}*C${r}/100),2),${bal}${ADV + 2})`
        : `IF(${col}${r}>0,ROUND(${col}${r}*C${r}/100,2),0)`
    const priced = d.kind !== 'penalty'
    ded.push([
      text(d.name),
      text(KIND[d.kind]?.[lang] ?? d.kind),
      d.percent === null ? null : num(d.percent, 'percent'),
      num(d.baseMxn, 'money', priced ? base('L') : undefined),
      num(d.baseUsd, 'money', priced ? base('M') : undefined),
      num(d.amountMxn, 'money', priced ? amount('D', 'F') : undefined),
      num(d.amountUsd, 'money', priced ? amount('E', 'G') : undefined),
    ])
    for (const [key, col] of [
      ['baseMxn', 'D'],
      ['baseUsd', 'E'],
      ['amountMxn', 'F'],
      ['amountUsd', 'G'],
    ] as const)
      figures[`deductions.${i}.${key}`] = ref(DEDUCTIONS_SHEET, col, r)
  })
  ded.push([
    text(L.totalDeductions, true),
    null,
    null,
    null,
    null,
    num(t[1]!.mxn, 'money', k > 0 ? `SUM(F2:F${T - 1})` : undefined, true),
    num(t[1]!.usd, 'money', k > 0 ? `SUM(G2:G${T - 1})` : undefined, true),
  ])
  ded.push([])
  const a = doc.advance
  const adv = (label: string, mxn: XCell, usd: XCell) =>
    ded.push([text(label), null, null, null, null, mxn, usd])
  adv(L.advance, num(a.advanceMxn, 'money'), num(a.advanceUsd, 'money'))
  adv(L.recoveredBefore, num(a.recoveredBeforeMxn, 'money'), num(a.recoveredBeforeUsd, 'money'))
  const before = (c: 'F' | 'G', v: string) => num(v, 'money', `MAX(0,${c}${ADV}-${c}${ADV + 1})`)
  // the balance before this estimate: what is left after it plus what it amortizes
  const balanceBefore = (cur: 'Mxn' | 'Usd') => {
    const amort = amortRow >= 0 ? doc.deductions[amortRow]![`amount${cur}`] : '0'
    return addDec(a[`balanceAfter${cur}`], amort)
  }
  adv(L.balanceBefore, before('F', balanceBefore('Mxn')), before('G', balanceBefore('Usd')))
  const after = (c: 'F' | 'G', v: string) =>
    num(v, 'money', amortRow >= 0 ? `${c}${ADV + 2}-${c}${2 + amortRow}` : `${c}${ADV + 2}`)
  adv(L.balanceAfter, after('F', a.balanceAfterMxn), after('G', a.balanceAfterUsd))
  figures['advance.balanceAfterMxn'] = ref(DEDUCTIONS_SHEET, 'F', ADV + 3)
  figures['advance.balanceAfterUsd'] = ref(DEDUCTIONS_SHEET, 'G', ADV + 3)

  // ---- Estimación: totals ----
  totalsRow(
    fig('deductions').label,
    num(fig('deductions').mxn, 'money', ref(DEDUCTIONS_SHEET, 'F', T)),
    num(fig('deductions').usd, 'money', ref(DEDUCTIONS_SHEET, 'G', T)),
  )
  const amortRef = (c: 'F' | 'G') => (amortRow >= 0 ? `-${ref(DEDUCTIONS_SHEET, c, 2 + amortRow)}` : '')
  totalsRow(
    fig('tax').label,
    num(fig('tax').mxn, 'money', `ROUND((L${S}${amortRef('F')})*$B$${IVA_ROW}/100,2)`),
    num(fig('tax').usd, 'money', `ROUND((M${S}${amortRef('G')})*$B$${IVA_ROW}/100,2)`),
  )
  totalsRow(
    fig('net').label,
    num(fig('net').mxn, 'money', `L${S}-L${S + 1}+L${S + 2}`, true),
    num(fig('net').usd, 'money', `M${S}-M${S + 1}+M${S + 2}`, true),
  )
  for (const [i, key] of ['subtotal', 'deductions', 'tax', 'net'].entries()) {
    figures[`totals.${key}Mxn`] = ref(MAIN_SHEET, 'L', S + i)
    figures[`totals.${key}Usd`] = ref(MAIN_SHEET, 'M', S + i)
  }
  if (doc.homologatedMxn !== null && rate) {
    const row: (XCell | null)[] = Array.from({ length: 13 }, () => null)
    row[10] = text(L.homologated, true)
    row[11] = num(doc.homologatedMxn, 'money', `ROUND(L${S + 3}+M${S + 3}*$B$${RATE_ROW},2)`, true)
    main.push(row)
    figures['totals.homologatedMxn'] = ref(MAIN_SHEET, 'L', S + 4)
  }
  main.push([])
  main.push([text(L.netInWordsMxn), text(doc.words.mxn)])
  main.push([text(L.netInWordsUsd), text(doc.words.usd)])
  if (doc.words.homologated) main.push([text(L.homologatedInWords), text(doc.words.homologated)])
  main.push([])

  // ---- Estimación: summary by annex ----
  main.push([text(L.annexSummary, true)])
  main.push([
    text(L.annex, true),
    text(L.concepts, true),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    text('Importe MXN', true),
    text('Importe USD', true),
  ])
  const firstAnnex = main.length + 1
  for (const s of doc.annexSummary) {
    const rows = doc.lines
      .map((l, i) => ((l.annex ?? DOCUMENT_TEXTS.noAnnex[lang]) === s.annex ? lineRow(i) : 0))
      .filter((x) => x > 0)
    const row: (XCell | null)[] = Array.from({ length: 13 }, () => null)
    row[0] = text(s.annex)
    row[1] = num(String(s.lines), 'quantity')
    row[11] = num(s.amountMxn, 'money', sumOf('L', rows))
    row[12] = num(s.amountUsd, 'money', sumOf('M', rows))
    main.push(row)
  }
  const lastAnnex = main.length
  {
    const row: (XCell | null)[] = Array.from({ length: 13 }, () => null)
    row[0] = text(L.total, true)
    const has = lastAnnex >= firstAnnex
    row[11] = num(
      doc.annexTotal.amountMxn,
      'money',
      has ? `SUM(L${firstAnnex}:L${lastAnnex})` : undefined,
      true,
    )
    row[12] = num(
      doc.annexTotal.amountUsd,
      'money',
      has ? `SUM(M${firstAnnex}:M${lastAnnex})` : undefined,
      true,
    )
    main.push(row)
    figures['annexTotal.amountMxn'] = ref(MAIN_SHEET, 'L', main.length)
    figures['annexTotal.amountUsd'] = ref(MAIN_SHEET, 'M', main.length)
  }

  return {
    sheets: [
      { name: MAIN_SHEET, widths: [14, 48, 9, 9, 13, 13, 14, 13, 13, 14, 14, 16, 16], rows: main },
      { name: DEDUCTIONS_SHEET, widths: [44, 14, 9, 16, 16, 16, 16], rows: ded },
      { name: GENERATOR_SHEET, widths: [12, 44, 9, 12, 22, 8, 12, 10, 18, 40], rows: gen },
    ],
    figures,
  }
}

/** a + b of two decimal strings already in cents (no float): used for a cached result only */
function addDec(a: string, b: string): string {
  const cents = (v: string) => {
    const neg = v.startsWith('-')
    const [i = '0', f = ''] = (neg ? v.slice(1) : v).split('.')
    const c = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2))
    return neg ? -c : c
  }
  const s = cents(a) + cents(b)
  const abs = s < 0n ? -s : s
  return `${s < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

const FORMATS: Record<XFormat, string> = {
  money: '#,##0.00',
  quantity: '#,##0.######',
  percent: '0.######',
  rate: '0.######',
  date: 'dd/mm/yyyy',
}

/** Writes the model with ExcelJS: formulas with their cached results, number formats, frozen header rows. */
export async function writeEstimateWorkbook(model: EstimateWorkbookModel): Promise<Buffer> {
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Faena'
  // Excel recomputes on open; the cached results are the API's figures
  wb.calcProperties.fullCalcOnLoad = true
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name)
    sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
    sheet.rows.forEach((cells, r) => {
      cells.forEach((c, i) => {
        if (!c) return
        const cell = ws.getCell(r + 1, i + 1)
        if (c.t === 'text') cell.value = c.v
        else if (c.t === 'date') {
          cell.value = new Date(`${c.v}T00:00:00Z`)
          cell.numFmt = FORMATS.date
        } else {
          cell.value = c.f ? { formula: c.f, result: Number(c.v) } : Number(c.v)
          cell.numFmt = FORMATS[c.fmt]
        }
        if ('bold' in c && c.bold) cell.font = { bold: true }
      })
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
