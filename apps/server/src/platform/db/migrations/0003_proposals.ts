import { sql, type Kysely } from 'kysely'

/**
 * Technical proposals (PTE): the header, its steps (copied from the client type's step templates, with
 * sub-steps under their parent) and the steps' attachments (an uploaded file or a link).
 * Soft delete through `deleted_at`. Progress is computed from the steps, never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE proposals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      official_number text NOT NULL CHECK (length(official_number) BETWEEN 1 AND 100),
      request_number text NOT NULL CHECK (length(request_number) BETWEEN 1 AND 100),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      client_id uuid NOT NULL REFERENCES clients (id),
      type_id uuid NOT NULL REFERENCES types (id),
      project_manager_id uuid NOT NULL REFERENCES project_managers (id),
      priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
      status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'in_progress', 'finished', 'cancelled', 'suspended')),
      status_reason text,
      status_changed_at timestamptz,
      request_date date NOT NULL,
      delivery_date date NOT NULL,
      duration_days integer NOT NULL CHECK (duration_days BETWEEN 1 AND 3650),
      comment text,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      deleted_by uuid REFERENCES users (id),
      CHECK (delivery_date >= request_date)
    );
    CREATE INDEX proposals_org_created_idx ON proposals (org_id, created_at DESC, id) WHERE deleted_at IS NULL;
    CREATE INDEX proposals_org_deleted_idx ON proposals (org_id, deleted_at) WHERE deleted_at IS NOT NULL;
    CREATE INDEX proposals_org_status_idx ON proposals (org_id, status);
    CREATE INDEX proposals_org_client_idx ON proposals (org_id, client_id);
    CREATE INDEX proposals_org_type_idx ON proposals (org_id, type_id);
    CREATE INDEX proposals_org_manager_idx ON proposals (org_id, project_manager_id);
    CREATE INDEX proposals_org_priority_idx ON proposals (org_id, priority);
    CREATE INDEX proposals_org_request_date_idx ON proposals (org_id, request_date);
    CREATE INDEX proposals_org_delivery_date_idx ON proposals (org_id, delivery_date);
    CREATE INDEX proposals_org_official_number_idx ON proposals (org_id, lower(official_number));

    CREATE TABLE proposal_steps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      parent_id uuid REFERENCES proposal_steps (id) ON DELETE CASCADE,
      template_id uuid REFERENCES proposal_step_templates (id),
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
      -- a completed step carries its completion date; any other status has none
      CHECK ((status = 'completed') = (completed_date IS NOT NULL))
    );
    CREATE INDEX proposal_steps_proposal_idx ON proposal_steps (proposal_id, parent_id, position);
    CREATE INDEX proposal_steps_parent_idx ON proposal_steps (parent_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX proposal_steps_org_status_idx ON proposal_steps (org_id, proposal_id, status);

    CREATE TABLE proposal_step_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      step_id uuid NOT NULL REFERENCES proposal_steps (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('file', 'link')),
      file_id uuid REFERENCES files (id),
      url text CHECK (url IS NULL OR (length(url) <= 2000 AND url ~* '^https?://')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'file' AND file_id IS NOT NULL AND url IS NULL) OR (kind = 'link' AND url IS NOT NULL AND file_id IS NULL))
    );
    CREATE INDEX proposal_step_attachments_step_idx ON proposal_step_attachments (step_id, created_at);
    CREATE INDEX proposal_step_attachments_proposal_idx ON proposal_step_attachments (proposal_id);
    CREATE INDEX proposal_step_attachments_file_idx ON proposal_step_attachments (file_id) WHERE file_id IS NOT NULL;
  `.execute(db)
}
