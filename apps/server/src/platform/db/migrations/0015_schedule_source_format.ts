import { sql, type Kysely } from 'kysely'

/**
 * Schedules imported from MS Project's own `.mpp` files as well as from MSPDI XML (docs/mpp.md): each version
 * records the format it came from, and the file store keeps the uploaded `.mpp` as it was (kind `mpp`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE schedule_versions
      ADD COLUMN source_format text NOT NULL DEFAULT 'mspdi' CHECK (source_format IN ('mspdi', 'mpp'));
    ALTER TABLE files DROP CONSTRAINT files_kind_check;
    ALTER TABLE files ADD CONSTRAINT files_kind_check CHECK (kind IN ('pdf', 'png', 'jpeg', 'xlsx', 'xml', 'mpp'));
  `.execute(db)
}
