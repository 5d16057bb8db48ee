import { sql, type Kysely } from 'kysely'

/**
 * Indexes in the exact order of the default list pages (docs/platform.md#lists), so a page of 50 is read
 * from the index and stops after 50 rows instead of sorting every row of the organization:
 * - work orders, newest first (`created_at DESC NULLS LAST`, then number, version and id as the list's
 *   tie-breakers);
 * - the concept catalog in code order (`code_sort`, `annex_sort`, `description_key` in the "C" collation,
 *   then occurrence and id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX work_orders_org_list_idx
      ON work_orders (org_id, created_at DESC NULLS LAST, lower(number), coalesce(reprogramming_number, 0), id);
    CREATE INDEX contract_concepts_org_list_idx
      ON contract_concepts (org_id, code_sort COLLATE "C", annex_sort COLLATE "C", description_key COLLATE "C",
        occurrence, id);
  `.execute(db)
}
