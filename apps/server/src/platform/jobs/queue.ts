import type pg from 'pg'
import { PgBoss, fromKysely, type Db as IDatabase } from 'pg-boss'
import type { Executor } from '../db/executor'

/**
 * pg-boss over the app's own connections. On the embedded database there is exactly one connection:
 * pg-boss must queue behind the app's transactions on it, not run inside them, so it goes through the
 * same `pg.Pool` (max 1) as every request instead of PGlite's own adapter. A `pool.query` checks the
 * connection out for one statement (or one multi-statement block such as pg-boss's locked DDL) and
 * gives it back, so requests and the queue take turns.
 */
export function poolAdapter(pool: pg.Pool): IDatabase {
  return {
    // pg answers a multi-statement text with an array of results; pg-boss unwraps that itself.
    executeSql: (text, values) => pool.query(text, values),
  }
}

/** The caller's transaction (or the database) as pg-boss's `db` option: a job sent this way commits with it. */
export const executorAdapter = (trx: Executor): IDatabase => fromKysely(trx)

export type QueueOptions = {
  pool: pg.Pool
  kind: 'pglite' | 'postgres'
}

/**
 * The queue, not started. Our own tables say what the user sees (job_runs); pg-boss carries only the
 * job's id and decides who runs it when, retries nothing (a failed export is asked for again) and keeps
 * its own bookkeeping in the `pgboss` schema, which it creates and upgrades on start.
 */
export function createQueue({ pool, kind }: QueueOptions): PgBoss {
  return new PgBoss({
    db: poolAdapter(pool),
    backend: kind === 'pglite' ? 'pglite' : 'postgres',
    schema: 'pgboss',
    // one instance per process; the embedded database has no room for a LISTEN connection
    useListenNotify: false,
    // the stats and warning tables are not read by Faena
    persistWarnings: false,
    monitorVacuum: false,
  })
}
