import { sql, type Kysely } from 'kysely'

/**
 * Schedule progress, two truths (docs/schedules.md#progress-two-truths): the contractor's real % and the
 * client's acknowledged % of each task, as an append-only history of entries. An entry belongs to the work
 * order and the task's MS Project UID (not to a schedule version), so progress follows a task into every new
 * version, and the entries of a task that a later version drops stay (with the task name they were entered
 * under). The value of a truth as of a date is the entry with the latest date not after it, the last entered
 * winning on one date (`seq`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE schedule_progress_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      task_uid integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('real', 'client')),
      percent numeric(5, 2) NOT NULL CHECK (percent >= 0 AND percent <= 100),
      previous_percent numeric(5, 2),
      progress_date date NOT NULL,
      comment text CHECK (char_length(comment) <= 1000),
      source text NOT NULL DEFAULT 'entry' CHECK (source IN ('entry', 'acknowledge')),
      version_id uuid REFERENCES schedule_versions (id) ON DELETE SET NULL,
      task_name text NOT NULL,
      entered_by uuid REFERENCES users (id),
      entered_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX schedule_progress_task_idx
      ON schedule_progress_entries (work_order_id, task_uid, kind, progress_date, seq);
    CREATE INDEX schedule_progress_org_idx ON schedule_progress_entries (org_id, work_order_id, seq DESC);
  `.execute(db)
}
