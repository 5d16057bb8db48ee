import { sql, type Kysely } from 'kysely'

/**
 * Equipment condition (docs/equipment-condition.md): per equipment type a checklist of parts (an item
 * removed from a checklist is kept inactive, so past answers keep it), inspections of a unit with one answer
 * per item (present, condition good/fair/damaged, notes; the label copied as it was), and repair marks
 * (sent on … returned on; at most one open per unit). A unit's records go with the unit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE equipment_checklist_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      equipment_type text NOT NULL CHECK (length(equipment_type) BETWEEN 1 AND 40),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
      position integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX equipment_checklist_items_type_idx ON equipment_checklist_items (org_id, equipment_type, position);
    CREATE TABLE equipment_inspections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      equipment_id uuid NOT NULL REFERENCES rental_equipment (id) ON DELETE CASCADE,
      inspected_on date NOT NULL,
      technician_id uuid REFERENCES field_staff (id) ON DELETE SET NULL,
      inspector_name text NOT NULL CHECK (length(inspector_name) BETWEEN 1 AND 120),
      notes text,
      missing_count integer NOT NULL DEFAULT 0,
      damaged_count integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX equipment_inspections_unit_idx ON equipment_inspections (org_id, equipment_id, inspected_on DESC, created_at DESC);
    CREATE TABLE equipment_inspection_answers (
      inspection_id uuid NOT NULL REFERENCES equipment_inspections (id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES organizations (id),
      item_id uuid NOT NULL REFERENCES equipment_checklist_items (id),
      label text NOT NULL,
      position integer NOT NULL,
      present boolean NOT NULL,
      condition text CHECK (condition IN ('good', 'fair', 'damaged')),
      notes text,
      CHECK (present = (condition IS NOT NULL)),
      PRIMARY KEY (inspection_id, item_id)
    );
    CREATE TABLE equipment_repairs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      equipment_id uuid NOT NULL REFERENCES rental_equipment (id) ON DELETE CASCADE,
      sent_on date NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      returned_on date,
      return_notes text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (returned_on IS NULL OR returned_on >= sent_on)
    );
    CREATE UNIQUE INDEX equipment_repairs_open_uq ON equipment_repairs (equipment_id) WHERE returned_on IS NULL;
  `.execute(db)
}
