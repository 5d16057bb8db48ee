import { sql, type Kysely } from 'kysely'

/**
 * Estimates invoiced and paid (docs/estimates.md#workflow-and-permissions): the invoice reference, unique per
 * organization among estimates (a unique index, so two invoices at once cannot both take it), who invoiced and
 * when; the payment's date and amount, who recorded it and when. Price-difference lines of a price-adjustment
 * estimate (`estimate_adjustments.kind = 'price_difference'`: a concept, the quantity already billed and the
 * unit-price difference per currency, which may be negative).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE estimates DROP CONSTRAINT estimates_status_check;
    ALTER TABLE estimates ADD CONSTRAINT estimates_status_check
      CHECK (status IN ('draft', 'in_review', 'submitted', 'approved', 'invoiced', 'paid', 'cancelled'));
    ALTER TABLE estimates
      ADD COLUMN invoice_reference text CHECK (length(invoice_reference) BETWEEN 1 AND 80),
      ADD COLUMN invoiced_by uuid REFERENCES users (id),
      ADD COLUMN invoiced_at timestamptz,
      ADD COLUMN paid_date date,
      ADD COLUMN paid_amount numeric CHECK (paid_amount > 0),
      ADD COLUMN paid_by uuid REFERENCES users (id),
      ADD COLUMN paid_at timestamptz,
      ADD CONSTRAINT estimates_invoiced_check
        CHECK (status NOT IN ('invoiced', 'paid') OR (invoice_reference IS NOT NULL AND invoiced_at IS NOT NULL)),
      ADD CONSTRAINT estimates_paid_check
        CHECK (status <> 'paid' OR (paid_date IS NOT NULL AND paid_amount IS NOT NULL));
    CREATE UNIQUE INDEX estimates_invoice_reference_uq
      ON estimates (org_id, lower(invoice_reference)) WHERE invoice_reference IS NOT NULL;

    ALTER TABLE estimate_adjustments DROP CONSTRAINT estimate_adjustments_kind_check;
    ALTER TABLE estimate_adjustments ADD CONSTRAINT estimate_adjustments_kind_check
      CHECK (kind IN ('deductive', 'penalty', 'price_difference'));
    ALTER TABLE estimate_adjustments
      ADD COLUMN price_difference_mxn numeric,
      ADD COLUMN price_difference_usd numeric,
      ADD CONSTRAINT estimate_adjustments_price_difference_check
        CHECK (kind <> 'price_difference' OR (concept_id IS NOT NULL AND quantity IS NOT NULL
          AND price_difference_mxn IS NOT NULL AND price_difference_usd IS NOT NULL));
  `.execute(db)
}
