import { sql, type Kysely } from 'kysely'

/**
 * Production (docs/production.md): the organization's catalog of day statuses (which allow production),
 * the daily status of each work order at each site (day status and signature of the daily report; a signed day
 * locks that work order's production at that site), the production grid's entries (volume per catalog concept,
 * day and time type TE/CMA at a site, with the family-wide excess flag kept by one set-based recomputation),
 * the grids' versions for optimistic concurrency, the family's excess basis (which Anexo C versions the stored
 * flags were computed against) and the effective-dated exchange rates. Production belongs to a family's
 * initial work order (`work_order_id` = `family_id`); volumes are exact `numeric`, > 0 (a zero is no row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE production_day_statuses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      allows_production boolean NOT NULL,
      position integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX production_day_statuses_code_uq ON production_day_statuses (org_id, code);

    CREATE TABLE production_daily_statuses (
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites (id),
      day date NOT NULL,
      day_status_id uuid REFERENCES production_day_statuses (id),
      signature text CHECK (signature IN ('pending', 'in_process', 'missing_client_signature', 'signed')),
      comment text CHECK (length(comment) <= 500),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (work_order_id, site_id, day),
      CHECK (day_status_id IS NOT NULL OR signature IS NOT NULL OR comment IS NOT NULL)
    );
    CREATE INDEX production_daily_statuses_site_idx ON production_daily_statuses (org_id, site_id, day);

    CREATE TABLE production_entries (
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites (id),
      concept_id uuid NOT NULL REFERENCES contract_concepts (id),
      day date NOT NULL,
      time_type text NOT NULL CHECK (time_type IN ('TE', 'CMA')),
      volume numeric NOT NULL CHECK (volume > 0),
      is_excess boolean NOT NULL DEFAULT false,
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (work_order_id, site_id, time_type, day, concept_id)
    );
    CREATE INDEX production_entries_family_idx
      ON production_entries (family_id, concept_id, day, time_type DESC, site_id) INCLUDE (volume, is_excess);
    CREATE INDEX production_entries_org_day_idx ON production_entries (org_id, day);

    CREATE TABLE production_grid_versions (
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites (id),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      time_type text NOT NULL CHECK (time_type IN ('TE', 'CMA')),
      version integer NOT NULL CHECK (version >= 1),
      saved_by uuid REFERENCES users (id),
      saved_at timestamptz NOT NULL DEFAULT now(),
      last_changes jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (work_order_id, site_id, month, time_type)
    );

    CREATE TABLE production_excess_basis (
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid PRIMARY KEY REFERENCES work_orders (id) ON DELETE CASCADE,
      basis text NOT NULL,
      recomputed_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE exchange_rates (
      org_id uuid NOT NULL REFERENCES organizations (id),
      valid_from date NOT NULL,
      rate numeric NOT NULL CHECK (rate > 0),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, valid_from)
    );
  `.execute(db)
}
