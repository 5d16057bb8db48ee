import type { TChecklistItem, TInspection, TItemCondition, TRentalEquipment } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { PdfContent, PdfDocDefinition } from '../../platform/pdf/pdf'
import { equipmentTypeEs } from '../rental-projects'

/**
 * The printable inspection checklist (docs/equipment-condition.md#pdfs): header with the unit (code, type,
 * name, location), date, inspector; one row per checklist item with boxes PRESENTE SÍ/NO and
 * BUENO/REGULAR/DAÑADO and a notes column; observations; signatures. Blank (to fill in the field: empty
 * boxes, the date line empty) or of a recorded inspection (its answers marked, its labels as they were).
 */
export type InspectionPdfInput = {
  org: { name: string }
  unit: TRentalEquipment
  /** blank: the type's current checklist */
  items: TChecklistItem[]
  inspection: TInspection | null
}

const STYLES: Record<string, Record<string, unknown>> = {
  org: { fontSize: 9, bold: true, color: '#334155' },
  title: { fontSize: 13, bold: true, margin: [0, 2, 0, 8] },
  label: { fontSize: 7.5, color: '#475569' },
  th: { bold: true, fontSize: 8, fillColor: '#e2e8f0', alignment: 'center' },
  small: { fontSize: 7.5 },
}

const mark = (on: boolean | null): PdfContent => ({ text: on ? 'X' : ' ', alignment: 'center', bold: true })
const CONDITIONS: TItemCondition[] = ['good', 'fair', 'damaged']

export function inspectionPdf({ org, unit, items, inspection }: InspectionPdfInput): PdfDocDefinition {
  const rows = inspection
    ? inspection.answers.map((a) => ({
        label: a.label,
        present: a.present,
        condition: a.condition,
        notes: a.notes,
      }))
    : items.map((i) => ({ label: i.label, present: null, condition: null, notes: null }))
  const kv = (label: string, value: string | null | undefined): PdfContent[] => [
    { text: label, style: 'label' },
    { text: value && value.trim() ? value : ' ' },
  ]
  const header: PdfContent = {
    table: {
      widths: ['auto', '*', 'auto', '*'],
      body: [
        [...kv('Código', unit.code), ...kv('Tipo', unit.type ? equipmentTypeEs[unit.type] : null)],
        [...kv('Equipo', unit.name), ...kv('Ubicación', unit.currentProject?.location ?? unit.location)],
        [
          ...kv('Fecha de inspección', inspection ? toDayMonthYear(inspection.inspectedOn) : null),
          ...kv('Inspector', inspection?.inspectorName),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  }
  const body: PdfContent[][] = [
    [
      { text: 'N.º', style: 'th' },
      { text: 'Elemento', style: 'th' },
      { text: 'Presente', style: 'th', colSpan: 2 },
      {},
      { text: 'Estado', style: 'th', colSpan: 3 },
      {},
      {},
      { text: 'Observaciones', style: 'th' },
    ],
    [
      '',
      '',
      { text: 'SÍ', style: 'th' },
      { text: 'NO', style: 'th' },
      { text: 'BUENO', style: 'th' },
      { text: 'REGULAR', style: 'th' },
      { text: 'DAÑADO', style: 'th' },
      '',
    ],
    ...rows.map((r, n) => [
      { text: String(n + 1), alignment: 'center' },
      r.label,
      mark(r.present === true),
      mark(r.present === false),
      ...CONDITIONS.map((c) => mark(r.condition === c)),
      { text: r.notes ?? ' ' },
    ]),
  ]
  const content: PdfContent[] = [
    { text: org.name, style: 'org' },
    { text: 'LISTA DE VERIFICACIÓN DE EQUIPO', style: 'title' },
    header,
    rows.length
      ? {
          table: { headerRows: 2, widths: [18, '*', 22, 22, 34, 40, 36, 110], heights: 16, body },
          margin: [0, 0, 0, 10],
        }
      : { text: 'Este tipo de equipo no tiene lista de verificación.', italics: true, margin: [0, 0, 0, 10] },
    { text: 'Observaciones', style: 'label' },
    {
      table: {
        widths: ['*'],
        body: [[{ text: inspection?.notes ?? ' ', minHeight: 40, margin: [0, 0, 0, 24] }]],
      },
      margin: [0, 2, 0, 16],
    },
    {
      columns: ['Inspeccionado por', 'Revisado por'].map((caption, i) => ({
        stack: [
          { text: ' ', margin: [0, 24, 0, 0] },
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 180, y2: 0, lineWidth: 0.7 }] },
          { text: i === 0 ? (inspection?.inspectorName ?? ' ') : ' ', bold: true, margin: [0, 3, 0, 0] },
          { text: caption, style: 'label' },
        ],
      })),
      columnGap: 24,
    },
  ]
  return {
    info: { title: `Lista de verificación ${unit.code}` },
    styles: STYLES,
    footer: (current: number, count: number): PdfContent => ({
      columns: [
        { text: 'Lista de verificación de equipo', style: 'small' },
        { text: `Página ${current} de ${count}`, alignment: 'right', style: 'small' },
      ],
      margin: [36, 12, 36, 0],
    }),
    content,
  }
}

/** `Checklist-<code>-<YYYYMMDD>.pdf`: the inspection's date, or the day printed for a blank one. */
export const inspectionPdfName = (code: string, day: string) =>
  `Checklist-${code.replace(/[^A-Za-z0-9-]+/g, '_')}-${day.replace(/-/g, '')}.pdf`
