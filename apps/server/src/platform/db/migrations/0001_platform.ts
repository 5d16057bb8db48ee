import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      country char(2) NOT NULL,
      time_zone text NOT NULL,
      locale text NOT NULL,
      currencies text[] NOT NULL,
      tax_rate numeric(6, 4) NOT NULL DEFAULT 0,
      lines_of_business text[] NOT NULL,
      settings jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'manager', 'supervisor', 'operator', 'billing', 'viewer')),
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX users_org_idx ON users (org_id, email);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES organizations (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE login_attempts (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      ip text NOT NULL,
      success boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_attempts_email_ip_idx ON login_attempts (email, ip, at);
    CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      org_id uuid REFERENCES organizations (id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users (id),
      actor_email text,
      action text NOT NULL,
      module text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      changes jsonb NOT NULL DEFAULT '[]'::jsonb,
      data jsonb,
      request_id text,
      ip text,
      user_agent text
    );
    CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at DESC, id DESC);
    CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity_type, entity_id);
    CREATE INDEX audit_log_actor_idx ON audit_log (org_id, actor_id, at DESC);

    -- The audit log is append-only.
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

    CREATE TABLE files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('pdf', 'png', 'jpeg', 'xlsx', 'xml')),
      mime_type text NOT NULL,
      size bigint NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX files_org_idx ON files (org_id, created_at DESC);
  `.execute(db)
}
