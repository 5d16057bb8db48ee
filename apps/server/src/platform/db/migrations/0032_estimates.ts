import { sql, type Kysely } from 'kysely'

/**
 * Estimates (docs/estimates.md): progress bills of a work-order family (its initial work order) for a period,
 * numbered per family; the production cells each bills (a cell is in at most one estimate: the unique index
 * on the cell; a cancelled estimate releases its cells); deductive lines and penalties; the family's billing
 * settings (IVA, advance and its amortization, retentions, longest period).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE estimate_settings (
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid PRIMARY KEY REFERENCES work_orders (id) ON DELETE CASCADE,
      iva_percent numeric NOT NULL DEFAULT 16 CHECK (iva_percent >= 0 AND iva_percent <= 100),
      advance_mxn numeric NOT NULL DEFAULT 0 CHECK (advance_mxn >= 0),
      advance_usd numeric NOT NULL DEFAULT 0 CHECK (advance_usd >= 0),
      amortization_percent numeric NOT NULL DEFAULT 0
        CHECK (amortization_percent >= 0 AND amortization_percent <= 100),
      retentions jsonb NOT NULL DEFAULT '[]',
      max_period_months integer NOT NULL DEFAULT 1 CHECK (max_period_months BETWEEN 1 AND 12),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE estimates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      type text NOT NULL
        CHECK (type IN ('ordinary', 'extraordinary', 'excess', 'price_adjustment', 'final_settlement')),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'in_review', 'submitted', 'approved', 'cancelled')),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end >= period_start),
      selection jsonb,
      exchange_rate numeric CHECK (exchange_rate > 0),
      totals jsonb,
      return_reason text CHECK (length(return_reason) <= 500),
      returned_by uuid REFERENCES users (id),
      returned_at timestamptz,
      submitted_by uuid REFERENCES users (id),
      submitted_at timestamptz,
      approved_by uuid REFERENCES users (id),
      approved_at timestamptz,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status NOT IN ('submitted', 'approved') OR exchange_rate IS NOT NULL)
    );
    CREATE UNIQUE INDEX estimates_number_uq ON estimates (family_id, number);
    CREATE INDEX estimates_org_idx ON estimates (org_id, created_at DESC);

    CREATE TABLE estimate_cells (
      org_id uuid NOT NULL REFERENCES organizations (id),
      estimate_id uuid NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
      family_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites (id),
      concept_id uuid NOT NULL REFERENCES contract_concepts (id),
      day date NOT NULL,
      time_type text NOT NULL CHECK (time_type IN ('TE', 'CMA')),
      volume numeric NOT NULL CHECK (volume > 0),
      is_excess boolean NOT NULL,
      evidence_status text NOT NULL,
      PRIMARY KEY (family_id, site_id, concept_id, day, time_type)
    );
    CREATE INDEX estimate_cells_estimate_idx ON estimate_cells (estimate_id);

    CREATE TABLE estimate_adjustments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      estimate_id uuid NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('deductive', 'penalty')),
      concept_id uuid REFERENCES contract_concepts (id),
      quantity numeric CHECK (quantity > 0),
      amount_mxn numeric NOT NULL DEFAULT 0 CHECK (amount_mxn >= 0),
      amount_usd numeric NOT NULL DEFAULT 0 CHECK (amount_usd >= 0),
      reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 500),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'deductive' OR (concept_id IS NOT NULL AND quantity IS NOT NULL))
    );
    CREATE INDEX estimate_adjustments_estimate_idx ON estimate_adjustments (estimate_id);
  `.execute(db)
}
