import { sql, type Kysely } from 'kysely'

/**
 * Document numbering counters (platform/numbering: one row per organization, series and year; year 0 =
 * a series that never restarts) and the rental field documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_counters (
      org_id uuid NOT NULL REFERENCES organizations (id),
      series text NOT NULL CHECK (length(series) BETWEEN 1 AND 100),
      year integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
      last_number bigint NOT NULL CHECK (last_number >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, series, year)
    );
  `.execute(db)
}
