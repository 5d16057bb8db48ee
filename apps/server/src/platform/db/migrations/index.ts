import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_platform'
import * as m0002 from './0002_catalogs'
import * as m0003 from './0003_proposals'
import * as m0011 from './0011_rental_documents'

/**
 * Every migration, in order. Forward-only: never edit one that has landed; add the next number.
 * SQL must run on PostgreSQL 15 (production) and on PGlite (PostgreSQL 18).
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_catalogs': m0002,
  '0003_proposals': m0003,
  '0011_rental_documents': m0011,
}
