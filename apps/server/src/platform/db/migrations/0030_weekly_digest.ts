import { sql, type Kysely } from 'kysely'

/**
 * The weekly activity digest (docs/insights.md#weekly-digest): per organization whether it is sent, on which
 * weekday and hour of the organization's time zone, to whom; and one row per digest sent, so a schedule that
 * fires twice for the same week sends once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE digest_settings (
      org_id uuid PRIMARY KEY REFERENCES organizations (id),
      enabled boolean NOT NULL DEFAULT false,
      -- ISO weekday: 1 Monday … 7 Sunday
      weekday integer NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 1 AND 7),
      hour integer NOT NULL DEFAULT 7 CHECK (hour BETWEEN 0 AND 23),
      recipients text[] NOT NULL DEFAULT '{}' CHECK (cardinality(recipients) <= 50),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE digest_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end >= period_start),
      mail_message_id uuid REFERENCES mail_messages (id),
      requested_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX digest_runs_scheduled_uq ON digest_runs (org_id, period_start) WHERE trigger = 'schedule';
    CREATE INDEX digest_runs_org_idx ON digest_runs (org_id, created_at DESC);
  `.execute(db)
}
