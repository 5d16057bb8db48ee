import { sql, type Kysely } from 'kysely'

/**
 * Production entries written faster (docs/production.md#measured, bench/README.md):
 *
 * - the family index keeps only its keys: no query reads it alone (each also filters the organization, which is
 *   in the table row), and with `volume` and `is_excess` out of it a save that changes a volume or flips an
 *   excess flag touches no index (a HOT update when the page has room; `fillfactor` 90 leaves some);
 * - the (org_id, day) index, which no query used, is dropped;
 * - three foreign-key checks per written row become one: the work order is checked together with its
 *   organization (`(org_id, work_order_id)` → `work_orders (org_id, id)`, which also refuses an entry whose
 *   organization is not its work order's), and `family_id` — always the family's initial work order, the one
 *   production is recorded against — is checked to be `work_order_id`.
 *
 * And a concept added to a family from the catalog with its volume to authorize (docs/production.md#adding-a-
 * concept-from-the-catalog) is a new Anexo C version of the family's latest member made in the app: it keeps
 * why (`reason`) with the version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX production_entries_org_day_idx;
    DROP INDEX production_entries_family_idx;
    CREATE INDEX production_entries_family_idx
      ON production_entries (family_id, concept_id, day, time_type DESC, site_id);
    ALTER TABLE production_entries SET (fillfactor = 90);

    CREATE UNIQUE INDEX work_orders_org_id_id_uq ON work_orders (org_id, id);
    ALTER TABLE production_entries
      DROP CONSTRAINT production_entries_org_id_fkey,
      DROP CONSTRAINT production_entries_family_id_fkey,
      DROP CONSTRAINT production_entries_work_order_id_fkey,
      ADD CONSTRAINT production_entries_work_order_fkey FOREIGN KEY (org_id, work_order_id)
        REFERENCES work_orders (org_id, id) ON DELETE CASCADE,
      ADD CONSTRAINT production_entries_family_is_work_order CHECK (family_id = work_order_id);

    ALTER TABLE work_order_annex_imports
      ADD COLUMN reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500);
  `.execute(db)
}
