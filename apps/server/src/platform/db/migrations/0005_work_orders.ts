import { sql, type Kysely } from 'kysely'

/**
 * Work orders (OT) and their steps. A family is an initial work order and its reprogrammings:
 * `family_id` is the initial's id (its own id for the initial), `reprogramming_number` 1..n (null for the
 * initial), unique in the family. Initial numbers are unique per organization (ignoring case and
 * surrounding spaces); a reprogramming repeats its family's number. Amounts are exact `numeric`.
 * Sites are the four columns of the old system (vessel, platform, yard, interconnection); the front's
 * `site_kinds` say which may be used (checked by the service). Progress is computed, never stored.
 * `legacy` keeps what the historical import could not map (the old system's ids), and its row number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE work_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid NOT NULL REFERENCES work_orders (id),
      type text NOT NULL CHECK (type IN ('initial', 'reprogramming')),
      reprogramming_number integer CHECK (reprogramming_number IS NULL OR reprogramming_number >= 1),
      number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
      official_document text CHECK (length(official_document) <= 100),
      client_representative text CHECK (length(client_representative) <= 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      comment text,
      status text NOT NULL DEFAULT 'assigned' CHECK (status IN (
        'assigned', 'deferred', 'deferred_not_started', 'in_execution', 'suspended', 'finished', 'to_cancel', 'cancelled'
      )),
      status_reason text,
      status_changed_at timestamptz,
      proposal_id uuid REFERENCES proposals (id),
      client_id uuid NOT NULL REFERENCES clients (id),
      project_manager_id uuid NOT NULL REFERENCES project_managers (id),
      duration_days integer CHECK (duration_days BETWEEN 1 AND 3650),
      planned_start date,
      planned_end date,
      actual_start date,
      actual_end date,
      front_id uuid REFERENCES fronts (id),
      vessel_id uuid REFERENCES sites (id),
      platform_id uuid REFERENCES sites (id),
      yard_id uuid REFERENCES sites (id),
      interconnection_id uuid REFERENCES sites (id),
      amount_mxn numeric(25, 6) NOT NULL DEFAULT 0 CHECK (amount_mxn >= 0),
      amount_usd numeric(25, 6) NOT NULL DEFAULT 0 CHECK (amount_usd >= 0),
      requires_yard_phase boolean NOT NULL DEFAULT false,
      yard_start date,
      yard_end date,
      legacy jsonb,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((type = 'initial') = (reprogramming_number IS NULL)),
      CHECK (type = 'reprogramming' OR family_id = id)
    );
    CREATE UNIQUE INDEX work_orders_initial_number_uq ON work_orders (org_id, lower(btrim(number))) WHERE type = 'initial';
    CREATE UNIQUE INDEX work_orders_family_version_uq ON work_orders (family_id, coalesce(reprogramming_number, 0));
    CREATE INDEX work_orders_org_created_idx ON work_orders (org_id, created_at DESC, id);
    CREATE INDEX work_orders_org_type_idx ON work_orders (org_id, type);
    CREATE INDEX work_orders_org_status_idx ON work_orders (org_id, status);
    CREATE INDEX work_orders_org_family_idx ON work_orders (org_id, family_id);
    CREATE INDEX work_orders_org_number_idx ON work_orders (org_id, lower(number));
    CREATE INDEX work_orders_org_proposal_idx ON work_orders (org_id, proposal_id) WHERE proposal_id IS NOT NULL;
    CREATE INDEX work_orders_org_client_idx ON work_orders (org_id, client_id);
    CREATE INDEX work_orders_org_manager_idx ON work_orders (org_id, project_manager_id);
    CREATE INDEX work_orders_org_front_idx ON work_orders (org_id, front_id);
    CREATE INDEX work_orders_org_planned_idx ON work_orders (org_id, planned_start, planned_end);
    CREATE INDEX work_orders_vessel_idx ON work_orders (vessel_id) WHERE vessel_id IS NOT NULL;
    CREATE INDEX work_orders_platform_idx ON work_orders (platform_id) WHERE platform_id IS NOT NULL;
    CREATE INDEX work_orders_yard_idx ON work_orders (yard_id) WHERE yard_id IS NOT NULL;
    CREATE INDEX work_orders_interconnection_idx ON work_orders (interconnection_id) WHERE interconnection_id IS NOT NULL;

    CREATE TABLE work_order_steps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      parent_id uuid REFERENCES work_order_steps (id) ON DELETE CASCADE,
      template_id uuid REFERENCES work_order_step_templates (id),
      position integer NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in_progress', 'completed', 'cancelled', 'not_applicable')),
      start_date date,
      delivery_date date,
      completed_date date,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id),
      CHECK ((status = 'completed') = (completed_date IS NOT NULL))
    );
    CREATE INDEX work_order_steps_order_idx ON work_order_steps (work_order_id, parent_id, position);
    CREATE INDEX work_order_steps_parent_idx ON work_order_steps (parent_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX work_order_steps_org_status_idx ON work_order_steps (org_id, work_order_id, status);
  `.execute(db)
}
