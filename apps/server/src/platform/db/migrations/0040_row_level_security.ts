import type { Kysely } from 'kysely'
import { ensureRowSecurity } from '../row-security'

/**
 * Row-level security by `org_id` (docs/platform.md#row-level-security): the role `faena_app`, the policy
 * `org_isolation` on every table with an `org_id` column, the role's grants. The same idempotent step runs
 * again after every later migration run (migrate.ts), so tables added later are covered too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await ensureRowSecurity(db)
}
