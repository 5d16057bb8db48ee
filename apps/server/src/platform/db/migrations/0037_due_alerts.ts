import { sql, type Kysely } from 'kysely'

/**
 * Due and overdue notices (docs/platform.md#due-and-overdue): per organization how many days before a delivery
 * date the "due soon" notice goes (default 3), and one row per organization and local day the daily scan ran,
 * so a second tick that day, or a restart, scans nothing more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE due_alert_settings (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      days_before integer NOT NULL DEFAULT 3 CHECK (days_before BETWEEN 0 AND 60),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE due_alert_runs (
      org_id uuid NOT NULL REFERENCES organizations (id),
      day date NOT NULL,
      notices integer NOT NULL DEFAULT 0,
      ran_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, day)
    );
  `.execute(db)
}
