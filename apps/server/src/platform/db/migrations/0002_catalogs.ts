import { sql, type Kysely } from 'kysely'

/**
 * Catalogs of the offshore line. Every table is per organization, soft-deleted through `active`,
 * with names unique per organization among active rows (case-insensitive).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      client_type text NOT NULL CHECK (client_type IN ('CONTRATO', 'INTERCOM')),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX clients_name_uq ON clients (org_id, lower(name)) WHERE active;

    CREATE TABLE project_managers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text,
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX project_managers_name_uq ON project_managers (org_id, lower(name)) WHERE active;

    CREATE TABLE types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level text NOT NULL CHECK (level IN ('proposal', 'work_order', 'concept', 'production')),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX types_name_uq ON types (org_id, level, lower(name)) WHERE active;

    CREATE TABLE statuses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level text NOT NULL CHECK (level IN ('proposal', 'work_order', 'billing', 'step', 'daily_report')),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX statuses_name_uq ON statuses (org_id, level, lower(name)) WHERE active;

    CREATE TABLE fronts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      site_kinds text[] NOT NULL DEFAULT '{}'
        CHECK (site_kinds <@ ARRAY['vessel', 'platform', 'yard', 'interconnection']::text[]),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX fronts_name_uq ON fronts (org_id, lower(name)) WHERE active;

    CREATE TABLE sites (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('vessel', 'platform', 'yard', 'interconnection')),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX sites_name_uq ON sites (org_id, lower(name)) WHERE active;
    CREATE INDEX sites_kind_idx ON sites (org_id, kind);

    CREATE TABLE units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 30),
      normalized_key text NOT NULL CHECK (length(normalized_key) >= 1),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX units_normalized_key_uq ON units (org_id, normalized_key) WHERE active;

    CREATE TABLE proposal_step_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      client_type text NOT NULL CHECK (client_type IN ('CONTRATO', 'INTERCOM')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      position integer NOT NULL CHECK (position BETWEEN 1 AND 10000),
      parent_id uuid REFERENCES proposal_step_templates (id),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
    );
    CREATE UNIQUE INDEX proposal_step_templates_name_uq ON proposal_step_templates
      (org_id, client_type, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name)) WHERE active;
    CREATE INDEX proposal_step_templates_order_idx ON proposal_step_templates (org_id, client_type, parent_id, position);

    CREATE TABLE work_order_step_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      client_type text NOT NULL CHECK (client_type IN ('CONTRATO', 'INTERCOM')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      position integer NOT NULL CHECK (position BETWEEN 1 AND 10000),
      parent_id uuid REFERENCES work_order_step_templates (id),
      active boolean NOT NULL DEFAULT true,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
    );
    CREATE UNIQUE INDEX work_order_step_templates_name_uq ON work_order_step_templates
      (org_id, client_type, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name)) WHERE active;
    CREATE INDEX work_order_step_templates_order_idx ON work_order_step_templates (org_id, client_type, parent_id, position);
  `.execute(db)
}
