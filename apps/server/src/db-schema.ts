/**
 * The database as Kysely sees it, generated from the migrations (platform/db/generated/tables.gen.ts;
 * regenerate with `npm run db:types`, docs/platform.md#table-types). Each module names its own tables in
 * `<module>.tables.ts` (a Pick of this type), exported through its index.ts.
 */
export type { DB } from './platform/db/generated/tables.gen'
