import { AsyncLocalStorage } from 'node:async_hooks'
import { sql } from 'kysely'
import type pg from 'pg'
import type { Executor } from './executor'

/**
 * Row-level security's request side (docs/platform.md#row-level-security). Code that runs for a signed-in
 * caller runs inside `runInOrg(orgId, …)`; every connection checked out of the pool meanwhile is switched to
 * the role `faena_app` (no BYPASSRLS) with `faena.org_id` set to that organization, so the policies of
 * row-security.ts hide every other organization's rows even from a query that forgets its `org_id` filter.
 * Everything else (jobs, CLI, migrations, seeds, sign-in) is the system: the connection runs as the database
 * user, as it always did. The session look-up runs in "any state" (`runInAnyState`): no switch at all.
 */

/** The non-superuser role org-scoped queries run as (created by row-security.ts). */
export const APP_ROLE = 'faena_app'
/** The setting the policies read. */
export const ORG_SETTING = 'faena.org_id'

/** An organization, or "any state": the connection is taken as it is (no switch). No store: the system. */
type Scope = { orgId: string; anyState?: undefined } | { orgId?: undefined; anyState: true }
const scope = new AsyncLocalStorage<Scope>()
const ANY_STATE: Scope = { anyState: true }

/** Runs `fn` (and everything it starts) scoped to one organization. */
export const runInOrg = <T>(orgId: string, fn: () => T): T => scope.run({ orgId }, fn)

/** Runs `fn` as the system (every organization's rows), even when called from a request. */
export const runAsSystem = <T>(fn: () => T): T => scope.exit(fn)

/**
 * Runs `fn` on connections taken in whatever state they are in (an organization's or the system's): no
 * switch, no round trip. Only for queries whose result does not depend on the state: today the session
 * look-up, a `SECURITY DEFINER` function (`faena_session_user`, migration 0045) that reads the same row as
 * any role. Nothing else may run here: a table read in this mode sees whatever the last user of the
 * connection was allowed to see.
 */
export const runInAnyState = <T>(fn: () => T): T => scope.run(ANY_STATE, fn)

/** The organization the current code is scoped to; undefined: the system (or any state). */
export const currentOrgId = (): string | undefined => scope.getStore()?.orgId

/**
 * The one exception to the policies for org-scoped code (docs/platform.md#row-level-security): inside a
 * transaction, drops from `faena_app` to the database user until the transaction ends (`set_config(…, true)`
 * is `SET LOCAL`: commit or rollback restores the role, so the pool's remembered state stays true). For a
 * query that filters `org_id` itself and whose conditions PostgreSQL cannot use as index conditions under a
 * policy (not leakproof: `LIKE`, `%>` on a trigram index): the global search (docs/search.md#organizations-and-row-level-security).
 */
export async function leaveRowSecurityForTransaction(trx: Executor): Promise<void> {
  if (!trx.isTransaction) throw new Error('leaveRowSecurityForTransaction: only inside a transaction')
  await sql`SELECT set_config('role', 'none', true)`.execute(trx)
}

/** What a connection was last set to: an organization's id, or null for the system (a new connection). */
const connectionState = new WeakMap<pg.PoolClient, string | null>()

type Warn = (message: string) => void

/**
 * Makes every checkout of `pool` (Kysely's, and `pool.query`'s, which pg-boss uses) match the caller's
 * scope. The state is remembered per connection: a connection already in the wanted state costs nothing;
 * otherwise one statement switches it (org → system resets the role, so a system query never runs in an
 * organization's state). Transactions run in the state of the connection they were opened on.
 * When the role cannot be used (not created: docs/platform.md#row-level-security), org-scoped queries run
 * as the system and `warn` says so once.
 */
export function scopePool(pool: pg.Pool, warn: Warn = (m) => console.warn(m)): pg.Pool {
  const checkout = pool.connect.bind(pool) as () => Promise<pg.PoolClient>
  let roleUsable: Promise<boolean> | undefined

  async function usable(client: pg.PoolClient): Promise<boolean> {
    roleUsable ??= client
      .query<{ ok: boolean }>(
        `select pg_has_role(current_user, oid, 'MEMBER') as ok from pg_roles where rolname = $1`,
        [APP_ROLE],
      )
      .then(({ rows }) => {
        if (rows[0]?.ok) return true
        warn(
          `row-level security is OFF: the role ${APP_ROLE} is missing or not granted to the database user; ` +
            `queries of signed-in users run unscoped by the database (docs/platform.md#row-level-security)`,
        )
        return false
      })
    return roleUsable
  }

  async function connectScoped(): Promise<pg.PoolClient> {
    const store = scope.getStore() // read before awaiting: the caller's scope
    if (store?.anyState) return checkout() // as it is: its remembered state stays true
    const orgId = store?.orgId ?? null
    const client = await checkout()
    try {
      const was = connectionState.get(client) ?? null
      const want = orgId !== null && (await usable(client)) ? orgId : null
      if (was !== want) {
        await client.query(`select set_config('role', $1, false), set_config($2, $3, false)`, [
          want === null ? 'none' : APP_ROLE,
          ORG_SETTING,
          want ?? '',
        ])
        connectionState.set(client, want)
      }
      return client
    } catch (err) {
      connectionState.delete(client)
      client.release(err as Error) // a connection in an unknown state is not reused
      throw err
    }
  }

  type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void
  // pg's own `pool.query` checks out through `this.connect(callback)`: both forms go through here
  pool.connect = ((callback?: ConnectCallback) => {
    if (!callback) return connectScoped()
    connectScoped().then(
      (client) => callback(undefined, client, () => client.release()),
      (err: Error) => callback(err),
    )
  }) as pg.Pool['connect']
  return pool
}
