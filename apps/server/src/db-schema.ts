import type { CatalogTables } from './modules/catalogs'
import type { ProposalTables } from './modules/proposals'
import type { PlatformTables } from './platform/db/tables'

/**
 * The database as Kysely sees it: the platform's tables plus each module's, one line per module.
 * A module's table types live in its own `<module>.tables.ts` and are exported through its index.ts.
 */
export type DB = PlatformTables &
  CatalogTables &
  ProposalTables
