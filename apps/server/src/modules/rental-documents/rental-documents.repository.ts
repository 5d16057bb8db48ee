import { sql, type Expression, type SqlBool } from 'kysely'
import type {
  TChainStatus,
  TChainVolumeUnit,
  TFieldDocumentStatus,
  TGuideReason,
  TGuideType,
  TMaintenanceType,
  TWasteType,
} from '@faena/contracts'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on the rental field-document tables. Every query is scoped by organization. */

export type MaintenanceRow = Awaited<ReturnType<typeof insertMaintenance>>
export type ChainRow = Awaited<ReturnType<typeof insertChain>>
export type GuideRow = Awaited<ReturnType<typeof insertGuide>>
export type GuideItemRow = Awaited<ReturnType<typeof listGuideItems>>[number]
export type AttachmentRow = Awaited<ReturnType<typeof insertAttachment>>
export type DocumentType = 'maintenance_sheet' | 'custody_chain' | 'shipping_guide'

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`
const toTime = (t: string | null) => (t ? t.slice(0, 5) : null)

// --- maintenance sheets ---

export type MaintenanceValues = {
  assignment_id: string | null
  equipment_id: string | null
  maintenance_type: TMaintenanceType
  start_date: string
  end_date: string
  total_days: number
  technician_name: string | null
  technician_staff_id: string | null
  requested_by: string | null
  rig: string | null
  location: string | null
  cost_per_day: string
  total_cost: string
  technical_description: string
  logistics_cost: string
  logistics_description: string
  maintenance_description: string | null
  fault_description: string | null
  possible_causes: string | null
  replaced_parts: string | null
  observations: string | null
  performed_by: string | null
  performed_by_position: string | null
  approved_by: string | null
  approved_by_position: string | null
}
type StatusPatch<S extends string> = { status?: S; status_reason?: string | null; updated_at: Date }

export async function insertMaintenance(
  db: Executor,
  v: MaintenanceValues & { org_id: string; number: number; project_id: string; created_by: string | null },
) {
  return db.insertInto('rental_maintenance_sheets').values(v).returningAll().executeTakeFirstOrThrow()
}

export async function findMaintenance(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  let q = db
    .selectFrom('rental_maintenance_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updateMaintenance(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<MaintenanceValues> & StatusPatch<TFieldDocumentStatus>,
) {
  return db
    .updateTable('rental_maintenance_sheets')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function deleteMaintenance(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_maintenance_sheets').where('org_id', '=', orgId).where('id', '=', id).execute()
}

export type ListFilter<S extends string> = {
  q?: string | undefined
  projectId?: string | undefined
  /** project ids whose name or client matches `q` (resolved by the service through rental-projects) */
  projectIdsMatching?: string[]
  status?: S | undefined
  from?: string | undefined
  to?: string | undefined
  sort: string
  dir: 'asc' | 'desc'
  limit: number
  offset: number
}

const attachmentCount = (type: DocumentType) =>
  sql<string>`(SELECT count(*) FROM rental_document_attachments a WHERE a.org_id = d.org_id AND a.document_type = ${type} AND a.document_id = d.id)`

type MaintenanceFilter = Omit<ListFilter<TFieldDocumentStatus>, 'limit' | 'offset'> & {
  maintenanceType?: TMaintenanceType | undefined
}

/** The filtered, sorted maintenance sheets (the list's and the export's query, before the select). */
function maintenanceQuery(db: Executor, orgId: string, f: MaintenanceFilter) {
  let q = db.selectFrom('rental_maintenance_sheets as d').where('d.org_id', '=', orgId)
  if (f.projectId) q = q.where('d.project_id', '=', f.projectId)
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.maintenanceType) q = q.where('d.maintenance_type', '=', f.maintenanceType)
  if (f.from) q = q.where('d.start_date', '>=', f.from)
  if (f.to) q = q.where('d.start_date', '<=', f.to)
  if (f.q) {
    const pattern = like(f.q)
    const digits = /^\d{1,9}$/.test(f.q) ? Number(f.q) : null
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [
        eb('d.technician_name', 'ilike', pattern),
        eb('d.requested_by', 'ilike', pattern),
        eb('d.rig', 'ilike', pattern),
        eb('d.location', 'ilike', pattern),
        eb('d.maintenance_description', 'ilike', pattern),
      ]
      if (digits !== null) any.push(eb('d.number', '=', digits))
      if (f.projectIdsMatching?.length) any.push(eb('d.project_id', 'in', f.projectIdsMatching))
      return eb.or(any)
    })
  }
  const sorted = (() => {
    switch (f.sort) {
      case 'startDate':
        return q.orderBy('d.start_date', f.dir)
      case 'status':
        return q.orderBy(sql`array_position(ARRAY['draft','closed','void']::text[], d.status)`, f.dir)
      case 'totalCost':
        return q.orderBy('d.total_cost', f.dir)
      case 'createdAt':
        return q.orderBy('d.created_at', f.dir)
      default:
        return q.orderBy('d.number', f.dir)
    }
  })()
  return { q, sorted }
}

export async function listMaintenance(
  db: Executor,
  orgId: string,
  f: MaintenanceFilter & ListFilter<TFieldDocumentStatus>,
) {
  const { q, sorted } = maintenanceQuery(db, orgId, f)
  const [rows, count] = await Promise.all([
    sorted
      .selectAll('d')
      .select(attachmentCount('maintenance_sheet').as('attachment_count'))
      .orderBy('d.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    rows: rows.map((r) => ({ ...r, attachment_count: Number(r.attachment_count) })),
    total: Number(count.n),
  }
}

/** Ids of every sheet the filter matches, in the list's order (what an export walks). */
export async function listMaintenanceIds(db: Executor, orgId: string, f: MaintenanceFilter) {
  const rows = await maintenanceQuery(db, orgId, f)
    .sorted.select('d.id')
    .orderBy('d.number', 'desc')
    .execute()
  return rows.map((r) => r.id)
}

/** Sheets by id with their attachment count, in one query (any order). */
export async function findMaintenanceByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('rental_maintenance_sheets as d')
    .where('d.org_id', '=', orgId)
    .where('d.id', 'in', [...ids])
    .selectAll('d')
    .select(attachmentCount('maintenance_sheet').as('attachment_count'))
    .execute()
  return rows.map((r) => ({ ...r, attachment_count: Number(r.attachment_count) }))
}

// --- custody chains ---

export type ChainValues = {
  activity_date: string
  location: string | null
  start_time: string | null
  end_time: string | null
  duration_hours: string | null
  contact_name: string | null
  contact_dni: string | null
  contact_position: string | null
  driver_name: string | null
  driver_dni: string | null
  vehicle_plate: string | null
  driver_staff_id: string | null
  vehicle_id: string | null
  volume_unit: TChainVolumeUnit
  gallons: string
  barrels: string
  cubic_meters: string
  waste_types: TWasteType[]
  logistics_cost: string
  billing_text: string
  notes: string | null
}

const chainColumns = [
  'id',
  'org_id',
  'number',
  'project_id',
  'status',
  'status_reason',
  'activity_date',
  'location',
  'start_time',
  'end_time',
  'duration_hours',
  'contact_name',
  'contact_dni',
  'contact_position',
  'driver_name',
  'driver_dni',
  'vehicle_plate',
  'driver_staff_id',
  'vehicle_id',
  'volume_unit',
  'gallons',
  'barrels',
  'cubic_meters',
  'waste_types',
  'logistics_cost',
  'billing_text',
  'notes',
  'billing_sheet_id',
  'created_by',
  'created_at',
  'updated_at',
] as const
const normaliseChain = <T extends { start_time: string | null; end_time: string | null }>(r: T): T => ({
  ...r,
  start_time: toTime(r.start_time),
  end_time: toTime(r.end_time),
})

export async function insertChain(
  db: Executor,
  v: ChainValues & { org_id: string; number: number; project_id: string; created_by: string | null },
) {
  return normaliseChain(
    await db.insertInto('rental_custody_chains').values(v).returning(chainColumns).executeTakeFirstOrThrow(),
  )
}

export async function findChain(db: Executor, orgId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('rental_custody_chains')
    .select(chainColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
  if (opts.forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row ? normaliseChain(row) : undefined
}

export async function updateChain(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<ChainValues> & StatusPatch<TChainStatus>,
) {
  return normaliseChain(
    await db
      .updateTable('rental_custody_chains')
      .set(patch)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returning(chainColumns)
      .executeTakeFirstOrThrow(),
  )
}

export async function deleteChain(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_custody_chains').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** Replaces the assignments a chain attended (in the given order). */
export async function setChainAssignments(
  db: Executor,
  orgId: string,
  chainId: string,
  attended: readonly { assignmentId: string; equipmentId: string | null }[],
) {
  await db
    .deleteFrom('rental_custody_chain_assignments')
    .where('org_id', '=', orgId)
    .where('chain_id', '=', chainId)
    .execute()
  if (attended.length === 0) return
  await db
    .insertInto('rental_custody_chain_assignments')
    .values(
      attended.map((a, position) => ({
        org_id: orgId,
        chain_id: chainId,
        assignment_id: a.assignmentId,
        equipment_id: a.equipmentId,
        position,
      })),
    )
    .execute()
}

export type ChainAttendedRow = { assignmentId: string; equipmentId: string | null }

/** The attended assignments of chains (with the equipment attended), by chain id, in their order. */
export async function listChainAssignments(db: Executor, orgId: string, chainIds: readonly string[]) {
  const out = new Map<string, ChainAttendedRow[]>()
  if (chainIds.length === 0) return out
  const rows = await db
    .selectFrom('rental_custody_chain_assignments')
    .select(['chain_id', 'assignment_id', 'equipment_id'])
    .where('org_id', '=', orgId)
    .where('chain_id', 'in', [...chainIds])
    .orderBy('chain_id')
    .orderBy('position')
    .execute()
  for (const r of rows)
    out.set(r.chain_id, [
      ...(out.get(r.chain_id) ?? []),
      { assignmentId: r.assignment_id, equipmentId: r.equipment_id },
    ])
  return out
}

type ChainFilter = Omit<ListFilter<TChainStatus>, 'limit' | 'offset'> & { wasteType?: TWasteType | undefined }
const attendedCount = sql<string>`(SELECT count(*) FROM rental_custody_chain_assignments c WHERE c.chain_id = d.id)`

/** The filtered, sorted custody chains (the list's and the export's query, before the select). */
function chainQuery(db: Executor, orgId: string, f: ChainFilter) {
  let q = db.selectFrom('rental_custody_chains as d').where('d.org_id', '=', orgId)
  if (f.projectId) q = q.where('d.project_id', '=', f.projectId)
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.wasteType) q = q.where(sql<SqlBool>`${f.wasteType} = ANY(d.waste_types)`)
  if (f.from) q = q.where('d.activity_date', '>=', f.from)
  if (f.to) q = q.where('d.activity_date', '<=', f.to)
  if (f.q) {
    const pattern = like(f.q)
    const digits = /^\d{1,9}$/.test(f.q) ? Number(f.q) : null
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [
        eb('d.driver_name', 'ilike', pattern),
        eb('d.vehicle_plate', 'ilike', pattern),
        eb('d.contact_name', 'ilike', pattern),
        eb('d.location', 'ilike', pattern),
        eb('d.notes', 'ilike', pattern),
      ]
      if (digits !== null) any.push(eb('d.number', '=', digits))
      if (f.projectIdsMatching?.length) any.push(eb('d.project_id', 'in', f.projectIdsMatching))
      return eb.or(any)
    })
  }
  const sorted = (() => {
    switch (f.sort) {
      case 'activityDate':
        return q.orderBy('d.activity_date', f.dir)
      case 'status':
        return q.orderBy(sql`array_position(ARRAY['draft','closed','cancelled']::text[], d.status)`, f.dir)
      case 'gallons':
        return q.orderBy('d.gallons', f.dir)
      case 'createdAt':
        return q.orderBy('d.created_at', f.dir)
      default:
        return q.orderBy('d.number', f.dir)
    }
  })()
  return { q, sorted }
}

export async function listChains(db: Executor, orgId: string, f: ChainFilter & ListFilter<TChainStatus>) {
  const { q, sorted } = chainQuery(db, orgId, f)
  const [rows, count] = await Promise.all([
    sorted
      .select(chainColumns.map((c) => `d.${c}` as const))
      .select([attachmentCount('custody_chain').as('attachment_count'), attendedCount.as('attended_count')])
      .orderBy('d.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    rows: rows.map((r) => ({
      ...normaliseChain(r),
      attachment_count: Number(r.attachment_count),
      attended_count: Number(r.attended_count),
    })),
    total: Number(count.n),
  }
}

/** Ids of every chain the filter matches, in the list's order (what an export walks). */
export async function listChainIds(db: Executor, orgId: string, f: ChainFilter) {
  const rows = await chainQuery(db, orgId, f).sorted.select('d.id').orderBy('d.number', 'desc').execute()
  return rows.map((r) => r.id)
}

/** Chains by id with their attachment and attended counts, in one query (any order). */
export async function findChainsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('rental_custody_chains as d')
    .where('d.org_id', '=', orgId)
    .where('d.id', 'in', [...ids])
    .select(chainColumns.map((c) => `d.${c}` as const))
    .select([attachmentCount('custody_chain').as('attachment_count'), attendedCount.as('attended_count')])
    .execute()
  return rows.map((r) => ({
    ...normaliseChain(r),
    attachment_count: Number(r.attachment_count),
    attended_count: Number(r.attended_count),
  }))
}

// --- shipping guides ---

export type GuideValues = {
  guide_type: TGuideType
  reason: TGuideReason | null
  issue_date: string
  start_date: string | null
  end_date: string | null
  origin_place: string | null
  destination_place: string | null
  carrier_name: string | null
  carrier_dni: string | null
  vehicle_plate: string | null
  driver_staff_id: string | null
  vehicle_id: string | null
  dispatcher_name: string | null
  dispatcher_dni: string | null
  receiver_name: string | null
  receiver_dni: string | null
  contact_name: string | null
  contact_phone: string | null
  transport_cost: string
  transport_description: string
  stowage_cost: string
  stowage_description: string
  notes: string | null
}

export async function insertGuide(
  db: Executor,
  v: GuideValues & { org_id: string; number: number; project_id: string; created_by: string | null },
) {
  return db.insertInto('rental_shipping_guides').values(v).returningAll().executeTakeFirstOrThrow()
}

export async function findGuide(db: Executor, orgId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('rental_shipping_guides').selectAll().where('org_id', '=', orgId).where('id', '=', id)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updateGuide(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<GuideValues> & StatusPatch<TFieldDocumentStatus>,
) {
  return db
    .updateTable('rental_shipping_guides')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function deleteGuide(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_shipping_guides').where('org_id', '=', orgId).where('id', '=', id).execute()
}

export type GuideItemValues = {
  assignment_id: string | null
  equipment_id: string | null
  description: string
  quantity: number
  unit: string | null
}

export async function replaceGuideItems(
  db: Executor,
  orgId: string,
  guideId: string,
  items: readonly GuideItemValues[],
) {
  await db
    .deleteFrom('rental_shipping_guide_items')
    .where('org_id', '=', orgId)
    .where('guide_id', '=', guideId)
    .execute()
  if (items.length === 0) return
  await db
    .insertInto('rental_shipping_guide_items')
    .values(items.map((it, i) => ({ ...it, org_id: orgId, guide_id: guideId, position: i + 1 })))
    .execute()
}

export async function listGuideItems(db: Executor, orgId: string, guideIds: readonly string[]) {
  if (guideIds.length === 0) return []
  return db
    .selectFrom('rental_shipping_guide_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('guide_id', 'in', [...guideIds])
    .orderBy('guide_id')
    .orderBy('position')
    .execute()
}

type GuideFilter = Omit<ListFilter<TFieldDocumentStatus>, 'limit' | 'offset'> & {
  guideType?: TGuideType | undefined
  billed?: 'true' | 'false' | undefined
}
const guideItemCount = sql<string>`(SELECT count(*) FROM rental_shipping_guide_items i WHERE i.guide_id = d.id)`

/** The filtered, sorted shipping guides (the list's and the export's query, before the select). */
function guideQuery(db: Executor, orgId: string, f: GuideFilter) {
  let q = db.selectFrom('rental_shipping_guides as d').where('d.org_id', '=', orgId)
  if (f.projectId) q = q.where('d.project_id', '=', f.projectId)
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.guideType) q = q.where('d.guide_type', '=', f.guideType)
  if (f.billed) q = q.where('d.billing_sheet_id', f.billed === 'true' ? 'is not' : 'is', null)
  if (f.from) q = q.where('d.issue_date', '>=', f.from)
  if (f.to) q = q.where('d.issue_date', '<=', f.to)
  if (f.q) {
    const pattern = like(f.q)
    const digits = /^\d{1,9}$/.test(f.q) ? Number(f.q) : null
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [
        eb('d.carrier_name', 'ilike', pattern),
        eb('d.vehicle_plate', 'ilike', pattern),
        eb('d.origin_place', 'ilike', pattern),
        eb('d.destination_place', 'ilike', pattern),
        eb('d.receiver_name', 'ilike', pattern),
        eb('d.notes', 'ilike', pattern),
      ]
      if (digits !== null) any.push(eb('d.number', '=', digits))
      if (f.projectIdsMatching?.length) any.push(eb('d.project_id', 'in', f.projectIdsMatching))
      return eb.or(any)
    })
  }
  const sorted = (() => {
    switch (f.sort) {
      case 'issueDate':
        return q.orderBy('d.issue_date', f.dir)
      case 'status':
        return q.orderBy(sql`array_position(ARRAY['draft','closed','void']::text[], d.status)`, f.dir)
      case 'transportCost':
        return q.orderBy('d.transport_cost', f.dir)
      case 'createdAt':
        return q.orderBy('d.created_at', f.dir)
      default:
        return q.orderBy('d.number', f.dir)
    }
  })()
  return { q, sorted }
}

export async function listGuides(
  db: Executor,
  orgId: string,
  f: GuideFilter & ListFilter<TFieldDocumentStatus>,
) {
  const { q, sorted } = guideQuery(db, orgId, f)
  const [rows, count] = await Promise.all([
    sorted
      .selectAll('d')
      .select([attachmentCount('shipping_guide').as('attachment_count'), guideItemCount.as('item_count')])
      .orderBy('d.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    rows: rows.map((r) => ({
      ...r,
      attachment_count: Number(r.attachment_count),
      item_count: Number(r.item_count),
    })),
    total: Number(count.n),
  }
}

/** Ids of every guide the filter matches, in the list's order (what an export walks). */
export async function listGuideIds(db: Executor, orgId: string, f: GuideFilter) {
  const rows = await guideQuery(db, orgId, f).sorted.select('d.id').orderBy('d.number', 'desc').execute()
  return rows.map((r) => r.id)
}

/** Guides by id with their attachment and item counts, in one query (any order). */
export async function findGuidesByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('rental_shipping_guides as d')
    .where('d.org_id', '=', orgId)
    .where('d.id', 'in', [...ids])
    .selectAll('d')
    .select([attachmentCount('shipping_guide').as('attachment_count'), guideItemCount.as('item_count')])
    .execute()
  return rows.map((r) => ({
    ...r,
    attachment_count: Number(r.attachment_count),
    item_count: Number(r.item_count),
  }))
}

// --- attachments ---

export async function insertAttachment(
  db: Executor,
  v: {
    org_id: string
    document_type: DocumentType
    document_id: string
    file_id: string
    name: string
    label: string | null
    created_by: string | null
    source?: 'upload' | 'scan'
  },
) {
  return db.insertInto('rental_document_attachments').values(v).returningAll().executeTakeFirstOrThrow()
}

export async function listAttachments(db: Executor, orgId: string, type: DocumentType, documentId: string) {
  return db
    .selectFrom('rental_document_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .selectAll('a')
    .select('f.size')
    .where('a.org_id', '=', orgId)
    .where('a.document_type', '=', type)
    .where('a.document_id', '=', documentId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
}

export async function findAttachment(
  db: Executor,
  orgId: string,
  type: DocumentType,
  documentId: string,
  id: string,
) {
  return db
    .selectFrom('rental_document_attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_type', '=', type)
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function deleteAttachment(db: Executor, orgId: string, id: string) {
  await db
    .deleteFrom('rental_document_attachments')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function deleteAttachmentsOf(
  db: Executor,
  orgId: string,
  type: DocumentType,
  documentId: string,
) {
  await db
    .deleteFrom('rental_document_attachments')
    .where('org_id', '=', orgId)
    .where('document_type', '=', type)
    .where('document_id', '=', documentId)
    .execute()
}

/**
 * A page of a bulk scan is an attachment with source `scan`, labelled "Escaneo, página i de n"
 * (docs/rental-documents.md#bulk-scan); the source, not the label, tells a chain's scan from its other attachments.
 */
export const scanLabel = (page: number, of: number) => `Escaneo, página ${page} de ${of}`

/** The chains of a billing sheet in activity-date order (then number) with how many scan pages each has. */
export async function listSheetChainScans(db: Executor, orgId: string, billingSheetId: string) {
  const rows = await db
    .selectFrom('rental_custody_chains as d')
    .select(['d.id', 'd.number', 'd.status', 'd.activity_date'])
    .select(
      sql<string>`(SELECT count(*) FROM rental_document_attachments a WHERE a.org_id = d.org_id AND a.document_type = 'custody_chain' AND a.document_id = d.id AND a.source = 'scan')`.as(
        'scan_count',
      ),
    )
    .where('d.org_id', '=', orgId)
    .where('d.billing_sheet_id', '=', billingSheetId)
    .orderBy('d.activity_date')
    .orderBy('d.number')
    .execute()
  return rows.map((r) => ({ ...r, scan_count: Number(r.scan_count) }))
}

/** The scan pages attached to a document (source `scan`). */
export async function listScanAttachments(
  db: Executor,
  orgId: string,
  type: DocumentType,
  documentId: string,
) {
  return db
    .selectFrom('rental_document_attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_type', '=', type)
    .where('document_id', '=', documentId)
    .where('source', '=', 'scan')
    .orderBy('id')
    .execute()
}

/** The field documents by their printed numbers and attachments by file name, for the audit history. */
export const rentalDocumentsReferenceSources: ReferenceSource[] = [
  tableReferenceSource('rental_maintenance_sheets', "lpad(number::text, 6, '0')"),
  tableReferenceSource('rental_custody_chains', "lpad(number::text, 7, '0')"),
  tableReferenceSource('rental_shipping_guides', "lpad(number::text, 7, '0')"),
  tableReferenceSource('rental_document_attachments', 'name'),
]

// --- for the billing and projects modules ---

type Period = { projectId: string; from: string; to: string }

/** Billable maintenance sheets of a project dated (start date) inside [from, to]: not void. */
export async function billableMaintenance(db: Executor, orgId: string, p: Period) {
  return db
    .selectFrom('rental_maintenance_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', p.projectId)
    .where('status', '!=', 'void')
    .where('start_date', '>=', p.from)
    .where('start_date', '<=', p.to)
    .orderBy('start_date')
    .orderBy('number')
    .execute()
}

/** Billable guides of a project issued inside [from, to]: not void (with their link to a billing sheet). */
export async function billableGuides(db: Executor, orgId: string, p: Period) {
  return db
    .selectFrom('rental_shipping_guides')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', p.projectId)
    .where('status', '!=', 'void')
    .where('issue_date', '>=', p.from)
    .where('issue_date', '<=', p.to)
    .orderBy('issue_date')
    .orderBy('number')
    .execute()
}

/** Billable chains of a project with the activity date inside [from, to]: not cancelled (cancelled chains count nowhere). */
export async function billableChains(db: Executor, orgId: string, p: Period) {
  const rows = await db
    .selectFrom('rental_custody_chains')
    .select(chainColumns)
    .where('org_id', '=', orgId)
    .where('project_id', '=', p.projectId)
    .where('status', '!=', 'cancelled')
    .where('activity_date', '>=', p.from)
    .where('activity_date', '<=', p.to)
    .orderBy('activity_date')
    .orderBy('number')
    .execute()
  return rows.map(normaliseChain)
}

/** Drafts of the period become closed; returns the ids closed per kind. */
export async function closeDrafts(db: Executor, orgId: string, p: Period, now: Date) {
  const [maintenance, chains, guides] = await Promise.all([
    db
      .updateTable('rental_maintenance_sheets')
      .set({ status: 'closed', updated_at: now })
      .where('org_id', '=', orgId)
      .where('project_id', '=', p.projectId)
      .where('status', '=', 'draft')
      .where('start_date', '>=', p.from)
      .where('start_date', '<=', p.to)
      .returning(['id', 'number'])
      .execute(),
    db
      .updateTable('rental_custody_chains')
      .set({ status: 'closed', updated_at: now })
      .where('org_id', '=', orgId)
      .where('project_id', '=', p.projectId)
      .where('status', '=', 'draft')
      .where('activity_date', '>=', p.from)
      .where('activity_date', '<=', p.to)
      .returning(['id', 'number'])
      .execute(),
    db
      .updateTable('rental_shipping_guides')
      .set({ status: 'closed', updated_at: now })
      .where('org_id', '=', orgId)
      .where('project_id', '=', p.projectId)
      .where('status', '=', 'draft')
      .where('issue_date', '>=', p.from)
      .where('issue_date', '<=', p.to)
      .returning(['id', 'number'])
      .execute(),
  ])
  return { maintenance, chains, guides }
}

export type DocumentTable = 'rental_maintenance_sheets' | 'rental_custody_chains' | 'rental_shipping_guides'

/** Documents among `ids` (of the organization) with their current billing sheet, locked for the update that follows. */
export async function lockForLinking(
  db: Executor,
  table: DocumentTable,
  orgId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return []
  return db
    .selectFrom(table)
    .select(['id', 'number', 'status', 'billing_sheet_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute()
}

/** Makes `ids` exactly the documents of `table` linked to the sheet: links them, unlinks the sheet's others. */
export async function setSheetDocuments(
  db: Executor,
  table: DocumentTable,
  orgId: string,
  sheetId: string,
  ids: readonly string[],
  now: Date,
) {
  let unlink = db
    .updateTable(table)
    .set({ billing_sheet_id: null, updated_at: now })
    .where('org_id', '=', orgId)
    .where('billing_sheet_id', '=', sheetId)
  if (ids.length > 0) unlink = unlink.where('id', 'not in', [...ids])
  const unlinked = await unlink.returning('id').execute()
  const linked =
    ids.length === 0
      ? []
      : await db
          .updateTable(table)
          .set({ billing_sheet_id: sheetId, updated_at: now })
          .where('org_id', '=', orgId)
          .where('id', 'in', [...ids])
          .where('billing_sheet_id', 'is', null)
          .returning('id')
          .execute()
  return { linked: linked.map((r) => r.id), unlinked: unlinked.map((r) => r.id) }
}

/** Does any document (any status) reference the assignment? */
/** The live (not cancelled) custody chains that attended an assignment, by date: number and activity date. */
export async function liveChainsOfAssignment(
  db: Executor,
  orgId: string,
  assignmentId: string,
): Promise<{ number: number; activityDate: string }[]> {
  const rows = await db
    .selectFrom('rental_custody_chain_assignments as ca')
    .innerJoin('rental_custody_chains as c', 'c.id', 'ca.chain_id')
    .where('ca.org_id', '=', orgId)
    .where('ca.assignment_id', '=', assignmentId)
    .where('c.status', '!=', 'cancelled')
    .select(['c.number', 'c.activity_date'])
    .orderBy('c.activity_date')
    .orderBy('c.number')
    .execute()
  return rows.map((r) => ({ number: r.number, activityDate: String(r.activity_date) }))
}

export async function assignmentReferenced(
  db: Executor,
  orgId: string,
  assignmentId: string,
): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM rental_custody_chain_assignments WHERE org_id = ${orgId} AND assignment_id = ${assignmentId})
        OR EXISTS (SELECT 1 FROM rental_maintenance_sheets WHERE org_id = ${orgId} AND assignment_id = ${assignmentId})
        OR EXISTS (SELECT 1 FROM rental_shipping_guide_items WHERE org_id = ${orgId} AND assignment_id = ${assignmentId}) AS found
  `.execute(db)
  return Boolean(r.rows[0]?.found)
}
