import { sql, type Kysely } from 'kysely'

/**
 * Rental billing sheets (planilla), their lines, the user's line decisions (removed lines, manual days)
 * and final disposition certificates — docs/rental-billing.md#billing-sheets-storage-recomputation-and-lifecycle.
 *
 * - Series: prefix, year and number are data; (org, year, number) is unique over every sheet ever created
 *   (deleted ones included), the numbers come from platform/numbering, so a number is never reused.
 * - At most one in-progress sheet per project, and one live sheet per (project, period): partial unique
 *   indexes over the sheets that are not deleted (a deleted or cancelled sheet frees its period).
 * - Billed days are DATES (`date[]`), never day-of-month numbers.
 * - Line decisions live apart from the lines: recomputation rewrites lines, never the user's decisions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE billing_sheets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      project_id uuid NOT NULL REFERENCES rental_projects (id),
      series_prefix text NOT NULL CHECK (series_prefix ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(series_prefix) <= 20),
      series_year integer NOT NULL CHECK (series_year BETWEEN 1000 AND 9999),
      series_number integer NOT NULL CHECK (series_number >= 1000),
      series_code text NOT NULL,
      status text NOT NULL DEFAULT 'in_progress'
        CHECK (status IN ('in_progress', 'liquidated', 'invoiced', 'cancelled')),
      status_reason text CHECK (status_reason IS NULL OR length(status_reason) <= 2000),
      period_start date NOT NULL,
      period_end date NOT NULL,
      project_name text NOT NULL,
      project_location text,
      client_name text NOT NULL,
      client_tax_id text,
      client_po_reference text CHECK (client_po_reference IS NULL OR length(client_po_reference) <= 100),
      contact_reference text CHECK (contact_reference IS NULL OR length(contact_reference) <= 200),
      notes text CHECK (notes IS NULL OR length(notes) <= 2000),
      currency text NOT NULL DEFAULT 'USD',
      tax_rate numeric(7, 4) NOT NULL CHECK (tax_rate >= 0 AND tax_rate <= 1),
      subtotal numeric(14, 2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
      tax numeric(14, 2) NOT NULL DEFAULT 0 CHECK (tax >= 0),
      total numeric(14, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
      gallons numeric(16, 2) NOT NULL DEFAULT 0,
      barrels numeric(16, 2) NOT NULL DEFAULT 0,
      cubic_meters numeric(16, 2) NOT NULL DEFAULT 0,
      line_count integer NOT NULL DEFAULT 0,
      -- sha-1 of the ids of the documents linked to the sheet by its last recomputation
      documents_signature text,
      invoice_reference text CHECK (invoice_reference IS NULL OR length(invoice_reference) BETWEEN 1 AND 100),
      invoice_file_id uuid REFERENCES files (id),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      recomputed_at timestamptz,
      liquidated_at timestamptz,
      liquidated_by uuid REFERENCES users (id),
      invoiced_at timestamptz,
      invoiced_by uuid REFERENCES users (id),
      cancelled_at timestamptz,
      cancelled_by uuid REFERENCES users (id),
      deleted_at timestamptz,
      deleted_by uuid REFERENCES users (id),
      CHECK (period_start < period_end),
      CHECK (status <> 'invoiced' OR (invoice_reference IS NOT NULL AND invoice_file_id IS NOT NULL)),
      CHECK (deleted_at IS NULL OR status = 'in_progress')
    );
    CREATE UNIQUE INDEX billing_sheets_series_uq ON billing_sheets (org_id, series_year, series_number);
    CREATE UNIQUE INDEX billing_sheets_period_uq ON billing_sheets (org_id, project_id, period_start, period_end)
      WHERE deleted_at IS NULL AND status <> 'cancelled';
    CREATE UNIQUE INDEX billing_sheets_one_open_uq ON billing_sheets (org_id, project_id)
      WHERE deleted_at IS NULL AND status = 'in_progress';
    CREATE INDEX billing_sheets_org_period_idx ON billing_sheets (org_id, period_start DESC, id) WHERE deleted_at IS NULL;
    CREATE INDEX billing_sheets_org_project_idx ON billing_sheets (org_id, project_id, period_start) WHERE deleted_at IS NULL;
    CREATE INDEX billing_sheets_org_status_idx ON billing_sheets (org_id, status) WHERE deleted_at IS NULL;

    CREATE TABLE billing_sheet_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      sheet_id uuid NOT NULL REFERENCES billing_sheets (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
      position integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('rental', 'service', 'custody', 'shipping', 'maintenance')),
      component text NOT NULL
        CHECK (component IN ('rental', 'service', 'technical', 'logistics', 'transport', 'stowage')),
      source_id text NOT NULL,
      assignment_ids text[] NOT NULL DEFAULT '{}',
      equipment_id uuid,
      equipment_code text,
      equipment_name text,
      description text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('days', 'unit')),
      dates date[] NOT NULL DEFAULT '{}',
      allowed_dates date[] NOT NULL DEFAULT '{}',
      quantity integer NOT NULL CHECK (quantity >= 0),
      unit_price numeric NOT NULL CHECK (unit_price >= 0),
      total numeric(14, 2) NOT NULL CHECK (total >= 0),
      source_version text,
      day_edit text NOT NULL DEFAULT 'none' CHECK (day_edit IN ('none', 'applied', 'stale')),
      -- sha-1 of the line's values: a recomputation rewrites only the lines whose signature changed
      signature text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (sheet_id, key),
      CHECK (unit = 'unit' OR quantity = cardinality(dates))
    );
    CREATE INDEX billing_sheet_lines_sheet_idx ON billing_sheet_lines (sheet_id, position);

    CREATE TABLE billing_sheet_line_states (
      org_id uuid NOT NULL REFERENCES organizations (id),
      sheet_id uuid NOT NULL REFERENCES billing_sheets (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('rental', 'service', 'custody', 'shipping', 'maintenance')),
      description text NOT NULL,
      removed boolean NOT NULL DEFAULT false,
      removed_at timestamptz,
      removed_by uuid REFERENCES users (id),
      day_edit_dates date[],
      day_edit_version text,
      day_edit_at timestamptz,
      day_edit_by uuid REFERENCES users (id),
      PRIMARY KEY (sheet_id, key),
      CHECK ((day_edit_dates IS NULL) = (day_edit_version IS NULL))
    );

    CREATE TABLE disposition_certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      sheet_id uuid NOT NULL REFERENCES billing_sheets (id) ON DELETE CASCADE,
      number text NOT NULL,
      prefix text NOT NULL,
      issue_date date NOT NULL,
      consecutive integer NOT NULL CHECK (consecutive BETWEEN 1 AND 99999),
      client_name text NOT NULL,
      client_tax_id text,
      location text,
      total_gallons numeric(16, 2) NOT NULL DEFAULT 0,
      total_barrels numeric(16, 2) NOT NULL DEFAULT 0,
      total_cubic_meters numeric(16, 2) NOT NULL DEFAULT 0,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      refreshed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, number),
      UNIQUE (sheet_id)
    );
    CREATE INDEX disposition_certificates_org_idx ON disposition_certificates (org_id, issue_date DESC, number);

    CREATE TABLE disposition_certificate_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      certificate_id uuid NOT NULL REFERENCES disposition_certificates (id) ON DELETE CASCADE,
      position integer NOT NULL,
      custody_chain_id text NOT NULL,
      chain_number text NOT NULL,
      activity_date date NOT NULL,
      description text NOT NULL,
      treatment text NOT NULL,
      gallons numeric(16, 2) NOT NULL,
      barrels numeric(16, 2) NOT NULL,
      cubic_meters numeric(16, 2) NOT NULL
    );
    CREATE INDEX disposition_certificate_items_cert_idx ON disposition_certificate_items (certificate_id, position);
  `.execute(db)
}
