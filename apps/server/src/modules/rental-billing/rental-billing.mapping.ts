import type { TBillingSheetLine, TBillingSheetStatus, TBillingSheetSummary } from '@faena/contracts'
import type { CertificateItem } from './certificate-items'
import type { BillingProject } from './rental-billing.ports'
import type * as repo from './rental-billing.repository'

/**
 * Stored rows as the API and the audit show them: lines, sheet summaries, certificate items, the header
 * snapshot the audit diffs, the project fields a sheet copies (docs/rental-billing.md#files).
 */

export const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** A numeric from the database as a string with at least two decimals (no rounding: exact). */
export function money(v: string): string {
  const [int = '0', frac = ''] = v.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}

/** The line as the API shows it. */
export function toLine(r: repo.LineRow): TBillingSheetLine {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    component: r.component,
    position: r.position,
    sourceId: r.source_id,
    equipmentId: r.equipment_id,
    equipmentCode: r.equipment_code,
    equipmentName: r.equipment_name,
    description: r.description,
    unit: r.unit,
    quantity: String(r.quantity),
    unitPrice: money(r.unit_price),
    total: money(r.total),
    dates: r.dates,
    allowedDates: r.allowed_dates,
    dayEdit: r.day_edit,
  }
}

export function toSummary(r: repo.SheetRow): TBillingSheetSummary {
  return {
    id: r.id,
    seriesCode: r.series_code,
    seriesPrefix: r.series_prefix,
    seriesYear: r.series_year,
    seriesNumber: r.series_number,
    status: r.status,
    projectId: r.project_id,
    projectName: r.project_name,
    clientName: r.client_name,
    clientTaxId: r.client_tax_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    subtotal: money(r.subtotal),
    tax: money(r.tax),
    taxRate: r.tax_rate,
    total: money(r.total),
    gallons: money(r.gallons),
    barrels: money(r.barrels),
    cubicMeters: money(r.cubic_meters),
    lineCount: r.line_count,
    invoiceReference: r.invoice_reference,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    recomputedAt: iso(r.recomputed_at),
    liquidatedAt: iso(r.liquidated_at),
    invoicedAt: iso(r.invoiced_at),
    cancelledAt: iso(r.cancelled_at),
  }
}

/** The header fields the audit compares. */
export const headerSnapshot = (r: repo.SheetRow) => ({
  status: r.status,
  statusReason: r.status_reason,
  subtotal: money(r.subtotal),
  tax: money(r.tax),
  total: money(r.total),
  lineCount: r.line_count,
  gallons: money(r.gallons),
  barrels: money(r.barrels),
  cubicMeters: money(r.cubic_meters),
  notes: r.notes,
  clientPoReference: r.client_po_reference,
  contactReference: r.contact_reference,
  invoiceReference: r.invoice_reference,
  invoiceFileId: r.invoice_file_id,
})
export const TOTAL_FIELDS = [
  'subtotal',
  'tax',
  'total',
  'lineCount',
  'gallons',
  'barrels',
  'cubicMeters',
] as const

/** The project and client fields a sheet keeps as they were when it was last computed. */
export const projectSnapshot = (p: BillingProject) => ({
  project_name: p.name,
  project_location: p.location,
  client_name: p.clientName,
  client_tax_id: p.clientTaxId,
})

/** A stored certificate item as the API shows it. */
type CertificateItemRow = Awaited<ReturnType<typeof repo.listCertificateItems>>[number]

export const toCertificateItem = (i: CertificateItemRow): CertificateItem => ({
  custodyChainId: i.custody_chain_id,
  chainNumber: i.chain_number,
  activityDate: i.activity_date,
  description: i.description,
  treatment: i.treatment,
  gallons: money(i.gallons),
  barrels: money(i.barrels),
  cubicMeters: money(i.cubic_meters),
})

/** A certificate's header as the API shows it, with its sheet's code and status (frozen unless in progress). */
export const toCertificateHeader = (
  c: repo.CertificateRow,
  sheet: { series_code: string; status: TBillingSheetStatus },
) => ({
  id: c.id,
  number: c.number,
  issueDate: c.issue_date,
  billingSheetId: c.sheet_id,
  seriesCode: sheet.series_code,
  sheetStatus: sheet.status,
  frozen: sheet.status !== 'in_progress',
  clientName: c.client_name,
  clientTaxId: c.client_tax_id,
  location: c.location,
  totalGallons: money(c.total_gallons),
  totalBarrels: money(c.total_barrels),
  totalCubicMeters: money(c.total_cubic_meters),
  createdAt: c.created_at.toISOString(),
  refreshedAt: c.refreshed_at.toISOString(),
})
