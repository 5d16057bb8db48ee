import { sql, type Kysely } from 'kysely'

/**
 * Where a field document's attachment came from (docs/rental-documents.md#bulk-scan): `upload` (attached by
 * hand) or `scan` (a page of a bulk scan). A chain's scan is its `scan` attachments, so an attachment a user
 * labels «Escaneo, página …» by hand is never taken for a scan page and replaced. Pages stored before this
 * column existed are recognised by the label the bulk scan gave them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE rental_document_attachments
      ADD COLUMN source text NOT NULL DEFAULT 'upload' CHECK (source IN ('upload', 'scan'))
  `.execute(db)
  await sql`
    UPDATE rental_document_attachments SET source = 'scan'
    WHERE document_type = 'custody_chain' AND label ~ '^Escaneo, página [0-9]+ de [0-9]+$'
  `.execute(db)
}
