import type { Executor } from '../../platform/db/executor'

/**
 * What the dossiers (rental-dossiers, docs/rental-dossiers.md) read of the field documents, exported through
 * index.ts: the custody chains and shipping guides of a project with their uploaded files. Scoped by
 * organization; cancelled chains and void guides are left out (they count nowhere).
 */

export type DossierAttachment = { fileId: string; name: string }
export type DossierChain = {
  id: string
  number: number
  activityDate: string
  billingSheetId: string | null
  /** uploaded files (signed copy, scan pages) in upload order */
  attachments: DossierAttachment[]
}
export type DossierGuide = {
  id: string
  number: number
  issueDate: string
  billingSheetId: string | null
  attachments: DossierAttachment[]
}

export type DossierDocumentsScope = {
  projectId: string
  /** only the documents this billing sheet bills */
  billingSheetId?: string | undefined
}

async function attachmentsOf(
  db: Executor,
  orgId: string,
  type: 'custody_chain' | 'shipping_guide',
  ids: string[],
): Promise<Map<string, DossierAttachment[]>> {
  const out = new Map<string, DossierAttachment[]>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('rental_document_attachments')
    .select(['document_id', 'file_id', 'name'])
    .where('org_id', '=', orgId)
    .where('document_type', '=', type)
    .where('document_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const r of rows) {
    const list = out.get(r.document_id) ?? []
    list.push({ fileId: r.file_id, name: r.name })
    out.set(r.document_id, list)
  }
  return out
}

/** The project's custody chains (not cancelled) by activity date then number, with their files. */
export async function listDossierChains(
  db: Executor,
  orgId: string,
  scope: DossierDocumentsScope,
): Promise<DossierChain[]> {
  let q = db
    .selectFrom('rental_custody_chains')
    .select(['id', 'number', 'activity_date', 'billing_sheet_id'])
    .where('org_id', '=', orgId)
    .where('project_id', '=', scope.projectId)
    .where('status', '<>', 'cancelled')
  if (scope.billingSheetId) q = q.where('billing_sheet_id', '=', scope.billingSheetId)
  const rows = await q.orderBy('activity_date').orderBy('number').execute()
  const files = await attachmentsOf(
    db,
    orgId,
    'custody_chain',
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    activityDate: r.activity_date,
    billingSheetId: r.billing_sheet_id,
    attachments: files.get(r.id) ?? [],
  }))
}

/** The project's shipping guides (not void) by issue date then number, with their files. */
export async function listDossierGuides(
  db: Executor,
  orgId: string,
  scope: DossierDocumentsScope,
): Promise<DossierGuide[]> {
  let q = db
    .selectFrom('rental_shipping_guides')
    .select(['id', 'number', 'issue_date', 'billing_sheet_id'])
    .where('org_id', '=', orgId)
    .where('project_id', '=', scope.projectId)
    .where('status', '<>', 'void')
  if (scope.billingSheetId) q = q.where('billing_sheet_id', '=', scope.billingSheetId)
  const rows = await q.orderBy('issue_date').orderBy('number').execute()
  const files = await attachmentsOf(
    db,
    orgId,
    'shipping_guide',
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    issueDate: r.issue_date,
    billingSheetId: r.billing_sheet_id,
    attachments: files.get(r.id) ?? [],
  }))
}
