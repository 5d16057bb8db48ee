import type { TBillingSheetDetail, TBillingSheetLine, TDispositionCertificate } from '@faena/contracts'
import type { PdfContent, PdfDocDefinition } from '../../platform/pdf/pdf'
import { datesBetween, toDayMonthYear } from '@faena/domain/calendar-date'
import { formatAmount } from '../../platform/money/money'

/**
 * The printed billing sheet ("planilla de cantidades") and the final disposition certificate as pdfmake
 * definitions — pure functions, rendered by platform/pdf (docs/rental-billing.md#printed-documents).
 *
 * Sheet: A4 landscape; one column per DATE of the period (a period longer than 31 days prints in blocks of
 * at most 31 dates; a month change starts a new shade), "1" on the billed dates of each line; totals with
 * IVA; signature blocks with the sheet's CREATOR (the old sheet printed the viewer) and no hard-coded names.
 */

export type PdfOrganization = { name: string; locale: string }

const MONTHS = [
  'ENERO',
  'FEBRERO',
  'MARZO',
  'ABRIL',
  'MAYO',
  'JUNIO',
  'JULIO',
  'AGOSTO',
  'SEPTIEMBRE',
  'OCTUBRE',
  'NOVIEMBRE',
  'DICIEMBRE',
]

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export const pdfDate = (d: string | null | undefined): string => toDayMonthYear(d)

/** A decimal string with the locale's separators and two decimals (Intl formats the string exactly). */
export const pdfAmount = (value: string, locale: string): string => formatAmount(value, locale)

/** A tax rate fraction ('0.1500') as a percentage label ('15 %'). */
export function ratePercent(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.')
  const scaled = `${int}${frac.padEnd(2, '0').slice(0, 2)}.${frac.slice(2)}`
  const trimmed = scaled.replace(/^0+(?=\d)/, '').replace(/\.?0*$/, '')
  return `${trimmed || '0'} %`
}

/** Every date of a period, inclusive. */
export const periodDates = (start: string, end: string): string[] => datesBetween(start, end)

/** "ENERO 2026", or "ENERO – FEBRERO 2026" / "DICIEMBRE 2025 – ENERO 2026" when the period crosses months. */
export function executionMonth(start: string, end: string): string {
  const m = (d: string) => MONTHS[Number(d.slice(5, 7)) - 1] ?? ''
  if (start.slice(0, 7) === end.slice(0, 7)) return `${m(start)} ${start.slice(0, 4)}`
  if (start.slice(0, 4) === end.slice(0, 4)) return `${m(start)} – ${m(end)} ${start.slice(0, 4)}`
  return `${m(start)} ${start.slice(0, 4)} – ${m(end)} ${end.slice(0, 4)}`
}

/** Blocks of at most `size` dates. */
export function chunkDates(dates: readonly string[], size = 31): string[][] {
  const out: string[][] = []
  for (let i = 0; i < dates.length; i += size) out.push(dates.slice(i, i + size))
  return out
}

/** The short equipment label of a printed line (docs/rental-billing.md#printed-documents). */
export function equipmentLabel(line: TBillingSheetLine): string {
  switch (line.kind) {
    case 'rental':
      return line.equipmentCode ?? line.equipmentName ?? 'EQUIPO'
    case 'service':
      return 'SERVICIO'
    case 'maintenance':
      return 'MANTENIMIENTO'
    case 'shipping':
    case 'custody':
      return 'LOGÍSTICA'
  }
}

const STATUS_STAMP: Record<TBillingSheetDetail['status'], string | null> = {
  in_progress: 'EN PROCESO — BORRADOR',
  liquidated: null,
  invoiced: null,
  cancelled: 'ANULADA',
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—')

const STYLES: Record<string, Record<string, unknown>> = {
  org: { fontSize: 9, bold: true, color: '#334155' },
  title: { fontSize: 13, bold: true, margin: [0, 2, 0, 0] },
  number: { fontSize: 13, bold: true, color: '#b91c1c', alignment: 'center' },
  label: { fontSize: 7, color: '#475569' },
  th: { bold: true, fontSize: 7, fillColor: '#e2e8f0', alignment: 'center' },
  day: { fontSize: 6, alignment: 'center' },
  cell: { fontSize: 7 },
  small: { fontSize: 7 },
  stamp: { color: '#b91c1c', bold: true, fontSize: 10, alignment: 'right' },
}

/** Thin lines and narrow padding, so 31 day columns fit on a landscape page. */
const GRID_LAYOUT = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => '#94a3b8',
  vLineColor: () => '#94a3b8',
  paddingLeft: () => 1.5,
  paddingRight: () => 1.5,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
}

function header(
  org: PdfOrganization,
  title: string,
  numberLabel: string,
  number: string,
  stamp: string | null,
): PdfContent {
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: org.name, style: 'org' },
          { text: title, style: 'title' },
          ...(stamp
            ? [{ text: stamp, color: '#b91c1c', bold: true, fontSize: 9, margin: [0, 2, 0, 0] }]
            : []),
        ],
      },
      {
        width: 'auto',
        table: {
          body: [
            [{ text: numberLabel, style: 'label', alignment: 'center' }],
            [{ text: number, style: 'number' }],
          ],
        },
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 8],
  }
}

function kvGrid(rows: [string, string | null | undefined][], pairs: number): PdfContent {
  const body: PdfContent[][] = []
  for (let i = 0; i < rows.length; i += pairs) {
    const row: PdfContent[] = []
    for (let j = 0; j < pairs; j++) {
      const r = rows[i + j]
      row.push(r ? { text: r[0], style: 'label' } : '', r ? { text: dash(r[1]), fontSize: 8 } : '')
    }
    body.push(row)
  }
  const widths: (string | number)[] = []
  for (let j = 0; j < pairs; j++) widths.push('auto', '*')
  return { table: { widths, body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] }
}

function signatures(
  blocks: { caption: string; name: string | null; lines?: (string | null)[] }[],
): PdfContent {
  return {
    columns: blocks.map((b) => ({
      stack: [
        { text: ' ', margin: [0, 26, 0, 0] },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 160, y2: 0, lineWidth: 0.7 }] },
        { text: dash(b.name), bold: true, fontSize: 8, margin: [0, 3, 0, 0] },
        ...(b.lines ?? [])
          .filter((l): l is string => Boolean(l && l.trim()))
          .map((l) => ({ text: l, fontSize: 7 })),
        { text: b.caption, style: 'label' },
      ],
    })),
    columnGap: 12,
    margin: [0, 14, 0, 0],
    unbreakable: true,
  }
}

export type SheetPdfInput = {
  org: PdfOrganization
  sheet: TBillingSheetDetail
  /** the person who requested the service on the client's side (the sheet's contact) */
  contactName: string | null
}

/** One lines table for a block of dates. */
function linesTable(sheet: TBillingSheetDetail, dates: readonly string[], locale: string): PdfContent {
  const monthShade = new Map<string, boolean>()
  let shade = false
  let lastMonth = ''
  for (const d of dates) {
    const month = d.slice(0, 7)
    if (month !== lastMonth && lastMonth !== '') shade = !shade
    lastMonth = month
    monthShade.set(d, shade)
  }
  const fill = (d: string) => (monthShade.get(d) ? '#f1f5f9' : null)
  const head: PdfContent[] = [
    { text: 'N°', style: 'th' },
    { text: 'EQUIPO', style: 'th' },
    { text: 'DETALLE', style: 'th' },
    { text: 'CANT.', style: 'th' },
    { text: 'UNIDAD', style: 'th' },
    ...dates.map((d) => ({
      text: [{ text: d.slice(8, 10) }, { text: `\n${d.slice(5, 7)}`, fontSize: 5, color: '#475569' }],
      style: 'th',
      fontSize: 6,
      ...(fill(d) ? { fillColor: '#cbd5e1' } : {}),
    })),
    { text: 'P. UNIT.', style: 'th' },
    { text: 'TOTAL', style: 'th' },
  ]
  const body: PdfContent[][] = [head]
  sheet.lines.forEach((l, i) => {
    const billed = new Set(l.dates)
    body.push([
      { text: String(i + 1), style: 'cell', alignment: 'right' },
      { text: equipmentLabel(l), style: 'cell' },
      { text: l.description, style: 'cell' },
      { text: l.quantity, style: 'cell', alignment: 'right' },
      { text: l.unit === 'days' ? 'DÍAS' : 'UNIDAD', style: 'cell' },
      ...dates.map((d) => ({
        text: billed.has(d) ? '1' : '',
        style: 'day',
        bold: billed.has(d),
        ...(fill(d) ? { fillColor: fill(d) } : {}),
      })),
      { text: pdfAmount(l.unitPrice, locale), style: 'cell', alignment: 'right' },
      { text: pdfAmount(l.total, locale), style: 'cell', alignment: 'right' },
    ])
  })
  if (sheet.lines.length === 0) {
    body.push([
      {
        text: 'La planilla no tiene líneas en este período.',
        colSpan: 7 + dates.length,
        style: 'cell',
        italics: true,
      },
      ...Array.from({ length: 6 + dates.length }, () => ''),
    ])
  }
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [12, 62, '*', 20, 26, ...dates.map(() => 10), 38, 44],
      body,
    },
    layout: GRID_LAYOUT,
    margin: [0, 0, 0, 6],
  }
}

export function billingSheetPdf({ org, sheet, contactName }: SheetPdfInput): PdfDocDefinition {
  const locale = org.locale
  const blocks = chunkDates(periodDates(sheet.periodStart, sheet.periodEnd))
  const tables: PdfContent[] = blocks.flatMap((dates, i) => [
    ...(blocks.length > 1
      ? [
          {
            text: `Días del ${pdfDate(dates[0])} al ${pdfDate(dates[dates.length - 1])} (${i + 1} de ${blocks.length})`,
            style: 'label',
            margin: [0, i === 0 ? 0 : 6, 0, 2],
            ...(i > 0 ? { pageBreak: 'before' } : {}),
          },
        ]
      : []),
    linesTable(sheet, dates, locale),
  ])
  const totals: PdfContent = {
    table: {
      widths: ['auto', 80],
      body: [
        [
          { text: 'SUBTOTAL', style: 'label' },
          { text: pdfAmount(sheet.subtotal, locale), alignment: 'right', fontSize: 8 },
        ],
        [
          { text: 'IVA 0 %', style: 'label' },
          { text: pdfAmount('0', locale), alignment: 'right', fontSize: 8 },
        ],
        [
          { text: `IVA ${ratePercent(sheet.taxRate)}`, style: 'label' },
          { text: pdfAmount(sheet.tax, locale), alignment: 'right', fontSize: 8 },
        ],
        [
          { text: `TOTAL ${sheet.currency}`, bold: true, fontSize: 9 },
          { text: pdfAmount(sheet.total, locale), alignment: 'right', bold: true, fontSize: 9 },
        ],
      ],
    },
    layout: 'lightHorizontalLines',
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [20, 22, 20, 30],
    info: {
      title: `Planilla ${sheet.seriesCode}`,
      subject: `${sheet.projectName} ${sheet.periodStart} – ${sheet.periodEnd}`,
    },
    styles: STYLES,
    footer: (current: number, count: number): PdfContent => ({
      columns: [
        { text: `${sheet.seriesCode} · ${sheet.projectName}`, style: 'small' },
        { text: `Página ${current} de ${count}`, alignment: 'right', style: 'small' },
      ],
      margin: [20, 10, 20, 0],
    }),
    content: [
      header(org, 'PLANILLA DE CANTIDADES', 'SERIE', sheet.seriesCode, STATUS_STAMP[sheet.status]),
      kvGrid(
        [
          ['Cliente', sheet.clientName],
          ['RUC', sheet.clientTaxId],
          ['Período de medición', `${pdfDate(sheet.periodStart)} – ${pdfDate(sheet.periodEnd)}`],
          ['Proyecto', sheet.projectName],
          ['Sitio', sheet.projectLocation],
          ['Mes de ejecución', executionMonth(sheet.periodStart, sheet.periodEnd)],
          ['Objeto del servicio', 'ALQUILER Y MANTENIMIENTO'],
          ['Orden de compra', sheet.clientPoReference],
          ['Contacto', contactName],
          ['Galones', pdfAmount(sheet.gallons, locale)],
          ['Barriles (BBLS)', pdfAmount(sheet.barrels, locale)],
          ['m³', pdfAmount(sheet.cubicMeters, locale)],
        ],
        3,
      ),
      ...tables,
      {
        columns: [
          {
            width: '*',
            table: {
              widths: ['*'],
              body: [
                [{ text: 'OBSERVACIONES', style: 'label' }],
                [{ text: sheet.notes?.trim() || ' ', fontSize: 8, minHeight: 30 }],
              ],
            },
            layout: 'noBorders',
          },
          { width: 'auto', stack: [totals] },
        ],
        columnGap: 16,
        margin: [0, 4, 0, 0],
        unbreakable: true,
      },
      signatures([
        { caption: 'Solicitado por', name: contactName, lines: [sheet.clientName] },
        { caption: 'Elaborado por', name: sheet.createdBy?.name ?? null, lines: [org.name] },
        { caption: 'Aprobado por', name: null, lines: [org.name] },
        { caption: 'Aprobado por el cliente', name: null, lines: [sheet.clientName] },
      ]),
    ],
  }
}

export type CertificatePdfInput = {
  org: PdfOrganization
  certificate: TDispositionCertificate
  issuedBy: string | null
}

/** Final disposition certificate (docs/rental-billing.md#disposition-certificates): one row per non-cancelled
 * custody chain of the sheet, with totals. */
export function certificatePdf({ org, certificate: c, issuedBy }: CertificatePdfInput): PdfDocDefinition {
  const locale = org.locale
  const head = ['N°', 'FECHA', 'DESCRIPCIÓN', 'CADENA N°', 'TRATAMIENTO', 'GALONES', 'BARRILES', 'm³'].map(
    (t) => ({
      text: t,
      style: 'th',
    }),
  )
  const rows: PdfContent[][] = c.items.map((it, i) => [
    { text: String(i + 1), style: 'cell', alignment: 'right' },
    { text: pdfDate(it.activityDate), style: 'cell' },
    { text: it.description, style: 'cell' },
    { text: it.chainNumber, style: 'cell' },
    { text: it.treatment, style: 'cell' },
    { text: pdfAmount(it.gallons, locale), style: 'cell', alignment: 'right' },
    { text: pdfAmount(it.barrels, locale), style: 'cell', alignment: 'right' },
    { text: pdfAmount(it.cubicMeters, locale), style: 'cell', alignment: 'right' },
  ])
  if (rows.length === 0)
    rows.push([
      { text: 'Sin cadenas de custodia en el período.', colSpan: 8, style: 'cell', italics: true },
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ])
  rows.push([
    { text: 'TOTAL', colSpan: 5, bold: true, fontSize: 8, alignment: 'right' },
    '',
    '',
    '',
    '',
    { text: pdfAmount(c.totalGallons, locale), bold: true, fontSize: 8, alignment: 'right' },
    { text: pdfAmount(c.totalBarrels, locale), bold: true, fontSize: 8, alignment: 'right' },
    { text: pdfAmount(c.totalCubicMeters, locale), bold: true, fontSize: 8, alignment: 'right' },
  ])
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [36, 36, 36, 40],
    info: { title: `Certificado ${c.number}` },
    styles: STYLES,
    footer: (current: number, count: number): PdfContent => ({
      columns: [
        { text: `${c.number} · Planilla ${c.seriesCode}`, style: 'small' },
        { text: `Página ${current} de ${count}`, alignment: 'right', style: 'small' },
      ],
      margin: [36, 12, 36, 0],
    }),
    content: [
      header(
        org,
        'CERTIFICADO DE TRATAMIENTO Y DISPOSICIÓN FINAL',
        'CERTIFICADO N°',
        c.number,
        c.frozen ? null : 'BORRADOR — se actualiza mientras la planilla está en proceso',
      ),
      kvGrid(
        [
          ['Cliente', c.clientName],
          ['RUC', c.clientTaxId],
          ['Ubicación', c.location],
          ['Fecha de emisión', pdfDate(c.issueDate)],
          ['Planilla', c.seriesCode],
          ['Cadenas de custodia', String(c.items.length)],
        ],
        2,
      ),
      {
        text: `${org.name} certifica que las aguas residuales retiradas del proyecto, registradas en las cadenas de custodia siguientes, recibieron tratamiento y disposición final conforme a la normativa ambiental vigente.`,
        fontSize: 8.5,
        margin: [0, 0, 0, 8],
      },
      {
        table: { headerRows: 1, widths: [16, 52, '*', 52, 60, 52, 52, 44], body: [head, ...rows] },
        layout: GRID_LAYOUT,
      },
      signatures([
        { caption: 'Responsable de disposición final', name: issuedBy, lines: [org.name] },
        { caption: 'Recibido por el cliente', name: null, lines: [c.clientName] },
      ]),
    ],
  }
}
