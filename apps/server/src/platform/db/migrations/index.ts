import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_platform'

/**
 * Every migration, in order. Forward-only: never edit one that has landed; add the next number.
 * SQL must run on PostgreSQL 15 (production) and on PGlite (PostgreSQL 18).
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
}
