import { sql, type Expression, type SqlBool } from 'kysely'
import type {
  TBillingLineKind,
  TBillingSheetLine,
  TBillingSheetListQuery,
  TBillingSheetStatus,
  TDispositionCertificateListQuery,
} from '@faena/contracts'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'
import { listTotal, pageTotal, withoutTotal } from '../../platform/db/page-total'

/** Every SQL statement on the rental billing tables. Every query is scoped by organization. */

// `date[]` columns are read as text[] (the driver would turn each element into a JS Date).
const datesText = sql<string[]>`dates::text[]`.as('dates')
const allowedText = sql<string[]>`allowed_dates::text[]`.as('allowed_dates')
const editDatesText = sql<string[] | null>`day_edit_dates::text[]`.as('day_edit_dates')

// --- sheets ---

export type SheetRow = Awaited<ReturnType<typeof insertSheet>>

export type SheetInsert = {
  project_id: string
  series_prefix: string
  series_year: number
  series_number: number
  series_code: string
  period_start: string
  period_end: string
  project_name: string
  project_location: string | null
  client_name: string
  client_tax_id: string | null
  contact_reference: string | null
  notes: string | null
  currency: string
  tax_rate: string
}

export async function insertSheet(db: Executor, orgId: string, createdBy: string | null, v: SheetInsert) {
  return db
    .insertInto('billing_sheets')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A live (not deleted) sheet of the organization. */
export async function findSheet(db: Executor, orgId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('billing_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export type SheetPatch = Partial<{
  status: TBillingSheetStatus
  status_reason: string | null
  project_name: string
  project_location: string | null
  client_name: string
  client_tax_id: string | null
  client_po_reference: string | null
  contact_reference: string | null
  notes: string | null
  tax_rate: string
  subtotal: string
  tax: string
  total: string
  gallons: string
  barrels: string
  cubic_meters: string
  line_count: number
  documents_signature: string | null
  invoice_reference: string | null
  invoice_file_id: string | null
  recomputed_at: Date
  liquidated_at: Date | null
  liquidated_by: string | null
  invoiced_at: Date | null
  invoiced_by: string | null
  cancelled_at: Date | null
  cancelled_by: string | null
  deleted_at: Date
  deleted_by: string | null
}> & { updated_at: Date }

export async function updateSheet(db: Executor, orgId: string, id: string, patch: SheetPatch) {
  return db
    .updateTable('billing_sheets')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Live sheets of a project, oldest period first; optionally only some statuses, locked for update. */
export async function listProjectSheets(
  db: Executor,
  orgId: string,
  projectId: string,
  opts: { statuses?: readonly TBillingSheetStatus[]; forUpdate?: boolean } = {},
) {
  let q = db
    .selectFrom('billing_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
  if (opts.statuses) q = q.where('status', 'in', [...opts.statuses])
  q = q.orderBy('period_start').orderBy('id')
  if (opts.forUpdate) q = q.forUpdate()
  return q.execute()
}

/** Live sheets of a project whose period contains one of `dates`, in the given statuses. */
export async function sheetsCoveringDates(
  db: Executor,
  orgId: string,
  projectId: string,
  dates: readonly string[],
  statuses: readonly TBillingSheetStatus[],
) {
  if (dates.length === 0) return []
  return db
    .selectFrom('billing_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', [...statuses])
    .where((eb) => eb.or(dates.map((d) => eb.and([eb('period_start', '<=', d), eb('period_end', '>=', d)]))))
    .orderBy('period_start')
    .execute()
}

const escapeLike = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`

/** The list's filters and order (without pagination): the query `listSheets` and the export share. */
function sheetsQuery(db: Executor, orgId: string, f: Omit<TBillingSheetListQuery, 'limit' | 'offset'>) {
  let q = db.selectFrom('billing_sheets').where('org_id', '=', orgId).where('deleted_at', 'is', null)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.projectId) q = q.where('project_id', '=', f.projectId)
  if (f.periodFrom) q = q.where('period_end', '>=', f.periodFrom)
  if (f.periodTo) q = q.where('period_start', '<=', f.periodTo)
  if (f.q) {
    const like = escapeLike(f.q)
    q = q.where((eb) =>
      eb.or([
        eb('series_code', 'ilike', like),
        eb('project_name', 'ilike', like),
        eb('client_name', 'ilike', like),
        eb('invoice_reference', 'ilike', like),
      ] as Expression<SqlBool>[]),
    )
  }
  const STATUS_ORDER = ['in_progress', 'liquidated', 'invoiced', 'cancelled']
  const dir = f.dir
  const sorted = (() => {
    switch (f.sort) {
      case 'seriesCode':
        return q.orderBy('series_year', dir).orderBy('series_number', dir)
      case 'periodStart':
        return q.orderBy('period_start', dir)
      case 'projectName':
        return q.orderBy(sql`lower(project_name)`, dir)
      case 'status':
        return q.orderBy(sql`array_position(${STATUS_ORDER}::text[], status)`, dir)
      case 'total':
        return q.orderBy('total', dir)
      case 'createdAt':
        return q.orderBy('created_at', dir)
    }
  })()
    .orderBy('series_year', 'desc')
    .orderBy('series_number', 'desc')
  return { q, sorted }
}

export async function listSheets(db: Executor, orgId: string, f: TBillingSheetListQuery) {
  const { q, sorted } = sheetsQuery(db, orgId, f)
  const count = q.select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await sorted.selectAll().select(listTotal(count)).limit(f.limit).offset(f.offset).execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(rows), total }
}

/** Ids of every sheet matching the list's filters, in the list's order (the export's walk). */
export async function listSheetIds(
  db: Executor,
  orgId: string,
  f: Omit<TBillingSheetListQuery, 'limit' | 'offset'>,
) {
  return (await sheetsQuery(db, orgId, f).sorted.select('id').execute()).map((r) => r.id)
}

/** The list's rows of one batch of sheet ids, in any order (deleted ones left out). */
export async function listSheetsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('billing_sheets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('id', 'in', [...ids])
    .execute()
}

// --- lines ---

export type LineRow = Awaited<ReturnType<typeof listLines>>[number]

/** The columns of a line as the service reads it (dates and allowed days as text). */
const LINE_COLUMNS = [
  'id',
  'key',
  'position',
  'kind',
  'component',
  'source_id',
  'assignment_ids',
  'equipment_id',
  'equipment_code',
  'equipment_name',
  'description',
  'unit',
  datesText,
  allowedText,
  'quantity',
  'unit_price',
  'total',
  'source_version',
  'day_edit',
] as const

export async function listLines(db: Executor, orgId: string, sheetId: string) {
  return db
    .selectFrom('billing_sheet_lines')
    .select(LINE_COLUMNS)
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .orderBy('position')
    .execute()
}

/** Id, key and signature of every line of a sheet: what a recomputation compares against. */
export async function listLineSignatures(db: Executor, orgId: string, sheetId: string) {
  return db
    .selectFrom('billing_sheet_lines')
    .select(['id', 'key', 'signature'])
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .execute()
}

export async function findLine(db: Executor, orgId: string, sheetId: string, lineId: string) {
  const rows = await db
    .selectFrom('billing_sheet_lines')
    .select(LINE_COLUMNS)
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .where('id', '=', lineId)
    .execute()
  return rows[0]
}

export type LineValues = {
  key: string
  position: number
  kind: TBillingLineKind
  component: TBillingSheetLine['component']
  source_id: string
  assignment_ids: string[]
  equipment_id: string | null
  equipment_code: string | null
  equipment_name: string | null
  description: string
  unit: TBillingSheetLine['unit']
  dates: string[]
  allowed_dates: string[]
  quantity: number
  unit_price: string
  total: string
  source_version: string | null
  day_edit: TBillingSheetLine['dayEdit']
  signature: string
}

const UPSERT_CHUNK = 500

/**
 * Writes computed lines by key: an existing line keeps its id (the API addresses lines by id), a new key is
 * inserted. One statement per chunk of 500 lines.
 */
export async function upsertLines(
  db: Executor,
  orgId: string,
  sheetId: string,
  lines: readonly LineValues[],
  now: Date,
) {
  for (let i = 0; i < lines.length; i += UPSERT_CHUNK) {
    const chunk = lines.slice(i, i + UPSERT_CHUNK)
    await db
      .insertInto('billing_sheet_lines')
      .values(chunk.map((l) => ({ ...l, org_id: orgId, sheet_id: sheetId, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['sheet_id', 'key']).doUpdateSet((eb) => ({
          position: eb.ref('excluded.position'),
          kind: eb.ref('excluded.kind'),
          component: eb.ref('excluded.component'),
          source_id: eb.ref('excluded.source_id'),
          assignment_ids: eb.ref('excluded.assignment_ids'),
          equipment_id: eb.ref('excluded.equipment_id'),
          equipment_code: eb.ref('excluded.equipment_code'),
          equipment_name: eb.ref('excluded.equipment_name'),
          description: eb.ref('excluded.description'),
          unit: eb.ref('excluded.unit'),
          dates: eb.ref('excluded.dates'),
          allowed_dates: eb.ref('excluded.allowed_dates'),
          quantity: eb.ref('excluded.quantity'),
          unit_price: eb.ref('excluded.unit_price'),
          total: eb.ref('excluded.total'),
          source_version: eb.ref('excluded.source_version'),
          day_edit: eb.ref('excluded.day_edit'),
          signature: eb.ref('excluded.signature'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
  }
}

export async function deleteLines(db: Executor, orgId: string, sheetId: string, ids: readonly string[]) {
  if (ids.length === 0) return
  await db
    .deleteFrom('billing_sheet_lines')
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .where('id', 'in', [...ids])
    .execute()
}

// --- line states (the user's decisions) ---

export type LineStateRow = Awaited<ReturnType<typeof listLineStates>>[number]

export async function listLineStates(db: Executor, orgId: string, sheetId: string) {
  return db
    .selectFrom('billing_sheet_line_states')
    .select([
      'key',
      'kind',
      'description',
      'removed',
      'removed_at',
      'removed_by',
      editDatesText,
      'day_edit_version',
      'day_edit_at',
      'day_edit_by',
    ])
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .orderBy('removed_at')
    .orderBy('key')
    .execute()
}

export type LineStateValues = {
  key: string
  kind: TBillingLineKind
  description: string
  removed?: boolean
  removed_at?: Date | null
  removed_by?: string | null
  day_edit_dates?: string[] | null
  day_edit_version?: string | null
  day_edit_at?: Date | null
  day_edit_by?: string | null
}

/** Creates or updates the user's decision on a line key (only the fields given change). */
export async function upsertLineState(db: Executor, orgId: string, sheetId: string, v: LineStateValues) {
  const { key, kind, description, ...rest } = v
  await db
    .insertInto('billing_sheet_line_states')
    .values({ org_id: orgId, sheet_id: sheetId, key, kind, description, ...rest })
    .onConflict((oc) => oc.columns(['sheet_id', 'key']).doUpdateSet({ description, ...rest }))
    .execute()
}

export async function deleteLineState(db: Executor, orgId: string, sheetId: string, key: string) {
  await db
    .deleteFrom('billing_sheet_line_states')
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .where('key', '=', key)
    .execute()
}

// --- disposition certificates ---

export type CertificateRow = Awaited<ReturnType<typeof insertCertificate>>

export type CertificateValues = {
  client_name: string
  client_tax_id: string | null
  location: string | null
  total_gallons: string
  total_barrels: string
  total_cubic_meters: string
}

export async function insertCertificate(
  db: Executor,
  orgId: string,
  v: CertificateValues & {
    sheet_id: string
    number: string
    prefix: string
    issue_date: string
    consecutive: number
    created_by: string | null
  },
) {
  return db
    .insertInto('disposition_certificates')
    .values({ ...v, org_id: orgId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateCertificate(
  db: Executor,
  orgId: string,
  id: string,
  v: CertificateValues & { refreshed_at: Date },
) {
  return db
    .updateTable('disposition_certificates')
    .set(v)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findCertificate(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('disposition_certificates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findCertificateOfSheet(db: Executor, orgId: string, sheetId: string) {
  return db
    .selectFrom('disposition_certificates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .executeTakeFirst()
}

export async function deleteCertificateOfSheet(db: Executor, orgId: string, sheetId: string) {
  return db
    .deleteFrom('disposition_certificates')
    .where('org_id', '=', orgId)
    .where('sheet_id', '=', sheetId)
    .returning(['id', 'number'])
    .executeTakeFirst()
}

export type CertificateItemValues = {
  custody_chain_id: string
  chain_number: string
  activity_date: string
  description: string
  treatment: string
  gallons: string
  barrels: string
  cubic_meters: string
}

export async function replaceCertificateItems(
  db: Executor,
  orgId: string,
  certificateId: string,
  items: readonly CertificateItemValues[],
) {
  await db
    .deleteFrom('disposition_certificate_items')
    .where('org_id', '=', orgId)
    .where('certificate_id', '=', certificateId)
    .execute()
  for (let i = 0; i < items.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('disposition_certificate_items')
      .values(
        items
          .slice(i, i + UPSERT_CHUNK)
          .map((it, j) => ({ ...it, org_id: orgId, certificate_id: certificateId, position: i + j + 1 })),
      )
      .execute()
  }
}

export async function listCertificateItems(db: Executor, orgId: string, certificateId: string) {
  return db
    .selectFrom('disposition_certificate_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('certificate_id', '=', certificateId)
    .orderBy('position')
    .execute()
}

/** Certificates of live sheets, newest first, with their sheet's code and status and their item count. */
export async function listCertificates(db: Executor, orgId: string, f: TDispositionCertificateListQuery) {
  let q = db
    .selectFrom('disposition_certificates as c')
    .innerJoin('billing_sheets as s', 's.id', 'c.sheet_id')
    .where('c.org_id', '=', orgId)
    .where('s.org_id', '=', orgId)
    .where('s.deleted_at', 'is', null)
  if (f.billingSheetId) q = q.where('c.sheet_id', '=', f.billingSheetId)
  if (f.q) {
    const like = escapeLike(f.q)
    q = q.where((eb) =>
      eb.or([
        eb('c.number', 'ilike', like),
        eb('s.series_code', 'ilike', like),
        eb('c.client_name', 'ilike', like),
      ]),
    )
  }
  const items = db
    .selectFrom('disposition_certificate_items')
    .where('org_id', '=', orgId)
    .groupBy('certificate_id')
    .select((eb) => ['certificate_id', eb.fn.countAll<string>().as('n')])
  const [rows, count] = await Promise.all([
    q
      .leftJoin(items.as('i'), 'i.certificate_id', 'c.id')
      .selectAll('c')
      .select(['s.series_code', 's.status as sheet_status', sql<string>`coalesce(i.n, 0)`.as('item_count')])
      .orderBy('c.issue_date', 'desc')
      .orderBy('c.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map((r) => ({ ...r, item_count: Number(r.item_count) })), total: Number(count.n) }
}

/** Series code and status of a sheet (for a certificate read on its own). */
export async function sheetHeaderOf(db: Executor, orgId: string, sheetId: string) {
  return db
    .selectFrom('billing_sheets')
    .select(['id', 'series_code', 'status', 'deleted_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', sheetId)
    .executeTakeFirst()
}

/** The live sheet of the organization that carries an invoice reference, if any. */
export async function findSheetByInvoiceReference(db: Executor, orgId: string, reference: string) {
  return db
    .selectFrom('billing_sheets')
    .select(['id', 'series_code'])
    .where('org_id', '=', orgId)
    .where('invoice_reference', '=', reference)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

// --- figures for the dashboards (insights module) ---

/**
 * Live sheets with the period, status, currency and totals the dashboards add up, filtered as `listSheets`
 * (period overlapping [periodFrom, periodTo], status).
 */
export async function listSheetFigures(
  db: Executor,
  orgId: string,
  f: Pick<TBillingSheetListQuery, 'status' | 'periodFrom' | 'periodTo'>,
) {
  let q = db.selectFrom('billing_sheets').where('org_id', '=', orgId).where('deleted_at', 'is', null)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.periodFrom) q = q.where('period_end', '>=', f.periodFrom)
  if (f.periodTo) q = q.where('period_start', '<=', f.periodTo)
  return q
    .select([
      'id',
      'project_id',
      'client_name',
      'status',
      'period_start',
      'period_end',
      'currency',
      'subtotal',
      'tax',
      'total',
    ])
    .orderBy('period_start')
    .orderBy('series_code')
    .execute()
}

/** Billing sheets and certificates by their numbers, for the audit history. */
export const rentalBillingReferenceSources: ReferenceSource[] = [
  tableReferenceSource('billing_sheets', 'series_code'),
  tableReferenceSource('disposition_certificates', 'number'),
]
