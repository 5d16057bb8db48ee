import { sql, type Kysely } from 'kysely'

/**
 * MS Project schedules of a work order (docs/schedules.md), imported from MSPDI XML. Every import is a
 * version (1..n per work order) and the newest import is the active one (partial unique index: at most one);
 * older versions stay for history and comparison. A version is written only after its file parsed, in one
 * transaction with its tasks and dependencies, so a bad file never leaves an empty active version (as the old
 * importer did).
 * Tasks are keyed by MS Project's UID within the version; the project summary task (UID 0) and null tasks are
 * not stored. Durations and lags are working days (2 decimals) computed with the file's minutes per day;
 * percentages keep the file's values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE schedule_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      active boolean NOT NULL DEFAULT false,
      file_id uuid NOT NULL REFERENCES files (id),
      file_name text NOT NULL,
      project_name text,
      project_title text,
      start_date date,
      finish_date date,
      status_date date,
      minutes_per_day integer NOT NULL CHECK (minutes_per_day > 0),
      minutes_per_week integer,
      save_version integer,
      weight_field jsonb,
      progress_field jsonb,
      custom_fields jsonb NOT NULL DEFAULT '[]',
      task_count integer NOT NULL CHECK (task_count >= 0),
      dependency_count integer NOT NULL CHECK (dependency_count >= 0),
      warnings jsonb NOT NULL DEFAULT '[]',
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX schedule_versions_version_uq ON schedule_versions (work_order_id, version);
    CREATE UNIQUE INDEX schedule_versions_active_uq ON schedule_versions (work_order_id) WHERE active;
    CREATE INDEX schedule_versions_org_idx ON schedule_versions (org_id, work_order_id, version DESC);

    CREATE TABLE schedule_tasks (
      org_id uuid NOT NULL REFERENCES organizations (id),
      version_id uuid NOT NULL REFERENCES schedule_versions (id) ON DELETE CASCADE,
      uid integer NOT NULL,
      position integer NOT NULL,
      task_number integer,
      wbs text,
      outline_number text,
      name text NOT NULL,
      outline_level integer NOT NULL,
      summary boolean NOT NULL,
      milestone boolean NOT NULL,
      parent_uid integer,
      start_date date,
      finish_date date,
      start_at text,
      finish_at text,
      duration_minutes numeric,
      duration_days numeric(7, 2),
      percent_complete numeric NOT NULL DEFAULT 0,
      physical_percent_complete numeric NOT NULL DEFAULT 0,
      weight numeric(5, 2),
      progress numeric(5, 2) NOT NULL DEFAULT 0,
      resource_names jsonb NOT NULL DEFAULT '[]',
      custom_fields jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (version_id, uid)
    );
    CREATE INDEX schedule_tasks_position_idx ON schedule_tasks (version_id, position);

    CREATE TABLE schedule_dependencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      version_id uuid NOT NULL REFERENCES schedule_versions (id) ON DELETE CASCADE,
      position integer NOT NULL,
      predecessor_uid integer NOT NULL,
      successor_uid integer NOT NULL,
      type text NOT NULL CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
      lag_days numeric(7, 2),
      lag_minutes numeric,
      lag_elapsed boolean NOT NULL DEFAULT false,
      lag_percent numeric,
      lag_format integer
    );
    CREATE INDEX schedule_dependencies_version_idx ON schedule_dependencies (version_id, position);
  `.execute(db)
}
