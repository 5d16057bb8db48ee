import { sql, type Kysely } from 'kysely'

/**
 * Rental money holes (docs/rental-projects.md#rate-history, docs/rental-billing.md#invoicing):
 *
 * - `rental_assignments.rate_history`: the assignment's daily rates with the date each takes effect, as a
 *   JSON array `[{ "from": null | "YYYY-MM-DD", "dailyRate": "50.00" }, …]` sorted by date, the first entry
 *   (`from` null) in force from the operation start. Empty means one rate, `daily_rate`, from the start;
 *   `daily_rate` keeps the latest rate of the history (what lists and calendars show).
 * - `billing_sheets.invoice_reference`: unique per organization over the sheets not deleted (an SRI invoice
 *   number is used once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE rental_assignments
      ADD COLUMN rate_history jsonb NOT NULL DEFAULT '[]'::jsonb
        CHECK (jsonb_typeof(rate_history) = 'array')
  `.execute(db)
  await sql`
    CREATE UNIQUE INDEX billing_sheets_invoice_reference_uq ON billing_sheets (org_id, invoice_reference)
      WHERE invoice_reference IS NOT NULL AND deleted_at IS NULL
  `.execute(db)
}
