/**
 * What an estimate's documents print (docs/estimates.md#documents), laid out by pure functions from the estimate
 * as the API answers it: the cover, the summary by annex, the lines, the generator (the production cells each
 * concept bills, with their evidence), the deductions with their bases, the totals in MXN, USD and homologated,
 * the net in words and the signature blocks. The PDF (estimate-pdf.ts) and the workbook (estimate-xlsx.ts) print
 * these figures and nothing else, so a test comparing them with the API compares the documents.
 *
 * Sums here are exact (decimal.js) over figures already in cents: nothing is rounded again.
 */
import type { TEstimate, TEstimateDeduction, TEstimateLine } from '@faena/contracts'
import { labelsIn, type Texts } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { amountInWords } from '../../platform/money/amount-in-words'
import { Dec } from '../../platform/money/money'

export type DocumentOrg = { name: string; locale: string }

export type EstimateDocumentInput = {
  org: DocumentOrg
  estimate: TEstimate
  client: { name: string; clientType: string | null } | null
  /** site id → name */
  siteNames: ReadonlyMap<string, string>
  /** `cellKey(cell)` → the evidence's file names and links */
  evidenceFiles: ReadonlyMap<string, readonly string[]>
}

export type AnnexSummaryRow = { annex: string; lines: number; amountMxn: string; amountUsd: string }
export type GeneratorCell = {
  date: string
  site: string
  timeType: string
  volume: string
  isExcess: boolean
  evidence: string
  files: readonly string[]
}
export type GeneratorConcept = {
  conceptId: string
  code: string
  description: string
  unit: string
  cells: GeneratorCell[]
  /** Σ volumes: the production line's quantity */
  total: string
}
export type TotalRow = {
  key: 'subtotal' | 'deductions' | 'tax' | 'net'
  label: string
  mxn: string
  usd: string
}
export type SignatureBlock = { caption: string; role: string }

export type EstimateDocument = {
  org: DocumentOrg
  title: string
  /** "Estimación N" */
  name: string
  number: number
  workOrderNumber: string
  client: string
  contract: string
  period: { start: string; end: string }
  type: string
  status: string
  /** draft and in review print BORRADOR across each page; cancelled, CANCELADA */
  watermark: string | null
  ivaPercent: string
  exchangeRate: { rate: string; frozen: boolean } | null
  annexSummary: AnnexSummaryRow[]
  annexTotal: { amountMxn: string; amountUsd: string }
  lines: TEstimateLine[]
  generator: GeneratorConcept[]
  deductions: TEstimateDeduction[]
  advance: TEstimate['advance']
  totals: TotalRow[]
  homologatedMxn: string | null
  words: { mxn: string; usd: string; homologated: string | null }
  signatures: SignatureBlock[]
}

/**
 * The document's words in both languages (docs/platform.md "Messages and languages"): the workbook is written in
 * the requester's language; the PDF stays in Spanish.
 */
export const TYPE_NAMES: Record<string, Texts> = {
  ordinary: { es: 'Ordinaria', en: 'Ordinary' },
  extraordinary: { es: 'Extraordinaria (PUE)', en: 'Extraordinary (PUE)' },
  excess: { es: 'Excedentes de volumen', en: 'Volume excess' },
  price_adjustment: { es: 'Ajuste de costos', en: 'Cost adjustment' },
  final_settlement: { es: 'Finiquito', en: 'Final settlement' },
}
export const STATUS_LABELS: Record<string, Texts> = {
  draft: { es: 'Borrador', en: 'Draft' },
  in_review: { es: 'En revisión', en: 'In review' },
  submitted: { es: 'Enviada al cliente', en: 'Submitted to the client' },
  approved: { es: 'Aprobada', en: 'Approved' },
  invoiced: { es: 'Facturada', en: 'Invoiced' },
  paid: { es: 'Pagada', en: 'Paid' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
}
export const EVIDENCE_LABELS: Record<string, Texts> = {
  signed: { es: 'Firmada', en: 'Signed' },
  pending: { es: 'Pendiente', en: 'Pending' },
  in_process: { es: 'En proceso', en: 'In process' },
  missing_client_signature: { es: 'Falta firma del cliente', en: "Missing the client's signature" },
  rejected: { es: 'Rechazada', en: 'Rejected' },
  not_required: { es: 'No requerida', en: 'Not required' },
}
export const DOCUMENT_TEXTS = {
  title: { es: 'ESTIMACIÓN DE OBRA', en: 'WORK ESTIMATE' },
  name: { es: 'Estimación', en: 'Estimate' },
  noAnnex: { es: 'Sin anexo', en: 'No annex' },
  subtotal: { es: 'Subtotal', en: 'Subtotal' },
  deductions: { es: 'Deducciones', en: 'Deductions' },
  tax: { es: 'IVA', en: 'VAT' },
  net: { es: 'Neto a pagar', en: 'Net payable' },
  file: { es: 'Estimacion', en: 'Estimate' },
} satisfies Record<string, Texts>
const WATERMARKS: Record<string, string> = {
  draft: 'BORRADOR',
  in_review: 'BORRADOR',
  cancelled: 'CANCELADA',
}

/** The key of a production cell in the generator's evidence map. */
export const cellKey = (c: { siteId: string; conceptId: string; date: string; timeType: string }) =>
  `${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`

/** Per annex (in the lines' order: they come sorted by annex), the count and amounts of its lines. */
export function annexSummary(lines: readonly TEstimateLine[], lang: Lang = 'es'): AnnexSummaryRow[] {
  const rows = new Map<string, { lines: number; mxn: Dec; usd: Dec }>()
  for (const l of lines) {
    const k = l.annex ?? DOCUMENT_TEXTS.noAnnex[lang]
    const r = rows.get(k) ?? { lines: 0, mxn: new Dec(0), usd: new Dec(0) }
    r.lines++
    r.mxn = r.mxn.plus(l.amountMxn)
    r.usd = r.usd.plus(l.amountUsd)
    rows.set(k, r)
  }
  return [...rows].map(([annex, r]) => ({
    annex,
    lines: r.lines,
    amountMxn: r.mxn.toFixed(2),
    amountUsd: r.usd.toFixed(2),
  }))
}

/** The generator: per production line, the cells it bills (date, site, time type, volume, evidence). */
export function generatorOf(
  e: Pick<TEstimate, 'lines' | 'cells'>,
  siteNames: ReadonlyMap<string, string>,
  evidenceFiles: ReadonlyMap<string, readonly string[]>,
  lang: Lang = 'es',
): GeneratorConcept[] {
  const byConcept = new Map<string, TEstimate['cells']>()
  for (const c of e.cells) byConcept.set(c.conceptId, [...(byConcept.get(c.conceptId) ?? []), c])
  return e.lines
    .filter((l) => l.kind === 'production')
    .map((l) => {
      const cells = [...(byConcept.get(l.conceptId) ?? [])].sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          (siteNames.get(a.siteId) ?? '').localeCompare(siteNames.get(b.siteId) ?? '') ||
          a.timeType.localeCompare(b.timeType),
      )
      return {
        conceptId: l.conceptId,
        code: l.code,
        description: l.description,
        unit: l.unit,
        cells: cells.map((c) => ({
          date: c.date,
          site: siteNames.get(c.siteId) ?? '—',
          timeType: c.timeType,
          volume: c.volume,
          isExcess: c.isExcess,
          evidence: EVIDENCE_LABELS[c.evidenceStatus]?.[lang] ?? c.evidenceStatus,
          files: evidenceFiles.get(cellKey(c)) ?? [],
        })),
        total: cells.reduce((s, c) => s.plus(c.volume), new Dec(0)).toFixed(),
      }
    })
}

/** The totals block, in the order printed; the figures are the API's. */
export function totalRows(e: Pick<TEstimate, 'totals' | 'ivaPercent'>, lang: Lang = 'es'): TotalRow[] {
  const t = e.totals
  const T = labelsIn(DOCUMENT_TEXTS, lang)
  return [
    { key: 'subtotal', label: T.subtotal, mxn: t.subtotalMxn, usd: t.subtotalUsd },
    { key: 'deductions', label: T.deductions, mxn: t.deductionsMxn, usd: t.deductionsUsd },
    { key: 'tax', label: `${T.tax} ${new Dec(e.ivaPercent).toFixed()} %`, mxn: t.taxMxn, usd: t.taxUsd },
    { key: 'net', label: T.net, mxn: t.netMxn, usd: t.netUsd },
  ]
}

/** The net (and the homologated total) in Spanish words. */
export function totalsInWords(t: TEstimate['totals']): EstimateDocument['words'] {
  return {
    mxn: amountInWords(t.netMxn, 'MXN'),
    usd: amountInWords(t.netUsd, 'USD'),
    homologated: t.homologatedMxn === null ? null : amountInWords(t.homologatedMxn, 'MXN'),
  }
}

/** The signature blocks: prepared by the superintendent, reviewed by the supervision, authorized by the resident. */
export const SIGNATURES: SignatureBlock[] = [
  { caption: 'Elaboró', role: 'Superintendente de construcción' },
  { caption: 'Revisó', role: 'Supervisión' },
  { caption: 'Autorizó', role: 'Residente de obra' },
]

/**
 * Everything the documents print, from the estimate as the API answers it; its words in `lang` (the PDF asks for
 * Spanish; the net in words is Spanish in either).
 */
export function estimateDocument(input: EstimateDocumentInput, lang: Lang = 'es'): EstimateDocument {
  const e = input.estimate
  const summary = annexSummary(e.lines, lang)
  const rate = e.exchangeRate ?? e.suggestedExchangeRate
  const clientType = input.client?.clientType
  return {
    org: input.org,
    title: DOCUMENT_TEXTS.title[lang],
    name: `${DOCUMENT_TEXTS.name[lang]} ${e.number}`,
    number: e.number,
    workOrderNumber: e.workOrderNumber,
    client: input.client?.name ?? '—',
    contract: clientType ? `${clientType} — ${input.client?.name ?? ''}` : (input.client?.name ?? '—'),
    period: { start: e.periodStart, end: e.periodEnd },
    type: TYPE_NAMES[e.type]?.[lang] ?? e.type,
    status: STATUS_LABELS[e.status]?.[lang] ?? e.status,
    watermark: WATERMARKS[e.status] ?? null,
    ivaPercent: new Dec(e.ivaPercent).toFixed(),
    exchangeRate: rate ? { rate: new Dec(rate).toFixed(), frozen: e.exchangeRate !== null } : null,
    annexSummary: summary,
    annexTotal: {
      amountMxn: summary.reduce((s, r) => s.plus(r.amountMxn), new Dec(0)).toFixed(2),
      amountUsd: summary.reduce((s, r) => s.plus(r.amountUsd), new Dec(0)).toFixed(2),
    },
    lines: e.lines,
    generator: generatorOf(e, input.siteNames, input.evidenceFiles, lang),
    deductions: e.deductions,
    advance: e.advance,
    totals: totalRows(e, lang),
    homologatedMxn: e.totals.homologatedMxn,
    words: totalsInWords(e.totals),
    signatures: SIGNATURES,
  }
}

/** A safe file name for the estimate's documents: `Estimacion-<OT>-<N>.<ext>` (`Estimate-…` in English). */
export const documentFileName = (
  e: Pick<TEstimate, 'workOrderNumber' | 'number'>,
  ext: 'pdf' | 'xlsx',
  lang: Lang = 'es',
) => `${DOCUMENT_TEXTS.file[lang]}-${e.workOrderNumber.replace(/[^\w.-]+/g, '_')}-${e.number}.${ext}`
