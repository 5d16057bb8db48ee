import type { Insertable, Selectable } from 'kysely'
import type { Executor } from '../../platform/db/executor'
import type { EDocumentMessage, EDocumentsTable, EInvoicingSettingsTable } from './e-invoicing.tables'

export type SettingsRow = Selectable<EInvoicingSettingsTable>
export type EDocumentRow = Selectable<EDocumentsTable>

export async function findSettings(db: Executor, orgId: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('e_invoicing_settings').selectAll().where('org_id', '=', orgId)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function upsertSettings(
  db: Executor,
  row: Omit<Insertable<EInvoicingSettingsTable>, 'next_invoice_sequential' | 'next_guide_sequential'>,
) {
  const { org_id: _org, ...update } = row
  await db
    .insertInto('e_invoicing_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(update))
    .execute()
}

/** Takes the next sequential of the kind (the settings row is locked by the caller). */
export async function takeSequential(db: Executor, orgId: string, kind: 'invoice' | 'shipping_guide') {
  const column = kind === 'invoice' ? 'next_invoice_sequential' : 'next_guide_sequential'
  const row = await db
    .updateTable('e_invoicing_settings')
    .set((eb) => ({ [column]: eb(column, '+', 1) }))
    .where('org_id', '=', orgId)
    .returning(column)
    .executeTakeFirstOrThrow()
  return (row as Record<string, number>)[column]! - 1
}

export async function findOrgName(db: Executor, orgId: string) {
  const row = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst()
  return row?.name ?? null
}

/** The latest electronic document of a source (a sheet or a guide), rejected ones included. */
export async function findLatestDocument(
  db: Executor,
  orgId: string,
  kind: 'invoice' | 'shipping_guide',
  sourceId: string,
) {
  return db
    .selectFrom('e_documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertDocument(
  db: Executor,
  row: {
    orgId: string
    kind: 'invoice' | 'shipping_guide'
    sourceId: string
    accessKey: string
    number: string
    environment: 'test' | 'production'
    signedXml: string
    document: unknown
    certificateIsTest: boolean
    createdBy: string | null
    now: Date
  },
) {
  return db
    .insertInto('e_documents')
    .values({
      org_id: row.orgId,
      kind: row.kind,
      source_id: row.sourceId,
      access_key: row.accessKey,
      number: row.number,
      environment: row.environment,
      status: 'signed',
      signed_xml: row.signedXml,
      document: JSON.stringify(row.document),
      certificate_is_test: row.certificateIsTest,
      created_by: row.createdBy,
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateStatus(
  db: Executor,
  orgId: string,
  id: string,
  patch: {
    status: EDocumentRow['status']
    messages: EDocumentMessage[]
    authorizationNumber?: string | null
    authorizedAt?: Date | null
    now: Date
  },
) {
  return db
    .updateTable('e_documents')
    .set({
      status: patch.status,
      messages: JSON.stringify(patch.messages),
      authorization_number: patch.authorizationNumber ?? null,
      authorized_at: patch.authorizedAt ?? null,
      updated_at: patch.now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
