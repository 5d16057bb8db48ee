import { addDays } from '@faena/domain/calendar-date'
import { sql, type Selectable } from 'kysely'
import type {
  TComplianceReportQuery,
  TComplianceStatus,
  TFieldStaffListQuery,
  TVehicleListQuery,
} from '@faena/contracts'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'
import { DUE_LATER_DAYS, DUE_SOON_DAYS } from './compliance-rules'
import type {
  ComplianceDocumentsTable,
  FieldStaffTable,
  OwnerKind,
  VehiclesTable,
} from './field-staff.tables'

/** Every SQL statement on the field-staff module's tables (docs/field-staff.md). */

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`
const ownerColumn = (owner: OwnerKind) => (owner === 'staff' ? 'staff_id' : 'vehicle_id') as 'staff_id'

/** The kinds every organization starts with (docs/field-staff.md#document-kinds). */
export const DEFAULT_KINDS: readonly {
  owner_kind: OwnerKind
  code: string
  name: string
  gate: 'licence' | 'registration' | null
}[] = [
  { owner_kind: 'staff', code: 'licence', name: 'Licencia de conducir', gate: 'licence' },
  { owner_kind: 'staff', code: 'defensive_driving', name: 'Manejo defensivo', gate: null },
  { owner_kind: 'staff', code: 'environmental', name: 'Certificado ambiental', gate: null },
  { owner_kind: 'staff', code: 'medical', name: 'Certificado médico', gate: null },
  { owner_kind: 'staff', code: 'quest', name: 'Quest', gate: null },
  { owner_kind: 'staff', code: 'block_pass', name: 'Pase de bloque', gate: null },
  { owner_kind: 'vehicle', code: 'registration', name: 'Matrícula', gate: 'registration' },
  { owner_kind: 'vehicle', code: 'operation_certificate', name: 'Certificado de operación', gate: null },
  { owner_kind: 'vehicle', code: 'mtop', name: 'Permiso MTOP', gate: null },
  { owner_kind: 'vehicle', code: 'technical_review', name: 'Revisión técnica', gate: null },
  { owner_kind: 'vehicle', code: 'insurance', name: 'Seguro', gate: null },
]

// --- kinds ---

/** Adds the default kinds the organization lacks (idempotent). */
export async function ensureDefaultKinds(db: Executor, orgId: string) {
  await db
    .insertInto('compliance_document_kinds')
    .values(DEFAULT_KINDS.map((k, i) => ({ ...k, org_id: orgId, position: i })))
    .onConflict((oc) => oc.constraint('compliance_document_kinds_code_uq').doNothing())
    .execute()
}

export function listKinds(db: Executor, orgId: string, owner?: OwnerKind) {
  let q = db.selectFrom('compliance_document_kinds').selectAll().where('org_id', '=', orgId)
  if (owner) q = q.where('owner_kind', '=', owner)
  return q.orderBy('owner_kind').orderBy('position').orderBy('name').execute()
}

export function findKind(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('compliance_document_kinds')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export function insertKind(
  db: Executor,
  orgId: string,
  v: { owner_kind: OwnerKind; code: string; name: string },
) {
  return db
    .insertInto('compliance_document_kinds')
    .values({ ...v, org_id: orgId, position: 100, gate: null })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function updateKind(
  db: Executor,
  orgId: string,
  id: string,
  patch: { name?: string; active?: boolean },
) {
  return db
    .updateTable('compliance_document_kinds')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

// --- owners (staff and vehicles) ---

/** The earliest expiry of an owner's documents: its worst status. */
const nextExpiry = (owner: OwnerKind) =>
  sql<
    string | null
  >`(select min(d.expires_on)::text from compliance_documents d where d.${sql.ref(ownerColumn(owner))} = o.id)`
const documentCount = (owner: OwnerKind) =>
  sql<string>`(select count(*) from compliance_documents d where d.${sql.ref(ownerColumn(owner))} = o.id)`

/** The next-expiry range of a status (a status is a range of the earliest expiry). */
function statusRange(status: TComplianceStatus, today: string): { from: string | null; to: string | null } {
  if (status === 'expired') return { from: null, to: addDays(today, -1) }
  if (status === 'due10') return { from: today, to: addDays(today, DUE_SOON_DAYS) }
  if (status === 'due30')
    return { from: addDays(today, DUE_SOON_DAYS + 1), to: addDays(today, DUE_LATER_DAYS) }
  return { from: addDays(today, DUE_LATER_DAYS + 1), to: null }
}

export type StaffRow = Selectable<FieldStaffTable> & { next_expiry: string | null; document_count: string }
export type VehicleRow = Selectable<VehiclesTable> & { next_expiry: string | null; document_count: string }

const staffColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('field_staff as o')
    .selectAll('o')
    .select([nextExpiry('staff').as('next_expiry'), documentCount('staff').as('document_count')])
    .where('o.org_id', '=', orgId)

type StaffFilters = Omit<TFieldStaffListQuery, 'limit' | 'offset'>

/** The list's filters and order (the page, and the export's ids). */
function staffQuery(db: Executor, orgId: string, f: StaffFilters, today: string) {
  let q = staffColumns(db, orgId)
  if (f.q) {
    const p = like(f.q)
    q = q.where((eb) =>
      eb.or([
        eb(sql`o.first_names || ' ' || o.last_names`, 'ilike', p),
        eb(sql`o.last_names || ' ' || o.first_names`, 'ilike', p),
        eb('o.cedula', 'like', p),
        eb('o.phone', 'ilike', p),
        eb('o.email', 'ilike', p),
      ]),
    )
  }
  if (f.active !== 'all') q = q.where('o.active', '=', f.active === 'true')
  if (f.status) {
    const r = statusRange(f.status, today)
    if (r.from) q = q.where(nextExpiry('staff'), '>=', r.from)
    if (r.to) q = q.where(nextExpiry('staff'), '<=', r.to)
  }
  const sorted =
    f.sort === 'cedula'
      ? q.orderBy('o.cedula', f.dir)
      : f.sort === 'createdAt'
        ? q.orderBy('o.created_at', f.dir)
        : f.sort === 'nextExpiry'
          ? q.orderBy(sql`${nextExpiry('staff')} ${sql.raw(f.dir)} nulls last`)
          : q.orderBy(sql`lower(o.last_names)`, f.dir).orderBy(sql`lower(o.first_names)`, f.dir)
  return { q, sorted: sorted.orderBy('o.id') }
}

export async function listStaff(db: Executor, orgId: string, f: TFieldStaffListQuery, today: string) {
  const { q, sorted } = staffQuery(db, orgId, f, today)
  const [rows, n] = await Promise.all([
    sorted.limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as StaffRow[], total: Number(n.n) }
}

/** The ids of the technicians matching the list's filters, in its order (the export). */
export async function listStaffIds(db: Executor, orgId: string, f: StaffFilters, today: string) {
  const rows = await staffQuery(db, orgId, f, today).sorted.clearSelect().select('o.id').execute()
  return rows.map((r) => r.id)
}

/** Technicians by id with their document summary: one query for a batch. */
export async function listStaffByIds(db: Executor, orgId: string, ids: string[]) {
  return (await staffColumns(db, orgId).where('o.id', 'in', ids).execute()) as StaffRow[]
}

export async function findStaff(db: Executor, orgId: string, id: string, forUpdate = false) {
  let q = staffColumns(db, orgId).where('o.id', '=', id)
  if (forUpdate) q = q.forUpdate('o')
  return await q.executeTakeFirst()
}

export function findStaffByCedula(db: Executor, orgId: string, cedula: string) {
  return db
    .selectFrom('field_staff')
    .select(['id', 'first_names', 'last_names'])
    .where('org_id', '=', orgId)
    .where('cedula', '=', cedula)
    .executeTakeFirst()
}

export type StaffValues = Omit<
  FieldStaffTable,
  'id' | 'org_id' | 'created_by' | 'created_at' | 'updated_at' | 'active'
> & { active: boolean }

export function insertStaff(db: Executor, orgId: string, createdBy: string | null, v: StaffValues) {
  return db
    .insertInto('field_staff')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function updateStaff(db: Executor, orgId: string, id: string, v: StaffValues & { updated_at: Date }) {
  return db.updateTable('field_staff').set(v).where('org_id', '=', orgId).where('id', '=', id).execute()
}

const vehicleColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('vehicles as o')
    .selectAll('o')
    .select([nextExpiry('vehicle').as('next_expiry'), documentCount('vehicle').as('document_count')])
    .where('o.org_id', '=', orgId)

type VehicleFilters = Omit<TVehicleListQuery, 'limit' | 'offset'>

/** The list's filters and order (the page, and the export's ids). */
function vehicleQuery(db: Executor, orgId: string, f: VehicleFilters, today: string) {
  let q = vehicleColumns(db, orgId)
  if (f.q) {
    const p = like(f.q)
    q = q.where((eb) =>
      eb.or([eb('o.plate', 'ilike', p), eb('o.brand', 'ilike', p), eb('o.model', 'ilike', p)]),
    )
  }
  if (f.active !== 'all') q = q.where('o.active', '=', f.active === 'true')
  if (f.status) {
    const r = statusRange(f.status, today)
    if (r.from) q = q.where(nextExpiry('vehicle'), '>=', r.from)
    if (r.to) q = q.where(nextExpiry('vehicle'), '<=', r.to)
  }
  const sorted =
    f.sort === 'brand'
      ? q.orderBy(sql`lower(o.brand)`, f.dir)
      : f.sort === 'createdAt'
        ? q.orderBy('o.created_at', f.dir)
        : f.sort === 'nextExpiry'
          ? q.orderBy(sql`${nextExpiry('vehicle')} ${sql.raw(f.dir)} nulls last`)
          : q.orderBy('o.plate', f.dir)
  return { q, sorted: sorted.orderBy('o.id') }
}

export async function listVehicles(db: Executor, orgId: string, f: TVehicleListQuery, today: string) {
  const { q, sorted } = vehicleQuery(db, orgId, f, today)
  const [rows, n] = await Promise.all([
    sorted.limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as VehicleRow[], total: Number(n.n) }
}

/** The ids of the vehicles matching the list's filters, in its order (the export). */
export async function listVehicleIds(db: Executor, orgId: string, f: VehicleFilters, today: string) {
  const rows = await vehicleQuery(db, orgId, f, today).sorted.clearSelect().select('o.id').execute()
  return rows.map((r) => r.id)
}

/** Vehicles by id with their document summary: one query for a batch. */
export async function listVehiclesByIds(db: Executor, orgId: string, ids: string[]) {
  return (await vehicleColumns(db, orgId).where('o.id', 'in', ids).execute()) as VehicleRow[]
}

export async function findVehicle(db: Executor, orgId: string, id: string, forUpdate = false) {
  let q = vehicleColumns(db, orgId).where('o.id', '=', id)
  if (forUpdate) q = q.forUpdate('o')
  return await q.executeTakeFirst()
}

export function findVehicleByPlate(db: Executor, orgId: string, plate: string) {
  return db
    .selectFrom('vehicles')
    .select(['id', 'plate'])
    .where('org_id', '=', orgId)
    .where('plate', '=', plate)
    .executeTakeFirst()
}

export type VehicleValues = Omit<
  VehiclesTable,
  'id' | 'org_id' | 'created_by' | 'created_at' | 'updated_at' | 'active'
> & { active: boolean }

export function insertVehicle(db: Executor, orgId: string, createdBy: string | null, v: VehicleValues) {
  return db
    .insertInto('vehicles')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function updateVehicle(
  db: Executor,
  orgId: string,
  id: string,
  v: VehicleValues & { updated_at: Date },
) {
  return db.updateTable('vehicles').set(v).where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** Deletes an owner with its documents, vaccines and file links (cascade). */
export async function deleteOwner(db: Executor, orgId: string, owner: OwnerKind, id: string) {
  await db
    .deleteFrom('compliance_files')
    .where('org_id', '=', orgId)
    .where(ownerColumn(owner), '=', id)
    .execute()
  await db
    .deleteFrom('compliance_documents')
    .where('org_id', '=', orgId)
    .where(ownerColumn(owner), '=', id)
    .execute()
  if (owner === 'staff') {
    await db
      .deleteFrom('field_staff_vaccines')
      .where('org_id', '=', orgId)
      .where('staff_id', '=', id)
      .execute()
    await db.deleteFrom('field_staff').where('org_id', '=', orgId).where('id', '=', id).execute()
  } else {
    await db.deleteFrom('vehicles').where('org_id', '=', orgId).where('id', '=', id).execute()
  }
}

// --- documents ---

export type DocumentRow = Selectable<ComplianceDocumentsTable> & { kind_code: string; kind_name: string }

const documentColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('compliance_documents as d')
    .innerJoin('compliance_document_kinds as k', 'k.id', 'd.kind_id')
    .selectAll('d')
    .select(['k.code as kind_code', 'k.name as kind_name'])
    .where('d.org_id', '=', orgId)

export function listDocuments(db: Executor, orgId: string, owner: OwnerKind, ownerId: string) {
  return documentColumns(db, orgId)
    .where(`d.${ownerColumn(owner)}`, '=', ownerId)
    .orderBy('d.expires_on')
    .orderBy('k.position')
    .execute()
}

export function findDocument(db: Executor, orgId: string, owner: OwnerKind, ownerId: string, id: string) {
  return documentColumns(db, orgId)
    .where(`d.${ownerColumn(owner)}`, '=', ownerId)
    .where('d.id', '=', id)
    .executeTakeFirst()
}

export type DocumentValues = {
  kind_id: string
  subject: string | null
  number: string | null
  issued_on: string | null
  expires_on: string
  notes: string | null
}

export function insertDocument(
  db: Executor,
  orgId: string,
  owner: OwnerKind,
  ownerId: string,
  createdBy: string | null,
  v: DocumentValues,
) {
  return db
    .insertInto('compliance_documents')
    .values({
      ...v,
      org_id: orgId,
      owner_kind: owner,
      staff_id: owner === 'staff' ? ownerId : null,
      vehicle_id: owner === 'vehicle' ? ownerId : null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function updateDocument(
  db: Executor,
  orgId: string,
  id: string,
  v: DocumentValues & { updated_at: Date },
) {
  return db
    .updateTable('compliance_documents')
    .set(v)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export function deleteDocument(db: Executor, orgId: string, id: string) {
  return db.deleteFrom('compliance_documents').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** The expiry dates of an owner's gating documents (licence, registration). */
export async function gateExpiries(
  db: Executor,
  orgId: string,
  owner: OwnerKind,
  ownerId: string,
  gate: 'licence' | 'registration',
) {
  const rows = await documentColumns(db, orgId)
    .where(`d.${ownerColumn(owner)}`, '=', ownerId)
    .where('k.gate', '=', gate)
    .select('d.expires_on as e')
    .execute()
  return rows.map((r) => r.expires_on)
}

// --- vaccines ---

export function listVaccines(db: Executor, orgId: string, staffId: string) {
  return db
    .selectFrom('field_staff_vaccines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .orderBy('vaccine')
    .orderBy('dose_number')
    .execute()
}

export function insertVaccine(
  db: Executor,
  orgId: string,
  staffId: string,
  v: { vaccine: string; dose_number: number; applied_on: string },
) {
  return db
    .insertInto('field_staff_vaccines')
    .values({ ...v, org_id: orgId, staff_id: staffId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findVaccine(db: Executor, orgId: string, staffId: string, id: string) {
  return db
    .selectFrom('field_staff_vaccines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('staff_id', '=', staffId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export function deleteVaccine(db: Executor, orgId: string, id: string) {
  return db.deleteFrom('field_staff_vaccines').where('org_id', '=', orgId).where('id', '=', id).execute()
}

// --- files ---

export function listFiles(db: Executor, orgId: string, owner: OwnerKind, ownerId: string) {
  return db
    .selectFrom('compliance_files as c')
    .innerJoin('files as f', 'f.id', 'c.file_id')
    .selectAll('c')
    .select('f.size')
    .where('c.org_id', '=', orgId)
    .where(`c.${ownerColumn(owner)}`, '=', ownerId)
    .orderBy('c.created_at')
    .execute()
}

export function insertFile(
  db: Executor,
  orgId: string,
  owner: OwnerKind,
  ownerId: string,
  v: { file_id: string; name: string; label: string | null; created_by: string | null },
) {
  return db
    .insertInto('compliance_files')
    .values({
      ...v,
      org_id: orgId,
      owner_kind: owner,
      staff_id: owner === 'staff' ? ownerId : null,
      vehicle_id: owner === 'vehicle' ? ownerId : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findFile(db: Executor, orgId: string, owner: OwnerKind, ownerId: string, id: string) {
  return db
    .selectFrom('compliance_files')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(ownerColumn(owner), '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export function deleteFile(db: Executor, orgId: string, id: string) {
  return db.deleteFrom('compliance_files').where('org_id', '=', orgId).where('id', '=', id).execute()
}

// --- report ---

/** Every document with its owner's name, for the compliance report, the summary and the alerts. */
const reportRows = (db: Executor, orgId: string) =>
  db
    .selectFrom('compliance_documents as d')
    .innerJoin('compliance_document_kinds as k', 'k.id', 'd.kind_id')
    .leftJoin('field_staff as s', 's.id', 'd.staff_id')
    .leftJoin('vehicles as v', 'v.id', 'd.vehicle_id')
    .select([
      'd.id as document_id',
      'd.owner_kind',
      sql<string>`coalesce(d.staff_id, d.vehicle_id)`.as('owner_id'),
      sql<string>`coalesce(s.first_names || ' ' || s.last_names, v.plate)`.as('owner_name'),
      'k.name as kind_name',
      'd.subject',
      'd.number',
      'd.expires_on',
    ])
    .where('d.org_id', '=', orgId)
    // inactive people and vehicles are out of the report and the alerts
    .where(sql<boolean>`coalesce(s.active, v.active)`)

export type ReportRow = {
  document_id: string
  owner_kind: OwnerKind
  owner_id: string
  owner_name: string
  kind_name: string
  subject: string | null
  number: string | null
  expires_on: string
}

type ReportFilters = Omit<TComplianceReportQuery, 'limit' | 'offset'>

/** The report's filters and order (the page, and the export's ids). */
function reportQuery(db: Executor, orgId: string, f: ReportFilters, today: string) {
  let q = reportRows(db, orgId)
  if (f.ownerKind) q = q.where('d.owner_kind', '=', f.ownerKind)
  if (f.kindId) q = q.where('d.kind_id', '=', f.kindId)
  if (f.q) {
    const p = like(f.q)
    q = q.where((eb) =>
      eb.or([
        eb(sql`s.first_names || ' ' || s.last_names`, 'ilike', p),
        eb('s.cedula', 'like', p),
        eb('v.plate', 'ilike', p),
        eb('k.name', 'ilike', p),
        eb('d.subject', 'ilike', p),
      ]),
    )
  }
  if (f.status) {
    const r = statusRange(f.status, today)
    if (r.from) q = q.where('d.expires_on', '>=', r.from)
    if (r.to) q = q.where('d.expires_on', '<=', r.to)
  }
  const sorted =
    f.sort === 'owner'
      ? q.orderBy(sql`lower(coalesce(s.last_names, v.plate))`, f.dir)
      : f.sort === 'kind'
        ? q.orderBy('k.name', f.dir)
        : q.orderBy('d.expires_on', f.dir)
  return { q, sorted: sorted.orderBy('d.id') }
}

export async function listReport(
  db: Executor,
  orgId: string,
  f: TComplianceReportQuery,
  today: string,
): Promise<{ rows: ReportRow[]; total: number }> {
  const { q, sorted } = reportQuery(db, orgId, f, today)
  const [rows, n] = await Promise.all([
    sorted.limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows, total: Number(n.n) }
}

/** The ids of the report's documents matching its filters, in its order (the export). */
export async function listReportIds(db: Executor, orgId: string, f: ReportFilters, today: string) {
  const rows = await reportQuery(db, orgId, f, today).sorted.clearSelect().select('d.id').execute()
  return rows.map((r) => r.id)
}

/** The report's rows by document id: one query for a batch. */
export function listReportByIds(db: Executor, orgId: string, ids: string[]): Promise<ReportRow[]> {
  return reportRows(db, orgId).where('d.id', 'in', ids).execute()
}

/** The documents of active owners expiring on or before `until` (expired ones included), soonest first. */
export async function listAttention(db: Executor, orgId: string, until: string, limit = 1000) {
  return (await reportRows(db, orgId)
    .where('d.expires_on', '<=', until)
    .orderBy('d.expires_on')
    .orderBy('d.id')
    .limit(limit)
    .execute()) as ReportRow[]
}

// --- alerts ---

export function findAlertSettings(db: Executor, orgId: string) {
  return db.selectFrom('compliance_alert_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst()
}

export function upsertAlertSettings(
  db: Executor,
  v: {
    org_id: string
    enabled: boolean
    hour: number
    recipients: string[]
    updated_by: string | null
    updated_at: Date
  },
) {
  return db
    .insertInto('compliance_alert_settings')
    .values(v)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        enabled: v.enabled,
        hour: v.hour,
        recipients: v.recipients,
        updated_by: v.updated_by,
        updated_at: v.updated_at,
      }),
    )
    .execute()
}

/** Every organization of the rental line with its alert settings (none: the defaults). */
export function listRentalOrganizations(db: Executor) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('compliance_alert_settings as a', 'a.org_id', 'o.id')
    .select([
      'o.id as org_id',
      'o.time_zone',
      sql<number>`coalesce(a.hour, 7)`.as('hour'),
      sql<boolean>`coalesce(a.enabled, false)`.as('enabled'),
      sql<string[]>`coalesce(a.recipients, '{}')`.as('recipients'),
    ])
    .where(sql<boolean>`'rental' = ANY(o.lines_of_business)`)
    .execute()
}

/** Records the day's alert of an organization; null when it was already recorded. */
export async function insertAlertRun(db: Executor, orgId: string, day: string) {
  const r = await db
    .insertInto('compliance_alert_runs')
    .values({ org_id: orgId, day })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst()
  return r ?? null
}

export function setAlertRunMessage(db: Executor, orgId: string, day: string, id: string) {
  return db
    .updateTable('compliance_alert_runs')
    .set({ mail_message_id: id })
    .where('org_id', '=', orgId)
    .where('day', '=', day)
    .execute()
}

/** Records a notice; false when this document, expiry and threshold was noticed before. */
export async function insertNotice(
  db: Executor,
  v: { org_id: string; document_id: string; expires_on: string; threshold: 'expired' | 'due10' | 'due30' },
) {
  const r = await db
    .insertInto('compliance_notices')
    .values(v)
    .onConflict((oc) => oc.columns(['document_id', 'expires_on', 'threshold']).doNothing())
    .returning('document_id')
    .executeTakeFirst()
  return r !== undefined
}

/** The names the activity log shows for this module's records. */
export const fieldStaffReferenceSources: ReferenceSource[] = [
  tableReferenceSource('field_staff', "first_names || ' ' || last_names"),
  tableReferenceSource('vehicles', 'plate'),
  tableReferenceSource('compliance_document_kinds', 'name'),
]

/** The language of each recipient address that is a user of the organization (`users.locale`); others absent. */
export async function recipientLanguages(
  db: Executor,
  orgId: string,
  emails: readonly string[],
): Promise<Map<string, 'es' | 'en'>> {
  if (emails.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('org_id', '=', orgId)
    .where(
      sql<string>`lower(email)`,
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .execute()
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.locale === 'en' ? 'en' : 'es']))
}
