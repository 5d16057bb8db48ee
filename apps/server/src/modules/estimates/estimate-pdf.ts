/**
 * The printed estimate (docs/estimates.md#documents) as a pdfmake definition — pure, rendered by platform/pdf,
 * in the look of the rental billing sheet (A4 landscape, the same header, grid and signature blocks): the cover
 * (work order, contract, period, number), the summary by annex, the lines, the generator with the production
 * cells each concept bills and their evidence, the deductions with their bases, the totals in MXN, USD and
 * homologated with the rate, the net in words and the signatures. A draft prints BORRADOR across each page.
 * Every figure is the API's (estimate-document.ts), formatted with the organization's locale.
 */
import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { PdfContent, PdfDocDefinition } from '../../platform/pdf/pdf'
import type { EstimateDocument } from './estimate-document'

const formatters = new Map<string, Intl.NumberFormat>()
const formatter = (locale: string, min: number, max: number) => {
  const k = `${locale}|${min}|${max}`
  let f = formatters.get(k)
  if (!f)
    formatters.set(
      k,
      (f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })),
    )
  return f
}
/** A money figure as printed: the locale's separators, two decimals (exact: Intl formats the decimal string). */
export const pdfMoney = (v: string, locale: string) => formatter(locale, 2, 2).format(v as unknown as number)
/** A quantity as printed: its exact digits (up to 6 decimals) with the locale's separators. */
export const pdfQuantity = (v: string, locale: string) =>
  formatter(locale, 0, 6).format(v as unknown as number)

const STYLES: Record<string, Record<string, unknown>> = {
  org: { fontSize: 9, bold: true, color: '#334155' },
  title: { fontSize: 13, bold: true, margin: [0, 2, 0, 0] },
  number: { fontSize: 13, bold: true, color: '#b91c1c', alignment: 'center' },
  label: { fontSize: 7, color: '#475569' },
  section: { fontSize: 9, bold: true, margin: [0, 8, 0, 3], color: '#1d4f73' },
  th: { bold: true, fontSize: 7, fillColor: '#e2e8f0', alignment: 'center' },
  cell: { fontSize: 7 },
  small: { fontSize: 7 },
}

const GRID = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => '#94a3b8',
  vLineColor: () => '#94a3b8',
  paddingLeft: () => 2,
  paddingRight: () => 2,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
}

const th = (t: string) => ({ text: t, style: 'th' })
const c = (t: string, extra: Record<string, unknown> = {}) => ({ text: t, style: 'cell', ...extra })
const r = (t: string, extra: Record<string, unknown> = {}) => c(t, { alignment: 'right', ...extra })
const empty = (colSpan: number, message: string): PdfContent[] => [
  c(message, { colSpan, italics: true }),
  ...Array.from({ length: colSpan - 1 }, () => ''),
]

function header(doc: EstimateDocument): PdfContent {
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: doc.org.name, style: 'org' },
          { text: doc.title, style: 'title' },
          { text: `${doc.name} · ${doc.workOrderNumber}`, fontSize: 10, margin: [0, 2, 0, 0] },
          ...(doc.watermark
            ? [{ text: doc.watermark, color: '#b91c1c', bold: true, fontSize: 9, margin: [0, 2, 0, 0] }]
            : []),
        ],
      },
      {
        width: 'auto',
        table: {
          body: [
            [{ text: 'ESTIMACIÓN N°', style: 'label', alignment: 'center' }],
            [{ text: String(doc.number), style: 'number' }],
          ],
        },
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 8],
  }
}

function cover(doc: EstimateDocument, locale: string): PdfContent {
  const rate = doc.exchangeRate
  const rows: [string, string][] = [
    ['Orden de trabajo', doc.workOrderNumber],
    ['Contrato / cliente', doc.contract],
    ['Periodo', `${toDayMonthYear(doc.period.start)} – ${toDayMonthYear(doc.period.end)}`],
    ['Estimación', doc.name],
    ['Tipo', doc.type],
    ['Estado', doc.status],
    ['IVA', `${pdfQuantity(doc.ivaPercent, locale)} %`],
    [
      'Tipo de cambio',
      rate
        ? `${pdfQuantity(rate.rate, locale)} MXN/USD (${rate.frozen ? 'congelado al enviar' : 'sugerido'})`
        : 'Sin tipo de cambio',
    ],
    ['Conceptos', String(doc.lines.length)],
  ]
  const body: PdfContent[][] = []
  for (let i = 0; i < rows.length; i += 3) {
    const row: PdfContent[] = []
    for (let j = 0; j < 3; j++) {
      const x = rows[i + j]
      row.push(x ? { text: x[0], style: 'label' } : '', x ? { text: x[1], fontSize: 8 } : '')
    }
    body.push(row)
  }
  return {
    table: { widths: ['auto', '*', 'auto', '*', 'auto', '*'], body },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  }
}

function annexTable(doc: EstimateDocument, locale: string): PdfContent {
  const body: PdfContent[][] = [[th('ANEXO'), th('CONCEPTOS'), th('IMPORTE MXN'), th('IMPORTE USD')]]
  for (const s of doc.annexSummary)
    body.push([
      c(s.annex),
      r(String(s.lines)),
      r(pdfMoney(s.amountMxn, locale)),
      r(pdfMoney(s.amountUsd, locale)),
    ])
  if (doc.annexSummary.length === 0) body.push(empty(4, 'La estimación no tiene conceptos.'))
  body.push([
    c('TOTAL', { bold: true, colSpan: 2 }),
    '',
    r(pdfMoney(doc.annexTotal.amountMxn, locale), { bold: true }),
    r(pdfMoney(doc.annexTotal.amountUsd, locale), { bold: true }),
  ])
  return { table: { headerRows: 1, widths: [80, 60, 90, 90], body }, layout: GRID }
}

function linesTable(doc: EstimateDocument, locale: string): PdfContent {
  const q = (v: string) => pdfQuantity(v, locale)
  const m = (v: string) => pdfMoney(v, locale)
  const body: PdfContent[][] = [
    [
      'CLAVE',
      'DESCRIPCIÓN',
      'UNIDAD',
      'ANEXO',
      'AUTORIZADO',
      'ANTERIOR',
      'ESTA ESTIM.',
      'ACUMULADO',
      'POR EJECUTAR',
      'P.U. MXN',
      'P.U. USD',
      'IMPORTE MXN',
      'IMPORTE USD',
    ].map(th),
  ]
  for (const l of doc.lines) {
    const red = l.kind === 'deductive' ? { color: '#b91c1c' } : {}
    body.push([
      c(l.code, { bold: true, ...red }),
      {
        stack: [
          c(l.description, red),
          ...(l.kind === 'deductive'
            ? [c(`Deductiva: ${l.reason ?? ''}`, { italics: true, fontSize: 6, ...red })]
            : []),
          ...(l.excessQuantity !== '0'
            ? [c(`Incluye ${q(l.excessQuantity)} de excedente autorizado`, { italics: true, fontSize: 6 })]
            : []),
        ],
      },
      c(l.unit),
      c(l.annex ?? ''),
      r(q(l.authorizedQuantity)),
      r(q(l.previousQuantity)),
      r(q(l.quantity), { bold: true, ...red }),
      r(q(l.accumulatedQuantity)),
      r(q(l.remainingQuantity)),
      r(m(l.unitPriceMxn)),
      r(m(l.unitPriceUsd)),
      r(m(l.amountMxn), red),
      r(m(l.amountUsd), red),
    ])
  }
  if (doc.lines.length === 0) body.push(empty(13, 'La estimación aún no cobra producción.'))
  const sub = doc.totals.find((t) => t.key === 'subtotal')!
  body.push([
    c('SUBTOTAL', { bold: true, colSpan: 11, alignment: 'right' }),
    ...Array.from({ length: 10 }, () => ''),
    r(m(sub.mxn), { bold: true }),
    r(m(sub.usd), { bold: true }),
  ])
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [34, '*', 26, 28, 44, 44, 44, 44, 44, 46, 46, 54, 54],
      body,
    },
    layout: GRID,
  }
}

function generatorTables(doc: EstimateDocument, locale: string): PdfContent[] {
  if (doc.generator.length === 0)
    return [{ text: 'Sin celdas de producción en esta estimación.', italics: true, fontSize: 8 }]
  return doc.generator.map((g) => ({
    stack: [
      {
        text: [{ text: `${g.code} `, bold: true }, `${g.description} (${g.unit})`],
        fontSize: 8,
        margin: [0, 4, 0, 2],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [48, 110, 30, 54, 40, 70, '*'],
          body: [
            [
              'FECHA',
              'SITIO',
              'TIEMPO',
              'VOLUMEN',
              'EXCEDENTE',
              'EVIDENCIA',
              'ARCHIVOS DE EVIDENCIA (GPU)',
            ].map(th),
            ...g.cells.map((x) => [
              c(toDayMonthYear(x.date)),
              c(x.site),
              c(x.timeType),
              r(pdfQuantity(x.volume, locale)),
              c(x.isExcess ? 'Sí' : ''),
              c(x.evidence),
              c(x.files.length ? x.files.join(', ') : '—'),
            ]),
            [
              c(`TOTAL ${g.code}`, { bold: true, colSpan: 3, alignment: 'right' }),
              '',
              '',
              r(pdfQuantity(g.total, locale), { bold: true }),
              { text: '', colSpan: 3 },
              '',
              '',
            ],
          ],
        },
        layout: GRID,
      },
    ],
  }))
}

function deductionsTable(doc: EstimateDocument, locale: string): PdfContent[] {
  const m = (v: string) => pdfMoney(v, locale)
  const body: PdfContent[][] = [
    ['DEDUCCIÓN', '%', 'BASE MXN', 'BASE USD', 'IMPORTE MXN', 'IMPORTE USD'].map(th),
  ]
  for (const d of doc.deductions)
    body.push([
      c(d.kind === 'penalty' ? `Penalización: ${d.name}` : d.name),
      r(d.percent === null ? '—' : `${pdfQuantity(d.percent, locale)} %`),
      r(d.kind === 'penalty' ? '—' : m(d.baseMxn)),
      r(d.kind === 'penalty' ? '—' : m(d.baseUsd)),
      r(m(d.amountMxn)),
      r(m(d.amountUsd)),
    ])
  if (doc.deductions.length === 0) body.push(empty(6, 'Sin deducciones.'))
  const t = doc.totals.find((x) => x.key === 'deductions')!
  body.push([
    c('TOTAL DEDUCCIONES', { bold: true, colSpan: 4, alignment: 'right' }),
    '',
    '',
    '',
    r(m(t.mxn), { bold: true }),
    r(m(t.usd), { bold: true }),
  ])
  const a = doc.advance
  return [
    { table: { headerRows: 1, widths: ['*', 44, 70, 70, 70, 70], body }, layout: GRID },
    {
      text: `Anticipo: ${m(a.advanceMxn)} MXN / ${m(a.advanceUsd)} USD · recuperado antes: ${m(a.recoveredBeforeMxn)} MXN / ${m(a.recoveredBeforeUsd)} USD · saldo después de esta estimación: ${m(a.balanceAfterMxn)} MXN / ${m(a.balanceAfterUsd)} USD`,
      style: 'small',
      margin: [0, 3, 0, 0],
    },
  ]
}

/** deductions print with a minus sign, unless there are none */
const minus = (key: string, v: string) => (key === 'deductions' && !/^-?0(\.0+)?$/.test(v) ? '−' : '')

function totalsBlock(doc: EstimateDocument, locale: string): PdfContent {
  const m = (v: string) => pdfMoney(v, locale)
  const body: PdfContent[][] = [[{ text: '', border: [false, false, false, false] }, th('MXN'), th('USD')]]
  for (const t of doc.totals) {
    const strong = t.key === 'net'
    body.push([
      {
        text: t.label.toUpperCase(),
        style: strong ? undefined : 'label',
        bold: strong,
        fontSize: strong ? 9 : 7,
      },
      r(`${minus(t.key, t.mxn)}${m(t.mxn)}`, strong ? { bold: true, fontSize: 9 } : {}),
      r(`${minus(t.key, t.usd)}${m(t.usd)}`, strong ? { bold: true, fontSize: 9 } : {}),
    ])
  }
  const rate = doc.exchangeRate
  if (doc.homologatedMxn !== null && rate)
    body.push([
      { text: `TOTAL HOMOLOGADO MXN (T.C. ${pdfQuantity(rate.rate, locale)})`, bold: true, fontSize: 9 },
      r(m(doc.homologatedMxn), { bold: true, fontSize: 9 }),
      r(''),
    ])
  return { table: { widths: ['auto', 90, 90], body }, layout: 'lightHorizontalLines' }
}

function wordsBlock(doc: EstimateDocument): PdfContent {
  const rows: PdfContent[][] = [
    [{ text: 'IMPORTE NETO CON LETRA', style: 'label', colSpan: 2 }, ''],
    [
      { text: 'MXN', style: 'label' },
      { text: `(${doc.words.mxn})`, fontSize: 8, bold: true },
    ],
    [
      { text: 'USD', style: 'label' },
      { text: `(${doc.words.usd})`, fontSize: 8, bold: true },
    ],
  ]
  if (doc.words.homologated)
    rows.push([
      { text: 'HOMOLOGADO', style: 'label' },
      { text: `(${doc.words.homologated})`, fontSize: 8, bold: true },
    ])
  return { table: { widths: ['auto', '*'], body: rows }, layout: 'noBorders' }
}

function signatures(doc: EstimateDocument): PdfContent {
  return {
    columns: doc.signatures.map((b) => ({
      stack: [
        { text: b.caption.toUpperCase(), style: 'label', alignment: 'center' },
        { text: ' ', margin: [0, 24, 0, 0] },
        { canvas: [{ type: 'line', x1: 20, y1: 0, x2: 220, y2: 0, lineWidth: 0.7 }] },
        { text: 'Nombre y firma', fontSize: 7, alignment: 'center', margin: [0, 3, 0, 0] },
        { text: b.role, bold: true, fontSize: 8, alignment: 'center' },
      ],
    })),
    columnGap: 12,
    margin: [0, 18, 0, 0],
    unbreakable: true,
  }
}

export function estimatePdf(doc: EstimateDocument): PdfDocDefinition {
  const locale = doc.org.locale
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [22, 22, 22, 30],
    info: {
      title: `${doc.name} — ${doc.workOrderNumber}`,
      subject: `${doc.period.start} – ${doc.period.end}`,
    },
    styles: STYLES,
    ...(doc.watermark
      ? { watermark: { text: doc.watermark, color: '#b91c1c', opacity: 0.12, bold: true, angle: -30 } }
      : {}),
    footer: (current: number, count: number): PdfContent => ({
      columns: [
        { text: `${doc.name} · ${doc.workOrderNumber} · ${doc.org.name}`, style: 'small' },
        { text: `Página ${current} de ${count}`, alignment: 'right', style: 'small' },
      ],
      margin: [22, 10, 22, 0],
    }),
    content: [
      header(doc),
      cover(doc, locale),
      { text: 'RESUMEN POR ANEXO', style: 'section' },
      annexTable(doc, locale),
      { text: 'DETALLE POR CONCEPTO', style: 'section' },
      linesTable(doc, locale),
      { text: 'DEDUCCIONES', style: 'section' },
      ...deductionsTable(doc, locale),
      {
        columns: [
          { width: '*', stack: [wordsBlock(doc)] },
          { width: 'auto', stack: [{ text: 'TOTALES', style: 'section' }, totalsBlock(doc, locale)] },
        ],
        columnGap: 16,
        margin: [0, 6, 0, 0],
        unbreakable: true,
      },
      { text: 'GENERADOR: PRODUCCIÓN QUE COBRA CADA CONCEPTO', style: 'section' },
      ...generatorTables(doc, locale),
      signatures(doc),
    ],
  }
}
