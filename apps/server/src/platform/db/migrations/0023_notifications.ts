import { sql, type Kysely } from 'kysely'

/**
 * In-app notifications (docs/platform.md#notifications): one row per recipient. `dedupe_key` makes a
 * producer's retry or a second run of the same event a no-op for that user (unique per user when set).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      body text CHECK (length(body) <= 2000),
      link text CHECK (link LIKE '/%' AND length(link) <= 500),
      dedupe_key text CHECK (length(dedupe_key) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    CREATE UNIQUE INDEX notifications_dedupe_uq ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
  `.execute(db)
}
