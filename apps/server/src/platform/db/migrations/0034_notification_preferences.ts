import { sql, type Kysely } from 'kysely'

/**
 * What each person wants to hear about (docs/platform.md#notifications): per kind of notification, in the app
 * (default yes) and by e-mail (default no). A kind without a row keeps the defaults.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification_preferences (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
      in_app boolean NOT NULL DEFAULT true,
      email boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind)
    );
  `.execute(db)
}
