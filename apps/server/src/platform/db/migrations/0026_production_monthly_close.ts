import { sql, type Kysely } from 'kysely'

/**
 * Production (docs/production.md#monthly-report-and-close, #superintendent-rotation): the monthly report of a
 * family (its initial work order) and month with its status (open → in_review → closed; closing locks that
 * month's production and daily statuses at every site), its evidence (platform files or links); the
 * organization's superintendents; the rotation of each site, effective-dated by the day superintendent A starts;
 * and who was on duty, stored with each day's status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE production_monthly_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      work_order_id uuid NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'closed')),
      submitted_by uuid REFERENCES users (id),
      submitted_at timestamptz,
      closed_by uuid REFERENCES users (id),
      closed_at timestamptz,
      reopened_by uuid REFERENCES users (id),
      reopened_at timestamptz,
      reopen_reason text CHECK (length(reopen_reason) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'closed' OR closed_at IS NOT NULL)
    );
    CREATE UNIQUE INDEX production_monthly_reports_uq ON production_monthly_reports (work_order_id, month);
    CREATE INDEX production_monthly_reports_org_idx ON production_monthly_reports (org_id, month);

    CREATE TABLE production_monthly_report_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      report_id uuid NOT NULL REFERENCES production_monthly_reports (id) ON DELETE CASCADE,
      file_id uuid REFERENCES files (id),
      url text CHECK (length(url) <= 2000),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((file_id IS NULL) <> (url IS NULL))
    );
    CREATE INDEX production_monthly_report_files_report_idx ON production_monthly_report_files (report_id);

    CREATE TABLE production_superintendents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX production_superintendents_name_uq ON production_superintendents (org_id, lower(name));

    CREATE TABLE production_rotations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      site_id uuid NOT NULL REFERENCES sites (id),
      start_date date NOT NULL,
      superintendent_a_id uuid NOT NULL REFERENCES production_superintendents (id),
      superintendent_b_id uuid NOT NULL REFERENCES production_superintendents (id),
      cycle_days integer NOT NULL DEFAULT 14 CHECK (cycle_days BETWEEN 1 AND 90),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (superintendent_a_id <> superintendent_b_id)
    );
    CREATE UNIQUE INDEX production_rotations_start_uq ON production_rotations (org_id, site_id, start_date);

    ALTER TABLE production_daily_statuses
      ADD COLUMN superintendent_id uuid REFERENCES production_superintendents (id);
  `.execute(db)
}
