import { sql, type Expression, type SqlBool } from 'kysely'
import type {
  TCardinalPoint,
  TRentalAvailability,
  TRentalClientListQuery,
  TRentalCondition,
  TRentalEquipmentKind,
  TRentalEquipmentListQuery,
  TRentalEquipmentType,
  TRentalFrequency,
  TRentalProjectListQuery,
} from '@faena/contracts'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'
import { listTotal, pageTotal, withoutTotal } from '../../platform/db/page-total'
import type { StoredContact } from './rental-projects.tables'

/** Every SQL statement on the rental projects tables. Every query is scoped by organization. */

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

// --- clients ---

export type ClientValues = {
  name: string
  tax_id: string
  email: string | null
  phone: string | null
  address: string | null
  contacts: StoredContact[]
  notes: string | null
}

const clientColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('rental_clients as c')
    .where('c.org_id', '=', orgId)
    .selectAll('c')
    .select((eb) => [
      eb
        .selectFrom('rental_projects as p')
        .whereRef('p.client_id', '=', 'c.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('project_count'),
      eb
        .selectFrom('rental_projects as p')
        .whereRef('p.client_id', '=', 'c.id')
        .where('p.closed', '=', false)
        .select(eb.fn.countAll<string>().as('n'))
        .as('open_project_count'),
    ])

export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>

export async function insertClient(db: Executor, orgId: string, createdBy: string | null, v: ClientValues) {
  const { id } = await db
    .insertInto('rental_clients')
    .values({ ...v, contacts: JSON.stringify(v.contacts), org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await findClient(db, orgId, id))!
}

export async function findClient(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (opts.forUpdate) {
    await db
      .selectFrom('rental_clients')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .execute()
  }
  return clientColumns(db, orgId).where('c.id', '=', id).executeTakeFirst()
}

export async function findClientByTaxId(db: Executor, orgId: string, taxId: string) {
  return db
    .selectFrom('rental_clients')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('tax_id', '=', taxId)
    .executeTakeFirst()
}

export async function updateClient(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<ClientValues> & { updated_at: Date },
) {
  const { contacts, ...rest } = patch
  await db
    .updateTable('rental_clients')
    .set({ ...rest, ...(contacts ? { contacts: JSON.stringify(contacts) } : {}) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
  return (await findClient(db, orgId, id))!
}

export async function deleteClient(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_clients').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** The client list's query: its filters and its order (the name, then the id). */
function clientsQuery(db: Executor, orgId: string, f: Omit<TRentalClientListQuery, 'limit' | 'offset'>) {
  let q = clientColumns(db, orgId)
  if (f.q) {
    const pattern = like(f.q)
    q = q.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', pattern),
        eb('c.tax_id', 'like', pattern),
        eb('c.email', 'ilike', pattern),
        eb('c.address', 'ilike', pattern),
        eb('c.phone', 'ilike', pattern),
      ]),
    )
  }
  const sorted =
    f.sort === 'taxId'
      ? q.orderBy('c.tax_id', f.dir)
      : f.sort === 'createdAt'
        ? q.orderBy('c.created_at', f.dir)
        : q.orderBy(sql`lower(c.name)`, f.dir)
  return { q, sorted: sorted.orderBy('c.id') }
}

export async function listClients(db: Executor, orgId: string, f: TRentalClientListQuery) {
  const { q, sorted } = clientsQuery(db, orgId, f)
  const [rows, n] = await Promise.all([
    sorted.limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(n.n) }
}

/** The ids of every client matching the list's filters, in its order (an export walks them in batches). */
export async function listClientIds(
  db: Executor,
  orgId: string,
  f: Omit<TRentalClientListQuery, 'limit' | 'offset'>,
) {
  const { sorted } = clientsQuery(db, orgId, f)
  return (await sorted.clearSelect().select('c.id').execute()).map((r) => r.id)
}

/** The list's rows of one batch of client ids, in any order. */
export async function listClientsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return clientColumns(db, orgId)
    .where('c.id', 'in', [...ids])
    .execute()
}

// --- projects ---

export type ProjectValues = {
  client_id: string
  name: string
  location: string | null
  cardinal_point: TCardinalPoint | null
  contact_name: string | null
  contact_phone: string | null
  start_date: string
  end_date: string | null
  notes: string | null
}

const projectColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('rental_projects as p')
    .innerJoin('rental_clients as c', 'c.id', 'p.client_id')
    .where('p.org_id', '=', orgId)
    .selectAll('p')
    .select(['c.name as client_name', 'c.tax_id as client_tax_id'])
    .select((eb) => [
      eb
        .selectFrom('rental_assignments as a')
        .whereRef('a.project_id', '=', 'p.id')
        .where('a.kind', '=', 'equipment')
        .where('a.retired_on', 'is', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('active_equipment'),
      eb
        .selectFrom('rental_assignments as a')
        .whereRef('a.project_id', '=', 'p.id')
        .where('a.kind', '=', 'service')
        .where('a.retired_on', 'is', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('active_services'),
      eb
        .selectFrom('rental_assignments as a')
        .whereRef('a.project_id', '=', 'p.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('assignment_count'),
      eb
        .selectFrom('rental_assignments as a')
        .whereRef('a.project_id', '=', 'p.id')
        .where('a.kind', '=', 'equipment')
        .where('a.retired_on', 'is', null)
        .select(sql<string>`coalesce(sum(a.daily_rate), 0)::numeric(14, 2)::text`.as('s'))
        .as('daily_rental'),
    ])

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>

export async function insertProject(db: Executor, orgId: string, createdBy: string | null, v: ProjectValues) {
  const { id } = await db
    .insertInto('rental_projects')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await findProject(db, orgId, id))!
}

/** One project of the organization with its client and counts; `forUpdate` locks the project row first. */
export async function findProject(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (opts.forUpdate) {
    await db
      .selectFrom('rental_projects')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .execute()
  }
  return projectColumns(db, orgId).where('p.id', '=', id).executeTakeFirst()
}

/** Projects of the organization by id, each with its client (one query); unknown ids are left out. */
export async function findProjectsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return projectColumns(db, orgId)
    .where('p.id', 'in', [...ids])
    .execute()
}

export async function updateProject(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<ProjectValues> & {
    closed?: boolean
    closed_on?: string | null
    closed_by?: string | null
    updated_at: Date
  },
) {
  await db
    .updateTable('rental_projects')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
  return (await findProject(db, orgId, id))!
}

export async function deleteProject(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_projects').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** The project list's query: its filters and its order (the chosen column, then the id). */
function projectsQuery(db: Executor, orgId: string, f: Omit<TRentalProjectListQuery, 'limit' | 'offset'>) {
  const q = projectColumns(db, orgId).where((eb) => {
    const all: Expression<SqlBool>[] = []
    if (f.clientId) all.push(eb('p.client_id', '=', f.clientId))
    if (f.status) all.push(eb('p.closed', '=', f.status === 'closed'))
    if (f.q) {
      const pattern = like(f.q)
      all.push(
        eb.or([
          eb('p.name', 'ilike', pattern),
          eb('p.location', 'ilike', pattern),
          eb('p.contact_name', 'ilike', pattern),
          eb('c.name', 'ilike', pattern),
          eb('c.tax_id', 'like', pattern),
        ]),
      )
    }
    return eb.and(all)
  })
  const sorted = (() => {
    switch (f.sort) {
      case 'name':
        return q.orderBy(sql`lower(p.name)`, f.dir)
      case 'client':
        return q.orderBy(sql`lower(c.name)`, f.dir)
      case 'location':
        return q.orderBy(sql`lower(coalesce(p.location, ''))`, f.dir)
      case 'startDate':
        return q.orderBy('p.start_date', f.dir)
      case 'createdAt':
        return q.orderBy('p.created_at', f.dir)
    }
  })()
  return { q, sorted: sorted.orderBy('p.id') }
}

export async function listProjects(db: Executor, orgId: string, f: TRentalProjectListQuery) {
  const { q, sorted } = projectsQuery(db, orgId, f)
  const count = q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await sorted.select(listTotal(count)).limit(f.limit).offset(f.offset).execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(rows), total }
}

/** The ids of every project matching the list's filters, in its order (an export walks them in batches). */
export async function listProjectIds(
  db: Executor,
  orgId: string,
  f: Omit<TRentalProjectListQuery, 'limit' | 'offset'>,
) {
  const { sorted } = projectsQuery(db, orgId, f)
  return (await sorted.clearSelect().select('p.id').execute()).map((r) => r.id)
}

/** The list's rows of one batch of project ids, in any order. */
export async function listProjectsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return projectColumns(db, orgId)
    .where('p.id', 'in', [...ids])
    .execute()
}

// --- equipment ---

export type EquipmentValues = {
  code: string
  name: string
  kind: TRentalEquipmentKind
  type: TRentalEquipmentType | null
  brand: string | null
  model: string | null
  serial_number: string | null
  condition: TRentalCondition
  location: string | null
  review_note: string | null
  notes: string | null
}

const equipmentColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('rental_equipment as e')
    .leftJoin('rental_projects as p', 'p.id', 'e.current_project_id')
    .leftJoin('rental_clients as c', 'c.id', 'p.client_id')
    .where('e.org_id', '=', orgId)
    .selectAll('e')
    .select(['p.name as project_name', 'p.location as project_location', 'c.name as project_client_name'])

export type EquipmentRow = NonNullable<Awaited<ReturnType<typeof findEquipment>>>

export async function insertEquipment(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  v: EquipmentValues,
) {
  const { id } = await db
    .insertInto('rental_equipment')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await findEquipment(db, orgId, id))!
}

/** Many units in one statement (import); returns their ids in order. */
export async function insertEquipmentMany(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  values: EquipmentValues[],
) {
  if (values.length === 0) return []
  const rows = await db
    .insertInto('rental_equipment')
    .values(values.map((v) => ({ ...v, org_id: orgId, created_by: createdBy })))
    .returning(['id', 'code'])
    .execute()
  return rows
}

export async function findEquipment(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (opts.forUpdate) {
    await db
      .selectFrom('rental_equipment')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .execute()
  }
  return equipmentColumns(db, orgId).where('e.id', '=', id).executeTakeFirst()
}

export async function findEquipmentByCode(db: Executor, orgId: string, code: string) {
  return db
    .selectFrom('rental_equipment')
    .select(['id', 'code'])
    .where('org_id', '=', orgId)
    .where(sql`upper(code)`, '=', code.toUpperCase())
    .executeTakeFirst()
}

export async function findEquipmentByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return equipmentColumns(db, orgId)
    .where('e.id', 'in', [...ids])
    .orderBy('e.code')
    .execute()
}

/** Every unit of the organization (the import compares codes against them). */
export async function listAllEquipment(db: Executor, orgId: string) {
  return db.selectFrom('rental_equipment').selectAll().where('org_id', '=', orgId).execute()
}

/** Every physical unit (kind equipment) of the organization with its current project, by code (equipment condition). */
export async function listEquipmentUnits(db: Executor, orgId: string) {
  return equipmentColumns(db, orgId)
    .where('e.kind', '=', 'equipment')
    .orderBy('e.code')
    .orderBy('e.id')
    .execute()
}

export async function updateEquipment(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<EquipmentValues> & {
    availability?: TRentalAvailability
    current_project_id?: string | null
    updated_at: Date
  },
) {
  await db
    .updateTable('rental_equipment')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function deleteEquipment(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('rental_equipment').where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** The equipment list's query: its filters and its order (the chosen column, the code, then the id). */
function equipmentQuery(db: Executor, orgId: string, f: Omit<TRentalEquipmentListQuery, 'limit' | 'offset'>) {
  const q = equipmentColumns(db, orgId).where((eb) => {
    const all: Expression<SqlBool>[] = []
    if (f.kind) all.push(eb('e.kind', '=', f.kind))
    if (f.type) all.push(eb('e.type', '=', f.type))
    if (f.condition) all.push(eb('e.condition', '=', f.condition))
    if (f.availability) all.push(eb('e.availability', '=', f.availability))
    if (f.projectId) all.push(eb('e.current_project_id', '=', f.projectId))
    if (f.review === 'true') all.push(eb('e.review_note', 'is not', null))
    if (f.review === 'false') all.push(eb('e.review_note', 'is', null))
    if (f.assignable === 'true') {
      all.push(eb('e.review_note', 'is', null))
      all.push(
        eb.or([
          eb('e.kind', '=', 'service'),
          eb.and([eb('e.condition', '=', 'operative'), eb('e.availability', '=', 'available')]),
        ]),
      )
    }
    if (f.q) {
      const pattern = like(f.q)
      all.push(
        eb.or([
          eb('e.code', 'ilike', pattern),
          eb('e.name', 'ilike', pattern),
          eb('e.brand', 'ilike', pattern),
          eb('e.model', 'ilike', pattern),
          eb('e.serial_number', 'ilike', pattern),
          eb('e.location', 'ilike', pattern),
          eb('p.name', 'ilike', pattern),
        ]),
      )
    }
    return eb.and(all)
  })
  const sorted = (() => {
    switch (f.sort) {
      case 'code':
        return q.orderBy(sql`upper(e.code)`, f.dir)
      case 'name':
        return q.orderBy(sql`lower(e.name)`, f.dir)
      case 'type':
        return q.orderBy('e.kind', f.dir).orderBy('e.type', f.dir)
      case 'condition':
        return q.orderBy(
          sql`array_position(array['operative','in_repair','damaged','retired']::text[], e.condition)`,
          f.dir,
        )
      case 'availability':
        return q.orderBy('e.availability', f.dir)
      case 'createdAt':
        return q.orderBy('e.created_at', f.dir)
    }
  })()
  return { q, sorted: sorted.orderBy(sql`upper(e.code)`).orderBy('e.id') }
}

export async function listEquipment(db: Executor, orgId: string, f: TRentalEquipmentListQuery) {
  const { q, sorted } = equipmentQuery(db, orgId, f)
  const [rows, n] = await Promise.all([
    sorted.limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(n.n) }
}

/** The ids of every unit matching the list's filters, in its order (an export walks them in batches). */
export async function listEquipmentIds(
  db: Executor,
  orgId: string,
  f: Omit<TRentalEquipmentListQuery, 'limit' | 'offset'>,
) {
  const { sorted } = equipmentQuery(db, orgId, f)
  return (await sorted.clearSelect().select('e.id').execute()).map((r) => r.id)
}

/** The list's rows of one batch of equipment ids, in any order. */
export async function listEquipmentByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return equipmentColumns(db, orgId)
    .where('e.id', 'in', [...ids])
    .execute()
}

export async function countAssignmentsOfEquipment(db: Executor, orgId: string, equipmentId: string) {
  const r = await db
    .selectFrom('rental_assignments')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('equipment_id', '=', equipmentId), eb('linked_equipment_id', '=', equipmentId)]))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

// --- assignments ---

export type AssignmentValues = {
  project_id: string
  equipment_id: string
  kind: TRentalEquipmentKind
  daily_rate: string
  description: string
  frequency: TRentalFrequency
  frequency_days: number[]
  operation_start: string
  operation_end: string | null
  linked_equipment_id: string | null
  notes: string | null
  /** JSON of the rate history (docs/rental-projects.md#rate-history); '[]' = `daily_rate` from the start */
  rate_history?: string
}

const assignmentColumns = (db: Executor, orgId: string) =>
  db
    .selectFrom('rental_assignments as a')
    .innerJoin('rental_equipment as e', 'e.id', 'a.equipment_id')
    .leftJoin('rental_equipment as l', 'l.id', 'a.linked_equipment_id')
    .where('a.org_id', '=', orgId)
    .selectAll('a')
    .select([
      'e.code as equipment_code',
      'e.name as equipment_name',
      'e.type as equipment_type',
      'l.code as linked_code',
      'l.name as linked_name',
      'l.kind as linked_kind',
      'l.type as linked_type',
    ])

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>

export async function insertAssignment(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  v: AssignmentValues,
) {
  const { id } = await db
    .insertInto('rental_assignments')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await findAssignment(db, orgId, id))!
}

export async function findAssignment(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (opts.forUpdate) {
    await db
      .selectFrom('rental_assignments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .forUpdate()
      .execute()
  }
  return assignmentColumns(db, orgId).where('a.id', '=', id).executeTakeFirst()
}

/** Assignments of the organization by id, with their equipment (one query); unknown ids are left out. */
export async function findAssignmentsByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return assignmentColumns(db, orgId)
    .where('a.id', 'in', [...ids])
    .execute()
}

/** Every assignment of a project: equipment first, then services, by start and creation. */
export async function listProjectAssignments(
  db: Executor,
  orgId: string,
  projectId: string,
  status?: 'active' | 'retired',
) {
  let q = assignmentColumns(db, orgId).where('a.project_id', '=', projectId)
  if (status === 'active') q = q.where('a.retired_on', 'is', null)
  if (status === 'retired') q = q.where('a.retired_on', 'is not', null)
  return q
    .orderBy('a.kind')
    .orderBy('e.code')
    .orderBy('a.operation_start')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
}

/** Changes an assignment and bumps its version (billing day edits follow the version). */
export async function updateAssignment(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<AssignmentValues> & {
    retired_on?: string | null
    retirement_reason?: string | null
    retired_with_id?: string | null
    updated_at: Date
  },
) {
  await db
    .updateTable('rental_assignments')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function deleteAssignments(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return
  // services retired with one of these keep their retirement but lose the link (FK ON DELETE SET NULL)
  await db
    .deleteFrom('rental_assignments')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
}

/** The active (not retired) assignment of an equipment, anywhere in the organization, with its project. */
export async function activeAssignmentOfEquipment(db: Executor, orgId: string, equipmentId: string) {
  return db
    .selectFrom('rental_assignments as a')
    .innerJoin('rental_projects as p', 'p.id', 'a.project_id')
    .where('a.org_id', '=', orgId)
    .where('a.equipment_id', '=', equipmentId)
    .where('a.kind', '=', 'equipment')
    .where('a.retired_on', 'is', null)
    .select(['a.id', 'a.project_id', 'p.name as project_name'])
    .executeTakeFirst()
}

/** Active services of a project linked to an equipment. */
export async function activeLinkedServices(
  db: Executor,
  orgId: string,
  projectId: string,
  equipmentId: string,
) {
  return db
    .selectFrom('rental_assignments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('project_id', '=', projectId)
    .where('kind', '=', 'service')
    .where('linked_equipment_id', '=', equipmentId)
    .where('retired_on', 'is', null)
    .orderBy('created_at')
    .execute()
}

/** Services retired together with an equipment assignment. */
export async function servicesRetiredWith(db: Executor, orgId: string, assignmentId: string) {
  return db
    .selectFrom('rental_assignments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('retired_with_id', '=', assignmentId)
    .orderBy('created_at')
    .execute()
}

/** Active (not retired) assignments of a project, equipment first. */
export async function activeProjectAssignments(db: Executor, orgId: string, projectId: string) {
  return assignmentColumns(db, orgId)
    .where('a.project_id', '=', projectId)
    .where('a.retired_on', 'is', null)
    .orderBy('a.kind')
    .orderBy('e.code')
    .execute()
}

/** Every equipment-kind assignment of a unit (any project), with its project name. */
export async function listEquipmentAssignments(db: Executor, orgId: string, equipmentId: string) {
  return db
    .selectFrom('rental_assignments as a')
    .innerJoin('rental_projects as p', 'p.id', 'a.project_id')
    .where('a.org_id', '=', orgId)
    .where('a.equipment_id', '=', equipmentId)
    .where('a.kind', '=', 'equipment')
    .select([
      'a.id',
      'a.project_id',
      'a.operation_start',
      'a.operation_end',
      'a.retired_on',
      'p.name as project_name',
    ])
    .orderBy('a.operation_start')
    .execute()
}

/** Ids of projects whose name, location, contact or client (name, RUC) matches. */
export async function findProjectIdsMatching(db: Executor, orgId: string, q: string) {
  const pattern = like(q)
  const rows = await db
    .selectFrom('rental_projects as p')
    .innerJoin('rental_clients as c', 'c.id', 'p.client_id')
    .where('p.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('p.name', 'ilike', pattern),
        eb('p.location', 'ilike', pattern),
        eb('p.contact_name', 'ilike', pattern),
        eb('c.name', 'ilike', pattern),
        eb('c.tax_id', 'like', pattern),
      ]),
    )
    .select('p.id')
    .execute()
  return rows.map((r) => r.id)
}

// --- figures for the dashboards (insights module) ---

/** Equipment and services counted by kind, condition and availability. */
export async function countEquipment(db: Executor, orgId: string) {
  const rows = await db
    .selectFrom('rental_equipment')
    .where('org_id', '=', orgId)
    .select((eb) => ['kind', 'condition', 'availability', eb.fn.countAll<string>().as('count')])
    .groupBy(['kind', 'condition', 'availability'])
    .execute()
  return rows.map((r) => ({ ...r, count: Number(r.count) }))
}

/**
 * Equipment assignments (not services) on site some day of [from, to]: on site from the operation start to the
 * retirement (the last day on site), else the planned end, else still there (`end` null).
 */
export async function listEquipmentAssignmentWindows(db: Executor, orgId: string, from: string, to: string) {
  return db
    .selectFrom('rental_assignments')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'equipment')
    .where('operation_start', '<=', to)
    .where((eb) =>
      eb.or([
        eb(sql<string | null>`coalesce(retired_on, operation_end)`, 'is', null),
        eb(sql<string>`coalesce(retired_on, operation_end)`, '>=', from),
      ]),
    )
    .select([
      'project_id',
      'equipment_id',
      'operation_start',
      sql<string | null>`coalesce(retired_on, operation_end)::text`.as('end'),
    ])
    .execute()
}

/** Assignments by their description, clients and projects by name, equipment by code and name: for the audit history. */
export const rentalProjectsReferenceSources: ReferenceSource[] = [
  tableReferenceSource('rental_assignments', 'description'),
  tableReferenceSource('rental_clients', 'name'),
  tableReferenceSource('rental_projects', 'name'),
  tableReferenceSource('rental_equipment', "code || ' · ' || name"),
]
