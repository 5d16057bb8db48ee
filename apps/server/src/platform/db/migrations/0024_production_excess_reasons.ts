import { sql, type Kysely } from 'kysely'

/**
 * Production (docs/production.md#reason-for-an-excess): the reason recorded for a production entry that passes
 * the authorized volume, who recorded it and when. It lives on the entry, so clearing the cell (zero deletes the
 * entry) removes it; changing the volume keeps it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE production_entries
      ADD COLUMN excess_reason text CHECK (excess_reason IS NULL OR length(excess_reason) BETWEEN 1 AND 500),
      ADD COLUMN excess_reason_by uuid REFERENCES users (id),
      ADD COLUMN excess_reason_at timestamptz;
  `.execute(db)
}
