import { sql, type Kysely } from 'kysely'

/**
 * The jobs platform (docs/jobs.md): one row per requested job, which the UI polls. The queue itself
 * (pg-boss, in its own `pgboss` schema) is created and upgraded by pg-boss when the server starts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
      total integer CHECK (total >= 0),
      result_file_id uuid REFERENCES files (id) ON DELETE SET NULL,
      result jsonb,
      error text,
      requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX job_runs_org_idx ON job_runs (org_id, created_at DESC);
    CREATE INDEX job_runs_finished_idx ON job_runs (finished_at) WHERE finished_at IS NOT NULL;
  `.execute(db)
}
