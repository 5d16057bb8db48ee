import { sql, type Kysely } from 'kysely'

/**
 * Tokens for BI tools (docs/feeds.md): read-only, scoped to datasets, created and revoked by an admin. Only the
 * SHA-256 of a token is kept; its first characters are kept to tell tokens apart on screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      datasets text[] NOT NULL CHECK (cardinality(datasets) BETWEEN 1 AND 20),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users (id)
    );
    CREATE INDEX api_tokens_org_idx ON api_tokens (org_id, created_at DESC);
  `.execute(db)
}
