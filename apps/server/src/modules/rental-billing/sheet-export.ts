import type { TBillingSheetDetail, TBillingSheetSummary } from '@faena/contracts'
import { writeWorkbook, type SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { equipmentLabel, executionMonth, periodDates } from './sheet-pdf'

export const STATUS_ES: Record<TBillingSheetSummary['status'], string> = {
  in_progress: 'En proceso',
  liquidated: 'Liquidada',
  invoiced: 'Facturada',
  cancelled: 'Anulada',
}

/**
 * One sheet as a workbook: "Planilla" (the lines, one column per date of the period with 1 on the billed
 * dates, then unit price and total, and the totals below) and "Resumen" (the header).
 */
export async function writeSheetWorkbook(sheet: TBillingSheetDetail): Promise<Buffer> {
  const dates = periodDates(sheet.periodStart, sheet.periodEnd)
  const dateKey = (d: string) => `d_${d}`
  const columns: SheetColumn[] = [
    { header: 'N°', key: 'n', type: 'number', width: 5 },
    { header: 'Equipo', key: 'equipment', width: 16 },
    { header: 'Detalle', key: 'description', width: 40 },
    { header: 'Cantidad', key: 'quantity', type: 'number', width: 9 },
    { header: 'Unidad', key: 'unit', width: 8 },
    ...dates.map((d): SheetColumn => ({ header: d, key: dateKey(d), type: 'number', width: 11 })),
    { header: 'Precio unitario', key: 'unitPrice', type: 'money', width: 13 },
    { header: 'Total', key: 'total', type: 'money', width: 13 },
  ]
  const rows: Record<string, unknown>[] = sheet.lines.map((l, i) => {
    const billed = new Set(l.dates)
    const row: Record<string, unknown> = {
      n: i + 1,
      equipment: equipmentLabel(l),
      description: l.description,
      quantity: l.quantity,
      unit: l.unit === 'days' ? 'DÍAS' : 'UNIDAD',
      unitPrice: l.unitPrice,
      total: l.total,
    }
    for (const d of dates) if (billed.has(d)) row[dateKey(d)] = 1
    return row
  })
  rows.push({})
  rows.push({ description: 'Subtotal', total: sheet.subtotal })
  rows.push({ description: `IVA (${sheet.taxRate})`, total: sheet.tax })
  rows.push({ description: `Total ${sheet.currency}`, total: sheet.total })
  return writeWorkbook([
    { name: 'Planilla', columns, rows },
    {
      name: 'Resumen',
      columns: [
        { header: 'Campo', key: 'field', width: 24 },
        { header: 'Valor', key: 'value', width: 50 },
      ],
      rows: [
        ['Serie', sheet.seriesCode],
        ['Estado', STATUS_ES[sheet.status]],
        ['Proyecto', sheet.projectName],
        ['Sitio', sheet.projectLocation],
        ['Cliente', sheet.clientName],
        ['RUC', sheet.clientTaxId],
        ['Período', `${sheet.periodStart} – ${sheet.periodEnd}`],
        ['Mes de ejecución', executionMonth(sheet.periodStart, sheet.periodEnd)],
        ['Orden de compra', sheet.clientPoReference],
        ['Contacto', sheet.contactReference],
        ['Subtotal', sheet.subtotal],
        ['Tasa de IVA', sheet.taxRate],
        ['IVA', sheet.tax],
        ['Total', sheet.total],
        ['Galones', sheet.gallons],
        ['Barriles', sheet.barrels],
        ['m³', sheet.cubicMeters],
        ['Factura', sheet.invoiceReference],
        ['Elaborado por', sheet.createdBy?.name ?? null],
        ['Observaciones', sheet.notes],
      ].map(([field, value]) => ({ field, value })),
    },
  ])
}
