import { sql } from 'kysely'
import { Migrator, type MigrationResultSet } from 'kysely/migration'
import type { Db } from './executor'
import { migrations } from './migrations/index'
import { APP_ROLE } from './org-scope'
import { ensureRowSecurity } from './row-security'

/**
 * Whether every migration has run (and the row-security role exists: a database restored into another
 * cluster has none): one query instead of the migrator's table checks and lock, which cost about a second
 * of a restart on the embedded database (bench/README.md, start-up).
 */
async function isUpToDate(db: Db): Promise<boolean> {
  const names = Object.keys(migrations).sort()
  try {
    const { rows } = await sql<{ count: string; last: string | null; role: boolean }>`
      select count(*) as count, max(name) as last,
        exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as role
      from kysely_migration`.execute(db)
    return Number(rows[0]?.count) === names.length && rows[0]?.last === names.at(-1) && rows[0]?.role === true
  } catch {
    return false // no migration table yet
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await isUpToDate(db)) return []
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(
      `Migration ${failed?.migrationName ?? '?'} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      {
        cause: result.error,
      },
    )
  }
  // row-level security on every table with an org_id, those of the migrations just run included
  const { role } = await ensureRowSecurity(db)
  if (!role)
    console.warn(
      `row-level security: the database user may not create the role ${APP_ROLE}; ` +
        'create it as docs/platform.md#row-level-security says, then restart',
    )
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
