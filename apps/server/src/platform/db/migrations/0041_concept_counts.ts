import { sql, type Kysely } from 'kysely'

/**
 * The concept catalog's counts (docs/concepts.md#totals): how many concepts each organization has per kind,
 * sub-annex and PUE status, kept exact by statement-level triggers on `contract_concepts`, so that a page of
 * the list (and the facets) reads a handful of count rows instead of counting up to 50,000 concepts on every
 * request.
 *
 * - One row per (org, kind, annex, annex_sort, status) present in the catalog; `NULLS NOT DISTINCT` because
 *   annex and status are null for many concepts. A row whose count reaches 0 is deleted.
 * - AFTER INSERT / UPDATE / DELETE … FOR EACH STATEMENT with transition tables: one grouped upsert per
 *   statement whatever its number of rows (an import of 2,000 rows per statement adds one grouped upsert); an
 *   UPDATE that changes no key column nets to nothing. AFTER TRUNCATE empties the counts.
 * - Each statement adds one signed count per key (+1 per new row, −1 per old row), upserted in key order, so
 *   two writers of the same organization lock count rows in the same order (no deadlock); they do serialize
 *   on those rows until commit, like any counter.
 * - A derived table: backups leave it out and a restore rebuilds it as the concepts load (the triggers fire),
 *   platform/backup/catalog.ts `DERIVED_TABLES` (docs/backups.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE contract_concept_counts (
      org_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL,
      annex text,
      annex_sort text,
      status text,
      concepts bigint NOT NULL
    );
    CREATE UNIQUE INDEX contract_concept_counts_key
      ON contract_concept_counts (org_id, kind, annex, annex_sort, status) NULLS NOT DISTINCT;

    -- per statement: one signed count per key, upserted in key order; keys left at 0 are deleted
    CREATE FUNCTION contract_concept_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM contract_concept_counts;
        RETURN NULL;
      END IF;
      IF TG_OP = 'INSERT' THEN
        INSERT INTO contract_concept_counts AS t (org_id, kind, annex, annex_sort, status, concepts)
        SELECT org_id, kind, annex, annex_sort, status, count(*) FROM new_rows
        GROUP BY org_id, kind, annex, annex_sort, status
        ORDER BY org_id, kind, annex, annex_sort, status
        ON CONFLICT (org_id, kind, annex, annex_sort, status) DO UPDATE SET concepts = t.concepts + EXCLUDED.concepts;
        RETURN NULL;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO contract_concept_counts AS t (org_id, kind, annex, annex_sort, status, concepts)
        SELECT org_id, kind, annex, annex_sort, status, sum(n) FROM (
          SELECT org_id, kind, annex, annex_sort, status, 1 AS n FROM new_rows
          UNION ALL SELECT org_id, kind, annex, annex_sort, status, -1 FROM old_rows
        ) d
        GROUP BY org_id, kind, annex, annex_sort, status HAVING sum(n) <> 0
        ORDER BY org_id, kind, annex, annex_sort, status
        ON CONFLICT (org_id, kind, annex, annex_sort, status) DO UPDATE SET concepts = t.concepts + EXCLUDED.concepts;
      ELSE
        INSERT INTO contract_concept_counts AS t (org_id, kind, annex, annex_sort, status, concepts)
        SELECT org_id, kind, annex, annex_sort, status, -count(*) FROM old_rows
        GROUP BY org_id, kind, annex, annex_sort, status
        ORDER BY org_id, kind, annex, annex_sort, status
        ON CONFLICT (org_id, kind, annex, annex_sort, status) DO UPDATE SET concepts = t.concepts + EXCLUDED.concepts;
      END IF;
      DELETE FROM contract_concept_counts
      WHERE concepts = 0 AND org_id IN (SELECT DISTINCT org_id FROM old_rows);
      RETURN NULL;
    END $fn$;

    CREATE TRIGGER contract_concept_counts_insert AFTER INSERT ON contract_concepts
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_concept_counts_sync();
    CREATE TRIGGER contract_concept_counts_update AFTER UPDATE ON contract_concepts
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION contract_concept_counts_sync();
    CREATE TRIGGER contract_concept_counts_delete AFTER DELETE ON contract_concepts
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_concept_counts_sync();
    CREATE TRIGGER contract_concept_counts_truncate AFTER TRUNCATE ON contract_concepts
      FOR EACH STATEMENT EXECUTE FUNCTION contract_concept_counts_sync();

    INSERT INTO contract_concept_counts (org_id, kind, annex, annex_sort, status, concepts)
    SELECT org_id, kind, annex, annex_sort, status, count(*) FROM contract_concepts
    GROUP BY org_id, kind, annex, annex_sort, status;
  `.execute(db)
}
