import { sql, type Kysely } from 'kysely'

/**
 * Document numbering counters (platform/numbering: one row per organization, series and year; year 0 =
 * a series that never restarts) and the rental field documents: maintenance sheets, custody chains (with
 * the assignments each visit attended) and shipping guides (with their items), plus their PDF attachments.
 *
 * Every document belongs to a project and carries its number (per organization, from document_counters,
 * never reused), a status, and `billing_sheet_id`: the billing sheet that bills it, set only by the billing
 * module (no foreign key: billing sheets are created by a later migration and own the link). Drafts are
 * deleted physically (the audit log keeps them); numbers are not given back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_counters (
      org_id uuid NOT NULL REFERENCES organizations (id),
      series text NOT NULL CHECK (length(series) BETWEEN 1 AND 100),
      year integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
      last_number bigint NOT NULL CHECK (last_number >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, series, year)
    );

    CREATE TABLE rental_maintenance_sheets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      number integer NOT NULL CHECK (number > 0),
      project_id uuid NOT NULL REFERENCES rental_projects (id),
      assignment_id uuid REFERENCES rental_assignments (id),
      equipment_id uuid REFERENCES rental_equipment (id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'closed', 'void')),
      status_reason text,
      maintenance_type text NOT NULL CHECK (maintenance_type IN ('preventive', 'corrective')),
      start_date date NOT NULL,
      end_date date NOT NULL,
      total_days integer NOT NULL CHECK (total_days BETWEEN 1 AND 366),
      technician_name text,
      requested_by text,
      rig text,
      location text,
      cost_per_day numeric(12, 2) NOT NULL CHECK (cost_per_day >= 0),
      total_cost numeric(14, 2) NOT NULL CHECK (total_cost >= 0),
      technical_description text NOT NULL,
      logistics_cost numeric(12, 2) NOT NULL CHECK (logistics_cost >= 0),
      logistics_description text NOT NULL,
      maintenance_description text,
      fault_description text,
      possible_causes text,
      replaced_parts text,
      observations text,
      performed_by text,
      performed_by_position text,
      approved_by text,
      approved_by_position text,
      billing_sheet_id uuid,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date >= start_date)
    );
    CREATE UNIQUE INDEX rental_maintenance_sheets_number_uq ON rental_maintenance_sheets (org_id, number);
    CREATE INDEX rental_maintenance_sheets_project_idx ON rental_maintenance_sheets (org_id, project_id, start_date);
    CREATE INDEX rental_maintenance_sheets_assignment_idx ON rental_maintenance_sheets (assignment_id) WHERE assignment_id IS NOT NULL;

    CREATE TABLE rental_custody_chains (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      number integer NOT NULL CHECK (number > 0),
      project_id uuid NOT NULL REFERENCES rental_projects (id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'closed', 'cancelled')),
      status_reason text,
      activity_date date NOT NULL,
      location text,
      start_time time,
      end_time time,
      duration_hours numeric(6, 2) CHECK (duration_hours > 0),
      contact_name text,
      contact_dni text,
      contact_position text,
      driver_name text,
      driver_dni text,
      vehicle_plate text,
      -- the unit the user typed (its column keeps the typed value); the other two are derived, 2 decimals
      volume_unit text NOT NULL CHECK (volume_unit IN ('gallons', 'barrels', 'cubicMeters')),
      gallons numeric(14, 2) NOT NULL CHECK (gallons >= 0),
      barrels numeric(14, 2) NOT NULL CHECK (barrels >= 0),
      cubic_meters numeric(14, 2) NOT NULL CHECK (cubic_meters >= 0),
      waste_types text[] NOT NULL DEFAULT '{}',
      logistics_cost numeric(12, 2) NOT NULL CHECK (logistics_cost >= 0),
      billing_text text NOT NULL,
      notes text,
      billing_sheet_id uuid,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((start_time IS NOT NULL AND end_time IS NOT NULL) OR duration_hours IS NULL),
      CHECK (waste_types <@ ARRAY['blackWater', 'greyWater', 'cleanWater', 'activatedSludge', 'treatedWastewater', 'organicGrease']::text[])
    );
    CREATE UNIQUE INDEX rental_custody_chains_number_uq ON rental_custody_chains (org_id, number);
    CREATE INDEX rental_custody_chains_project_idx ON rental_custody_chains (org_id, project_id, activity_date);

    CREATE TABLE rental_custody_chain_assignments (
      org_id uuid NOT NULL REFERENCES organizations (id),
      chain_id uuid NOT NULL REFERENCES rental_custody_chains (id) ON DELETE CASCADE,
      assignment_id uuid NOT NULL REFERENCES rental_assignments (id),
      -- the physical equipment attended: the assignment's own, or the one its service is linked to
      equipment_id uuid REFERENCES rental_equipment (id),
      position integer NOT NULL,
      PRIMARY KEY (chain_id, assignment_id)
    );
    CREATE INDEX rental_custody_chain_assignments_assignment_idx ON rental_custody_chain_assignments (assignment_id);

    CREATE TABLE rental_shipping_guides (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      number integer NOT NULL CHECK (number > 0),
      project_id uuid NOT NULL REFERENCES rental_projects (id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'closed', 'void')),
      status_reason text,
      guide_type text NOT NULL CHECK (guide_type IN ('exit', 'entry', 'transfer')),
      reason text CHECK (reason IN ('use_in_project', 'rent', 'return', 'sale')),
      issue_date date NOT NULL,
      start_date date,
      end_date date,
      origin_place text,
      destination_place text,
      carrier_name text,
      carrier_dni text,
      vehicle_plate text,
      dispatcher_name text,
      dispatcher_dni text,
      receiver_name text,
      receiver_dni text,
      contact_name text,
      contact_phone text,
      transport_cost numeric(12, 2) NOT NULL CHECK (transport_cost >= 0),
      transport_description text NOT NULL,
      stowage_cost numeric(12, 2) NOT NULL CHECK (stowage_cost >= 0),
      stowage_description text NOT NULL,
      notes text,
      -- a guide is billed by exactly one billing sheet: linked, never matched by date twice
      billing_sheet_id uuid,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
    );
    CREATE UNIQUE INDEX rental_shipping_guides_number_uq ON rental_shipping_guides (org_id, number);
    CREATE INDEX rental_shipping_guides_project_idx ON rental_shipping_guides (org_id, project_id, issue_date);
    CREATE INDEX rental_shipping_guides_sheet_idx ON rental_shipping_guides (billing_sheet_id) WHERE billing_sheet_id IS NOT NULL;

    CREATE TABLE rental_shipping_guide_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      guide_id uuid NOT NULL REFERENCES rental_shipping_guides (id) ON DELETE CASCADE,
      position integer NOT NULL,
      assignment_id uuid REFERENCES rental_assignments (id),
      equipment_id uuid REFERENCES rental_equipment (id),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
      quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
      unit text
    );
    CREATE INDEX rental_shipping_guide_items_guide_idx ON rental_shipping_guide_items (guide_id, position);
    CREATE INDEX rental_shipping_guide_items_assignment_idx ON rental_shipping_guide_items (assignment_id) WHERE assignment_id IS NOT NULL;

    -- signed sheets, lab analyses…: PDF files (checked by magic bytes) attached to a document
    CREATE TABLE rental_document_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      document_type text NOT NULL CHECK (document_type IN ('maintenance_sheet', 'custody_chain', 'shipping_guide')),
      document_id uuid NOT NULL,
      file_id uuid NOT NULL REFERENCES files (id),
      name text NOT NULL,
      label text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rental_document_attachments_doc_idx ON rental_document_attachments (org_id, document_type, document_id, created_at);
  `.execute(db)
}
