import { sql } from 'kysely'
import type { FeedDataset } from '../../platform/feeds/feed-dataset'

/**
 * The billing sheets as a BI feed (docs/feeds.md): one row per sheet with its totals as exact decimal text,
 * deleted ones too (with `deletedAt`) so a tool refreshing "what changed since" learns of deletions.
 */
export const billingSheetsFeed: FeedDataset = {
  name: 'billing-sheets',
  title: { es: 'Planillas de facturación', en: 'Billing sheets' },
  columns: [
    { key: 'id', header: 'id' },
    { key: 'seriesCode', header: 'seriesCode' },
    { key: 'status', header: 'status' },
    { key: 'periodStart', header: 'periodStart' },
    { key: 'periodEnd', header: 'periodEnd' },
    { key: 'project', header: 'project' },
    { key: 'client', header: 'client' },
    { key: 'clientTaxId', header: 'clientTaxId' },
    { key: 'currency', header: 'currency' },
    { key: 'subtotal', header: 'subtotal' },
    { key: 'tax', header: 'tax' },
    { key: 'total', header: 'total' },
    { key: 'gallons', header: 'gallons' },
    { key: 'invoiceReference', header: 'invoiceReference' },
    { key: 'liquidatedAt', header: 'liquidatedAt' },
    { key: 'invoicedAt', header: 'invoicedAt' },
    { key: 'updatedAt', header: 'updatedAt' },
    { key: 'deletedAt', header: 'deletedAt' },
  ],
  async read(db, orgId, q) {
    let query = db.selectFrom('billing_sheets as s').where('s.org_id', '=', orgId)
    if (q.modifiedSince) query = query.where('s.updated_at', '>=', q.modifiedSince)
    const rows = await query
      .select([
        's.id',
        's.series_code',
        's.status',
        sql<string>`s.period_start::text`.as('period_start'),
        sql<string>`s.period_end::text`.as('period_end'),
        's.project_name',
        's.client_name',
        's.client_tax_id',
        's.currency',
        sql<string>`s.subtotal::text`.as('subtotal'),
        sql<string>`s.tax::text`.as('tax'),
        sql<string>`s.total::text`.as('total'),
        sql<string>`s.gallons::text`.as('gallons'),
        's.invoice_reference',
        's.liquidated_at',
        's.invoiced_at',
        's.updated_at',
        's.deleted_at',
        sql<string>`count(*) over ()`.as('total_rows'),
      ])
      .orderBy('s.updated_at')
      .orderBy('s.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute()
    return {
      total: Number(rows[0]?.total_rows ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        seriesCode: r.series_code,
        status: r.status,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        project: r.project_name,
        client: r.client_name,
        clientTaxId: r.client_tax_id,
        currency: r.currency,
        subtotal: r.subtotal,
        tax: r.tax,
        total: r.total,
        gallons: r.gallons,
        invoiceReference: r.invoice_reference,
        liquidatedAt: r.liquidated_at?.toISOString() ?? null,
        invoicedAt: r.invoiced_at?.toISOString() ?? null,
        updatedAt: r.updated_at.toISOString(),
        deletedAt: r.deleted_at?.toISOString() ?? null,
      })),
    }
  },
}
