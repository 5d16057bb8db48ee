import { sql, type Kysely } from 'kysely'

/**
 * The concepts of a work order (its Anexo C, docs/work-order-concepts.md), in versions. Every accepted upload is a
 * row of `work_order_annex_imports` (version 1..n per work order) with its lines in `work_order_concepts`
 * and their planned volume per day in `work_order_planned_volumes`. Status: `pending_confirmation` (shown
 * with its diff, waiting for the user) → `active` (one per work order, partial unique index) → `superseded`
 * when a later version is confirmed; or `discarded` (its lines are deleted, the header stays as history).
 * At most one pending version per work order. `base_import_id` is the version that was active when the diff
 * (`diff`, jsonb) was computed. Money and volumes are exact `numeric` (no scale: nothing is rounded on the
 * way in); planned volumes are > 0 only. `work_order_id` is repeated on the lines for direct reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE work_order_annex_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL CHECK (status IN ('pending_confirmation', 'active', 'superseded', 'discarded')),
      file_id uuid NOT NULL REFERENCES files (id),
      file_name text NOT NULL,
      base_import_id uuid REFERENCES work_order_annex_imports (id),
      concept_count integer NOT NULL CHECK (concept_count >= 0),
      planned_day_count integer NOT NULL DEFAULT 0 CHECK (planned_day_count >= 0),
      amount_mxn numeric NOT NULL CHECK (amount_mxn >= 0),
      amount_usd numeric NOT NULL CHECK (amount_usd >= 0),
      reading jsonb NOT NULL,
      diff jsonb NOT NULL,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      confirmed_by uuid REFERENCES users (id),
      confirmed_at timestamptz,
      discarded_by uuid REFERENCES users (id),
      discarded_at timestamptz,
      superseded_at timestamptz,
      CHECK ((status = 'discarded') = (discarded_at IS NOT NULL)),
      CHECK (status NOT IN ('active', 'superseded') OR confirmed_at IS NOT NULL)
    );
    CREATE UNIQUE INDEX work_order_annex_imports_version_uq ON work_order_annex_imports (work_order_id, version);
    CREATE UNIQUE INDEX work_order_annex_imports_active_uq ON work_order_annex_imports (work_order_id)
      WHERE status = 'active';
    CREATE UNIQUE INDEX work_order_annex_imports_pending_uq ON work_order_annex_imports (work_order_id)
      WHERE status = 'pending_confirmation';
    CREATE INDEX work_order_annex_imports_org_idx ON work_order_annex_imports (org_id, work_order_id, version DESC);
    CREATE INDEX work_order_annex_imports_base_idx ON work_order_annex_imports (base_import_id)
      WHERE base_import_id IS NOT NULL;

    CREATE TABLE work_order_concepts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      import_id uuid NOT NULL REFERENCES work_order_annex_imports (id) ON DELETE CASCADE,
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      row_number integer NOT NULL,
      concept_id uuid REFERENCES contract_concepts (id),
      annex text NOT NULL CHECK (length(annex) BETWEEN 1 AND 40),
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
      description text NOT NULL CHECK (length(description) >= 1),
      unit_id uuid REFERENCES units (id),
      unit_key text NOT NULL,
      authorized_volume numeric NOT NULL CHECK (authorized_volume >= 0),
      unit_price_mxn numeric NOT NULL CHECK (unit_price_mxn >= 0),
      unit_price_usd numeric NOT NULL CHECK (unit_price_usd >= 0),
      price_source_mxn text NOT NULL CHECK (price_source_mxn IN ('catalog', 'file')),
      price_source_usd text NOT NULL CHECK (price_source_usd IN ('catalog', 'file')),
      ok boolean
    );
    CREATE INDEX work_order_concepts_import_idx ON work_order_concepts (import_id, position);
    CREATE INDEX work_order_concepts_org_wo_idx ON work_order_concepts (org_id, work_order_id);
    CREATE INDEX work_order_concepts_concept_idx ON work_order_concepts (concept_id) WHERE concept_id IS NOT NULL;

    CREATE TABLE work_order_planned_volumes (
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_concept_id uuid NOT NULL REFERENCES work_order_concepts (id) ON DELETE CASCADE,
      day date NOT NULL,
      volume numeric NOT NULL CHECK (volume > 0),
      PRIMARY KEY (work_order_concept_id, day)
    );
  `.execute(db)
}
