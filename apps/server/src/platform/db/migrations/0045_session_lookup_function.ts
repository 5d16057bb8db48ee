import { sql, type Kysely } from 'kysely'

/**
 * The session look-up in any connection state (docs/platform.md#row-level-security): `faena_session_user`
 * returns a session and its user for a session id (the token's hash), whatever role and organization the
 * connection is in, so a request's session look-up needs no switch of a pooled connection. `SECURITY DEFINER`:
 * it runs as its owner (the user that migrates, the tables' owner, not bound by the policies), with a fixed
 * `search_path`; it reads one session by its id and nothing else. No one may call it but `faena_app`
 * (granted by row-security.ts after every migration run) and the owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION faena_session_user(p_session_id text)
    RETURNS TABLE (session_id text, expires_at timestamptz, last_seen_at timestamptz, user_id uuid, org_id uuid,
                   email text, name text, role text, active boolean, locale text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
      SELECT s.id, s.expires_at, s.last_seen_at, u.id, u.org_id, u.email, u.name, u.role, u.active, u.locale
      FROM public.sessions s JOIN public.users u ON u.id = s.user_id
      WHERE s.id = p_session_id
    $$`.execute(db)
  await sql`REVOKE ALL ON FUNCTION faena_session_user(text) FROM PUBLIC`.execute(db)
}
