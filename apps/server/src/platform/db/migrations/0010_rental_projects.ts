import { sql, type Kysely } from 'kysely'

/**
 * Rental projects (equipment rental line): clients (RUC), projects, the equipment & services catalog and
 * the assignments of catalog items to projects. Money is numeric(12,2); dates are `date`.
 * An equipment is on at most one active assignment (enforced by a partial unique index: closing a project
 * retires all its assignments, so "active" also means "in an open project").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rental_clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      tax_id text NOT NULL CHECK (tax_id ~ '^[0-9]{13}$'),
      email text,
      phone text,
      address text,
      contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX rental_clients_tax_id_uq ON rental_clients (org_id, tax_id);
    CREATE INDEX rental_clients_org_name_idx ON rental_clients (org_id, lower(name));

    CREATE TABLE rental_projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      client_id uuid NOT NULL REFERENCES rental_clients (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      location text,
      cardinal_point text CHECK (cardinal_point IN ('north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest')),
      contact_name text,
      contact_phone text,
      start_date date NOT NULL,
      end_date date,
      closed boolean NOT NULL DEFAULT false,
      closed_on date,
      closed_by uuid REFERENCES users (id),
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR end_date >= start_date),
      CHECK (closed = (closed_on IS NOT NULL))
    );
    CREATE INDEX rental_projects_org_client_idx ON rental_projects (org_id, client_id);
    CREATE INDEX rental_projects_org_created_idx ON rental_projects (org_id, created_at DESC, id);

    CREATE TABLE rental_equipment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 50),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('equipment', 'service')),
      type text CHECK (type IN ('toilet', 'hand_wash_station', 'urinal_station', 'camper', 'potable_water_plant',
                                'wastewater_plant', 'raw_water_tank', 'wastewater_tank', 'other')),
      brand text,
      model text,
      serial_number text,
      condition text NOT NULL DEFAULT 'operative' CHECK (condition IN ('operative', 'in_repair', 'damaged', 'retired')),
      availability text NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'rented')),
      current_project_id uuid REFERENCES rental_projects (id),
      location text,
      review_note text,
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- rented ⇔ on a project; services are never rented and have no type
      CHECK ((availability = 'rented') = (current_project_id IS NOT NULL)),
      CHECK (kind = 'equipment' OR (availability = 'available' AND type IS NULL))
    );
    CREATE UNIQUE INDEX rental_equipment_code_uq ON rental_equipment (org_id, upper(code));
    CREATE INDEX rental_equipment_org_kind_idx ON rental_equipment (org_id, kind, type);
    CREATE INDEX rental_equipment_project_idx ON rental_equipment (current_project_id) WHERE current_project_id IS NOT NULL;

    CREATE TABLE rental_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      project_id uuid NOT NULL REFERENCES rental_projects (id),
      equipment_id uuid NOT NULL REFERENCES rental_equipment (id),
      kind text NOT NULL CHECK (kind IN ('equipment', 'service')),
      daily_rate numeric(12, 2) NOT NULL CHECK (daily_rate >= 0),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
      frequency text NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekdays', 'monthdays')),
      frequency_days integer[] NOT NULL DEFAULT '{}',
      operation_start date NOT NULL,
      operation_end date,
      linked_equipment_id uuid REFERENCES rental_equipment (id),
      retired_on date,
      retirement_reason text,
      -- the equipment assignment whose retirement retired this service (reactivating it brings the service back)
      retired_with_id uuid REFERENCES rental_assignments (id) ON DELETE SET NULL,
      notes text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (operation_end IS NULL OR operation_end >= operation_start),
      CHECK ((frequency = 'daily') = (cardinality(frequency_days) = 0)),
      CHECK (kind = 'service' OR linked_equipment_id IS NULL),
      CHECK (retired_on IS NOT NULL OR retired_with_id IS NULL)
    );
    CREATE UNIQUE INDEX rental_assignments_one_active_uq ON rental_assignments (org_id, equipment_id)
      WHERE kind = 'equipment' AND retired_on IS NULL;
    CREATE INDEX rental_assignments_project_idx ON rental_assignments (org_id, project_id, kind, created_at);
    CREATE INDEX rental_assignments_equipment_idx ON rental_assignments (org_id, equipment_id);
    CREATE INDEX rental_assignments_linked_idx ON rental_assignments (linked_equipment_id) WHERE linked_equipment_id IS NOT NULL;
  `.execute(db)
}
