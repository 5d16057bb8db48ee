import { sql, type Kysely } from 'kysely'

/**
 * Field staff and vehicles of the rental line with their compliance documents (docs/field-staff.md):
 * technicians (cédula unique per organization), vehicles (plate unique per organization), one typed list of
 * document kinds per organization, one `compliance_documents` table for both owners (a CHECK says which), the
 * vaccines of a person, scanned files, the daily alert settings and the notices already sent (once per
 * document, expiry date and threshold). Shipping guides and custody chains may name a driver and a vehicle,
 * maintenance sheets a technician (the free text stays for history).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE field_staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      first_names text NOT NULL CHECK (length(first_names) BETWEEN 1 AND 100),
      last_names text NOT NULL CHECK (length(last_names) BETWEEN 1 AND 100),
      cedula text NOT NULL CHECK (cedula ~ '^[0-9]{10}$'),
      phone text,
      email text,
      active boolean NOT NULL DEFAULT true,
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT field_staff_cedula_uq UNIQUE (org_id, cedula),
      UNIQUE (org_id, id)
    );
    CREATE TABLE vehicles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      plate text NOT NULL CHECK (plate ~ '^[A-Z]{3}-[0-9]{3,4}$'),
      brand text,
      model text,
      year integer CHECK (year BETWEEN 1950 AND 2100),
      active boolean NOT NULL DEFAULT true,
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT vehicles_plate_uq UNIQUE (org_id, plate),
      UNIQUE (org_id, id)
    );
    CREATE TABLE compliance_document_kinds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      owner_kind text NOT NULL CHECK (owner_kind IN ('staff', 'vehicle')),
      code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      -- what the kind gates: a driver's licence, a vehicle's registration (checked on field documents)
      gate text CHECK (gate IN ('licence', 'registration')),
      position integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      CONSTRAINT compliance_document_kinds_code_uq UNIQUE (org_id, owner_kind, code),
      UNIQUE (org_id, id)
    );
    CREATE TABLE compliance_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      owner_kind text NOT NULL CHECK (owner_kind IN ('staff', 'vehicle')),
      staff_id uuid,
      vehicle_id uuid,
      kind_id uuid NOT NULL,
      -- licence type/category, the oil block of a pass…
      subject text,
      number text,
      issued_on date,
      expires_on date NOT NULL,
      notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (
        (owner_kind = 'staff' AND staff_id IS NOT NULL AND vehicle_id IS NULL)
        OR (owner_kind = 'vehicle' AND vehicle_id IS NOT NULL AND staff_id IS NULL)
      ),
      CHECK (issued_on IS NULL OR issued_on <= expires_on),
      FOREIGN KEY (org_id, staff_id) REFERENCES field_staff (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, vehicle_id) REFERENCES vehicles (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, kind_id) REFERENCES compliance_document_kinds (org_id, id)
    );
    CREATE INDEX compliance_documents_staff_idx ON compliance_documents (staff_id) WHERE staff_id IS NOT NULL;
    CREATE INDEX compliance_documents_vehicle_idx ON compliance_documents (vehicle_id) WHERE vehicle_id IS NOT NULL;
    CREATE INDEX compliance_documents_expiry_idx ON compliance_documents (org_id, expires_on);
    CREATE TABLE field_staff_vaccines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      staff_id uuid NOT NULL,
      vaccine text NOT NULL CHECK (length(vaccine) BETWEEN 1 AND 100),
      dose_number integer NOT NULL CHECK (dose_number BETWEEN 1 AND 10),
      applied_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, staff_id) REFERENCES field_staff (org_id, id) ON DELETE CASCADE,
      CONSTRAINT field_staff_vaccines_dose_uq UNIQUE (staff_id, vaccine, dose_number)
    );
    CREATE TABLE compliance_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      owner_kind text NOT NULL CHECK (owner_kind IN ('staff', 'vehicle')),
      staff_id uuid,
      vehicle_id uuid,
      file_id uuid NOT NULL REFERENCES files (id),
      name text NOT NULL,
      label text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (
        (owner_kind = 'staff' AND staff_id IS NOT NULL AND vehicle_id IS NULL)
        OR (owner_kind = 'vehicle' AND vehicle_id IS NOT NULL AND staff_id IS NULL)
      ),
      FOREIGN KEY (org_id, staff_id) REFERENCES field_staff (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, vehicle_id) REFERENCES vehicles (org_id, id) ON DELETE CASCADE
    );
    CREATE TABLE compliance_alert_settings (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      enabled boolean NOT NULL DEFAULT false,
      hour integer NOT NULL DEFAULT 7 CHECK (hour BETWEEN 0 AND 23),
      recipients text[] NOT NULL DEFAULT '{}' CHECK (cardinality(recipients) <= 50),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- one daily e-mail per organization and day
    CREATE TABLE compliance_alert_runs (
      org_id uuid NOT NULL REFERENCES organizations (id),
      day date NOT NULL,
      mail_message_id uuid REFERENCES mail_messages (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, day)
    );
    -- a notice sent once per document, expiry date and threshold (a renewed document is noticed again)
    CREATE TABLE compliance_notices (
      org_id uuid NOT NULL REFERENCES organizations (id),
      document_id uuid NOT NULL REFERENCES compliance_documents (id) ON DELETE CASCADE,
      expires_on date NOT NULL,
      threshold text NOT NULL CHECK (threshold IN ('expired', 'due10', 'due30')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, expires_on, threshold)
    );
    ALTER TABLE rental_shipping_guides
      ADD COLUMN driver_staff_id uuid REFERENCES field_staff (id),
      ADD COLUMN vehicle_id uuid REFERENCES vehicles (id);
    ALTER TABLE rental_custody_chains
      ADD COLUMN driver_staff_id uuid REFERENCES field_staff (id),
      ADD COLUMN vehicle_id uuid REFERENCES vehicles (id);
    ALTER TABLE rental_maintenance_sheets
      ADD COLUMN technician_staff_id uuid REFERENCES field_staff (id);
  `.execute(db)
}
