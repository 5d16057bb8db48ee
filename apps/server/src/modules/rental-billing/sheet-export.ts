import type { TBillingSheetDetail, TBillingSheetSummary } from '@faena/contracts'
import { labelsIn, pick, type Texts } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { writeWorkbook, type SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { equipmentLabel, executionMonth, periodDates } from './sheet-pdf'

export const STATUS: Record<TBillingSheetSummary['status'], Texts> = {
  in_progress: { es: 'En proceso', en: 'In progress' },
  liquidated: { es: 'Liquidada', en: 'Liquidated' },
  invoiced: { es: 'Facturada', en: 'Invoiced' },
  cancelled: { es: 'Anulada', en: 'Cancelled' },
}
export const STATUS_ES = labelsIn(STATUS, 'es')

const LINE_COLUMNS: Record<
  'n' | 'equipment' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'total',
  Texts
> = {
  n: { es: 'N°', en: 'No.' },
  equipment: { es: 'Equipo', en: 'Equipment' },
  description: { es: 'Detalle', en: 'Description' },
  quantity: { es: 'Cantidad', en: 'Quantity' },
  unit: { es: 'Unidad', en: 'Unit' },
  unitPrice: { es: 'Precio unitario', en: 'Unit price' },
  total: { es: 'Total', en: 'Total' },
}
const UNIT: Record<'days' | 'unit', Texts> = {
  days: { es: 'DÍAS', en: 'DAYS' },
  unit: { es: 'UNIDAD', en: 'UNIT' },
}
const T = {
  sheet: { es: 'Planilla', en: 'Billing sheet' },
  summary: { es: 'Resumen', en: 'Summary' },
  field: { es: 'Campo', en: 'Field' },
  value: { es: 'Valor', en: 'Value' },
  subtotal: { es: 'Subtotal', en: 'Subtotal' },
  tax: { es: 'IVA', en: 'VAT' },
  total: { es: 'Total', en: 'Total' },
  seriesCode: { es: 'Serie', en: 'Series' },
  status: { es: 'Estado', en: 'Status' },
  project: { es: 'Proyecto', en: 'Project' },
  site: { es: 'Sitio', en: 'Site' },
  client: { es: 'Cliente', en: 'Client' },
  taxId: { es: 'RUC', en: 'RUC' },
  period: { es: 'Período', en: 'Period' },
  executionMonth: { es: 'Mes de ejecución', en: 'Execution month' },
  po: { es: 'Orden de compra', en: 'Purchase order' },
  contact: { es: 'Contacto', en: 'Contact' },
  taxRate: { es: 'Tasa de IVA', en: 'VAT rate' },
  gallons: { es: 'Galones', en: 'Gallons' },
  barrels: { es: 'Barriles', en: 'Barrels' },
  cubicMeters: { es: 'm³', en: 'm³' },
  invoice: { es: 'Factura', en: 'Invoice' },
  createdBy: { es: 'Elaborado por', en: 'Prepared by' },
  notes: { es: 'Observaciones', en: 'Notes' },
} satisfies Record<string, Texts>

/** The workbook's file name (`Planilla-PSL-PS-2026-1000.xlsx`). */
export const sheetWorkbookName = (seriesCode: string, lang: Lang): string =>
  `${pick({ es: 'Planilla', en: 'Billing-sheet' }, lang)}-${seriesCode}.xlsx`

/**
 * One sheet as a workbook: "Planilla" (the lines, one column per date of the period with 1 on the billed
 * dates, then unit price and total, and the totals below) and "Resumen" (the header).
 */
export async function writeSheetWorkbook(sheet: TBillingSheetDetail, lang: Lang): Promise<Buffer> {
  const t = (k: keyof typeof T) => T[k][lang]
  const h = (k: keyof typeof LINE_COLUMNS) => LINE_COLUMNS[k][lang]
  const dates = periodDates(sheet.periodStart, sheet.periodEnd)
  const dateKey = (d: string) => `d_${d}`
  const columns: SheetColumn[] = [
    { header: h('n'), key: 'n', type: 'number', width: 5 },
    { header: h('equipment'), key: 'equipment', width: 16 },
    { header: h('description'), key: 'description', width: 40 },
    { header: h('quantity'), key: 'quantity', type: 'number', width: 9 },
    { header: h('unit'), key: 'unit', width: 8 },
    ...dates.map((d): SheetColumn => ({ header: d, key: dateKey(d), type: 'number', width: 11 })),
    { header: h('unitPrice'), key: 'unitPrice', type: 'money', width: 13 },
    { header: h('total'), key: 'total', type: 'money', width: 13 },
  ]
  const rows: Record<string, unknown>[] = sheet.lines.map((l, i) => {
    const billed = new Set(l.dates)
    const row: Record<string, unknown> = {
      n: i + 1,
      equipment: equipmentLabel(l),
      description: l.description,
      quantity: l.quantity,
      unit: UNIT[l.unit === 'days' ? 'days' : 'unit'][lang],
      unitPrice: l.unitPrice,
      total: l.total,
    }
    for (const d of dates) if (billed.has(d)) row[dateKey(d)] = 1
    return row
  })
  rows.push({})
  rows.push({ description: t('subtotal'), total: sheet.subtotal })
  rows.push({ description: `${t('tax')} (${sheet.taxRate})`, total: sheet.tax })
  rows.push({ description: `${t('total')} ${sheet.currency}`, total: sheet.total })
  return writeWorkbook([
    { name: t('sheet'), columns, rows },
    {
      name: t('summary'),
      columns: [
        { header: t('field'), key: 'field', width: 24 },
        { header: t('value'), key: 'value', width: 50 },
      ],
      rows: [
        [t('seriesCode'), sheet.seriesCode],
        [t('status'), STATUS[sheet.status][lang]],
        [t('project'), sheet.projectName],
        [t('site'), sheet.projectLocation],
        [t('client'), sheet.clientName],
        [t('taxId'), sheet.clientTaxId],
        [t('period'), `${sheet.periodStart} – ${sheet.periodEnd}`],
        [t('executionMonth'), executionMonth(sheet.periodStart, sheet.periodEnd)],
        [t('po'), sheet.clientPoReference],
        [t('contact'), sheet.contactReference],
        [t('subtotal'), sheet.subtotal],
        [t('taxRate'), sheet.taxRate],
        [t('tax'), sheet.tax],
        [t('total'), sheet.total],
        [t('gallons'), sheet.gallons],
        [t('barrels'), sheet.barrels],
        [t('cubicMeters'), sheet.cubicMeters],
        [t('invoice'), sheet.invoiceReference],
        [t('createdBy'), sheet.createdBy?.name ?? null],
        [t('notes'), sheet.notes],
      ].map(([field, value]) => ({ field, value })),
    },
  ])
}
