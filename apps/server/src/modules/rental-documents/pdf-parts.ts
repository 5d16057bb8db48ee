import { toDayMonthYear } from '@faena/domain/calendar-date'
import { formatAmount, formatMoney } from '../../platform/money/money'
import type { PdfContent } from '../../platform/pdf/pdf'

/** Shared pieces of the field-document PDFs (pure: definitions only). */

export type PdfOrg = { name: string; locale: string; currency: string }

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' (the printed format of the old documents); '' for none. */
export const pdfDate = (d: string | null | undefined) => toDayMonthYear(d)

/** A decimal string with the organization's separators and 2 decimals (exact: Intl formats the string itself). */
export const pdfAmount = (v: string, locale: string): string => formatAmount(v, locale)
export const pdfMoney = (v: string, org: PdfOrg) => formatMoney(v, org.locale, org.currency)

export const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—')

/** A label/value cell pair for key-value tables. */
export const kv = (label: string, value: string | null | undefined): PdfContent[] => [
  { text: label, style: 'label' },
  { text: dash(value) },
]

/** A key-value table with `pairs` label/value pairs per row. */
export function kvTable(rows: [string, string | null | undefined][], pairs = 2): PdfContent {
  const body: PdfContent[][] = []
  for (let i = 0; i < rows.length; i += pairs) {
    const row: PdfContent[] = []
    for (let j = 0; j < pairs; j++) {
      const r = rows[i + j]
      row.push(...(r ? kv(r[0], r[1]) : ['', '']))
    }
    body.push(row)
  }
  const widths: (string | number)[] = []
  for (let j = 0; j < pairs; j++) widths.push('auto', '*')
  return { table: { widths, body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] }
}

/** A checkbox mark: [X] or [  ] with its label. */
export const box = (checked: boolean, label: string): PdfContent => ({
  text: [{ text: checked ? '[X] ' : '[  ] ', bold: true }, label],
})

export const section = (title: string): PdfContent => ({ text: title, style: 'section' })

/** A text block with a title; empty text prints an empty bordered area to fill by hand. */
export const textBlock = (title: string, body: string | null | undefined): PdfContent => ({
  table: {
    widths: ['*'],
    body: [[{ text: title, style: 'label' }], [{ text: body?.trim() || ' ', minHeight: 28 }]],
  },
  layout: 'noBorders',
  margin: [0, 2, 0, 6],
})

/** Signature blocks side by side: a line, the name, the id / position and a caption. */
export function signatures(
  blocks: { caption: string; name?: string | null; lines?: (string | null | undefined)[] }[],
): PdfContent {
  return {
    columns: blocks.map((b) => ({
      stack: [
        { text: ' ', margin: [0, 28, 0, 0] },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 150, y2: 0, lineWidth: 0.7 }] },
        { text: dash(b.name), bold: true, margin: [0, 3, 0, 0] },
        ...(b.lines ?? []).filter((l): l is string => Boolean(l && l.trim())).map((l) => ({ text: l })),
        { text: b.caption, style: 'label' },
      ],
    })),
    columnGap: 12,
    margin: [0, 12, 0, 0],
  }
}

/** Page header: organization name, document title, number. */
export function documentHeader(org: PdfOrg, title: string, numberLabel: string, number: string): PdfContent {
  return {
    columns: [
      {
        stack: [
          { text: org.name, style: 'org' },
          { text: title, style: 'title' },
        ],
        width: '*',
      },
      {
        width: 'auto',
        table: { body: [[{ text: numberLabel, style: 'label' }], [{ text: number, style: 'number' }]] },
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 10],
  }
}

export const PDF_STYLES: Record<string, Record<string, unknown>> = {
  org: { fontSize: 9, bold: true, color: '#334155' },
  title: { fontSize: 13, bold: true, margin: [0, 2, 0, 0] },
  number: { fontSize: 14, bold: true, color: '#b91c1c', alignment: 'center' },
  section: { fontSize: 10, bold: true, margin: [0, 6, 0, 4], color: '#0f172a' },
  label: { fontSize: 7.5, color: '#475569' },
  th: { bold: true, fontSize: 8, fillColor: '#e2e8f0' },
  small: { fontSize: 7.5 },
}

/** Footer: form code on the left, "Página n de N" on the right. */
export const pageFooter =
  (formCode: string) =>
  (current: number, count: number): PdfContent => ({
    columns: [
      { text: formCode, style: 'small' },
      { text: `Página ${current} de ${count}`, alignment: 'right', style: 'small' },
    ],
    margin: [36, 12, 36, 0],
  })

/** Status stamp for documents that are not final-valid (draft, void, cancelled). */
export function statusStamp(status: string): PdfContent {
  const label: Record<string, string> = { draft: 'BORRADOR', void: 'ANULADA', cancelled: 'CANCELADA' }
  const text = label[status]
  return text
    ? { text, color: '#b91c1c', bold: true, fontSize: 11, alignment: 'right', margin: [0, 0, 0, 4] }
    : null
}
