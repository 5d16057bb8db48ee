import { sql } from 'kysely'
import type { Executor } from './executor'
import { APP_ROLE, ORG_SETTING } from './org-scope'

/** The policy every table with an `org_id` column gets (docs/platform.md#row-level-security). */
export const ORG_POLICY = 'org_isolation'
/** The organization the connection is scoped to; NULL (no row matches) when none is set. */
const CURRENT_ORG = `nullif(current_setting('${ORG_SETTING}', true), '')::uuid`
const USING = `org_id = ${CURRENT_ORG}`.replaceAll("'", "''") // inside a quoted format() string

export type RowSecurityResult = { role: boolean; tables: number }

/**
 * The role and the policies, made so (idempotent; run at the end of every migration run, so a table a
 * later migration adds is covered without anyone remembering):
 * - the role `faena_app` (NOLOGIN, no BYPASSRLS), created once per cluster; creating it races with other
 *   databases of the same cluster (tests make many in parallel), so a duplicate is not an error;
 * - on every table of `public` with an `org_id` column: row-level security enabled and the policy
 *   `org_isolation` (rows of the organization in `faena.org_id`, for reading and writing);
 * - to the role: the rows of every table of `public` and `pgboss` (jobs are sent inside request
 *   transactions) except the migration bookkeeping, their sequences, and the same on tables created later.
 * The policies hold even without the role (they bind only roles that are neither the owner nor BYPASSRLS).
 * A database user that may not create roles gets no role: `role: false`, and org-scoped queries run
 * unscoped by the database (org-scope.ts says so in the log).
 */
export async function ensureRowSecurity(db: Executor): Promise<RowSecurityResult> {
  // inside the migrator's transaction (migration 0040) or in a transaction of its own
  if (db.isTransaction) return ensureIn(db)
  return db.transaction().execute(ensureIn)
}

async function ensureIn(trx: Executor): Promise<RowSecurityResult> {
  // one server at a time per database (two servers starting together)
  await sql`select pg_advisory_xact_lock(hashtext('faena.row_security'))`.execute(trx)
  const role = await ensureRole(trx)
  await sql
    .raw(
      `DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname, c.relrowsecurity,
           EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = '${ORG_POLICY}') AS has_policy
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    IF NOT t.relrowsecurity THEN
      EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
    END IF;
    IF NOT t.has_policy THEN
      EXECUTE format('CREATE POLICY ${ORG_POLICY} ON public.%I USING (${USING}) WITH CHECK (${USING})', t.relname);
    END IF;
  END LOOP;
END $$`,
    )
    .execute(trx)
  if (role) await grantToRole(trx)
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_policy where polname = ${ORG_POLICY}`.execute(trx)
  return { role, tables: rows[0]?.n ?? 0 }
}

/**
 * The role exists and the database user may switch to it; false when the user may not create it (checked
 * first: a refused CREATE ROLE would abort the transaction).
 */
async function ensureRole(trx: Executor): Promise<boolean> {
  const { rows } = await sql<{ exists: boolean; may_create: boolean }>`
    select exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as exists,
           (select rolsuper or rolcreaterole from pg_roles where rolname = current_user) as may_create`.execute(
    trx,
  )
  if (!rows[0]?.exists && !rows[0]?.may_create) return false
  await sql
    .raw(
      `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    BEGIN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database made it meanwhile
    END;
  END IF;
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN NULL; -- made by someone else: an administrator grants it
    END;
  END IF;
END $$`,
    )
    .execute(trx)
  const member = await sql<{
    ok: boolean
  }>`select pg_has_role(current_user, ${APP_ROLE}, 'MEMBER') as ok`.execute(trx)
  return member.rows[0]?.ok === true
}

async function grantToRole(trx: Executor) {
  await sql
    .raw(
      `GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
REVOKE ALL ON public.kysely_migration, public.kysely_migration_lock FROM ${APP_ROLE};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${APP_ROLE};
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE};
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
  END IF;
  -- the session look-up in any connection state (migration 0045)
  IF to_regprocedure('public.faena_session_user(text)') IS NOT NULL THEN
    GRANT EXECUTE ON FUNCTION public.faena_session_user(text) TO ${APP_ROLE};
  END IF;
END $$`,
    )
    .execute(trx)
}
