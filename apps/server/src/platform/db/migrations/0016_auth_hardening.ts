import { sql, type Kysely } from 'kysely'

/**
 * Sign-in hardening (docs/platform.md#sign-in-limits):
 * - `auth_throttle`: one counter per limit key (account + address, address, password change), raised
 *   atomically before a password is checked, so parallel guesses cannot pass the limit;
 * - `auth_devices`: browsers that signed in before (hash of the device cookie), exempt from the
 *   per-address limit for that e-mail;
 * - a user's e-mail is unique within its organization (was: across all organizations).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE auth_throttle (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      failures integer NOT NULL
    );
    CREATE INDEX auth_throttle_window_idx ON auth_throttle (window_start);

    CREATE TABLE auth_devices (
      id text PRIMARY KEY,
      email text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX auth_devices_email_idx ON auth_devices (email, expires_at);

    ALTER TABLE users DROP CONSTRAINT users_email_key;
    DROP INDEX users_org_idx;
    CREATE UNIQUE INDEX users_org_email_uq ON users (org_id, email);
    CREATE INDEX users_email_idx ON users (email);
  `.execute(db)
}
