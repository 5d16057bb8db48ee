import { sql, type Kysely } from 'kysely'

/**
 * Production evidence, GPU (docs/production.md#evidence-gpu): one evidence record per production cell of a family
 * on an evidence annex — keyed by (organization, family, site, day, time type, concept), like a production entry
 * but NOT tied to it, so a cell whose production drops to zero keeps its record and files — with its status
 * (`rejected` carries a note); the files (photos, PDFs, with the time taken and an optional location) and links of
 * each record; and the organization's list of evidence annexes (no row: the default C-2, C-3, C2EXT, C3EXT).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE production_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      family_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      site_id uuid NOT NULL REFERENCES sites (id),
      concept_id uuid NOT NULL REFERENCES contract_concepts (id),
      day date NOT NULL,
      time_type text NOT NULL CHECK (time_type IN ('TE', 'CMA')),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in_process', 'missing_client_signature', 'signed', 'rejected')),
      note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
      status_by uuid REFERENCES users (id),
      status_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'rejected' OR note IS NOT NULL)
    );
    CREATE UNIQUE INDEX production_evidence_cell_uq
      ON production_evidence (org_id, family_id, day, site_id, time_type, concept_id);

    CREATE TABLE production_evidence_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      evidence_id uuid NOT NULL REFERENCES production_evidence (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('file', 'link')),
      file_id uuid REFERENCES files (id),
      file_name text CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 200),
      mime_type text,
      size bigint CHECK (size IS NULL OR size >= 0),
      url text CHECK (url IS NULL OR length(url) BETWEEN 1 AND 2000),
      label text CHECK (label IS NULL OR length(label) BETWEEN 1 AND 200),
      taken_at timestamptz,
      latitude numeric CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
      longitude numeric CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((latitude IS NULL) = (longitude IS NULL)),
      CHECK (
        (kind = 'file' AND file_id IS NOT NULL AND file_name IS NOT NULL AND url IS NULL)
        OR (kind = 'link' AND url IS NOT NULL AND file_id IS NULL)
      )
    );
    CREATE INDEX production_evidence_items_evidence_idx ON production_evidence_items (evidence_id, created_at);

    CREATE TABLE production_evidence_annexes (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      annexes text[] NOT NULL,
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db)
}
