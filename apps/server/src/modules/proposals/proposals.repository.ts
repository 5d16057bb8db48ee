import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { TProposalListQuery, TProposalPriority, TProposalStatus, TStepStatus } from '@faena/contracts'
import type { DB } from '../../db-schema'
import type { ReferenceRow, ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'
import { listTotal, pageTotal, withoutTotal } from '../../platform/db/page-total'
import { DONE_STEP_STATUSES, UNCOUNTED_STEP_STATUSES } from './proposal-progress'
import { FINAL_PROPOSAL_STATUSES } from './proposal-status'

/** Every SQL statement on the proposals tables. Every query is scoped by organization. */

export type ProposalRow = Awaited<ReturnType<typeof insertProposal>>
export type StepRow = Awaited<ReturnType<typeof findStep>> & {}
export type AttachmentRow = Awaited<ReturnType<typeof insertAttachment>>

// --- proposals ---

export type ProposalValues = {
  official_number: string
  request_number: string
  description: string
  client_id: string
  type_id: string
  project_manager_id: string
  priority: TProposalPriority
  request_date: string
  delivery_date: string
  duration_days: number
  comment: string | null
}

export async function insertProposal(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  v: ProposalValues,
) {
  return db
    .insertInto('proposals')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** One proposal of the organization; soft-deleted ones only when asked for. */
export async function findProposal(
  db: Executor,
  orgId: string,
  id: string,
  opts: { includeDeleted?: boolean; forUpdate?: boolean } = {},
) {
  let q = db.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('id', '=', id)
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updateProposal(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<ProposalValues> & {
    status?: TProposalStatus
    status_reason?: string | null
    status_changed_at?: Date
    deleted_at?: Date
    deleted_by?: string | null
    updated_at: Date
  },
) {
  return db
    .updateTable('proposals')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Filters of the list, resolved by the service: `clientIdsMatching` are the clients whose name matches `q`. */
export type ProposalFilter = TProposalListQuery & {
  today: string
  clientIdsMatching: string[]
  clientOrder: string[]
  /** with `assignedToMe`: the caller (null for the system) and the project managers linked to them */
  assignee: { userId: string | null; projectManagerIds: readonly string[] }
}

const PRIORITY_ORDER = ['low', 'medium', 'high', 'urgent']
const STATUS_ORDER = ['active', 'in_progress', 'suspended', 'finished', 'cancelled']

type ListDb = DB & { p: DB['proposals'] }

/** The list's filters without pagination (an export). */
export type ProposalExportFilter = Omit<ProposalFilter, 'limit' | 'offset'>

/** The list's query: its filters, the step counts, and its order. */
function listQuery(db: Executor, orgId: string, f: ProposalExportFilter) {
  const stepCount = (condition: RawBuilder<unknown>) =>
    sql<string>`(select count(*) from proposal_steps s where s.org_id = p.org_id and s.proposal_id = p.id and ${condition})`
  const done = stepCount(sql`s.status in (${sql.join([...DONE_STEP_STATUSES])})`)
  const counted = stepCount(sql`s.status not in (${sql.join([...UNCOUNTED_STEP_STATUSES])})`)

  let q = db
    .selectFrom('proposals as p')
    .where('p.org_id', '=', orgId)
    .where('p.deleted_at', f.deleted === 'true' ? 'is not' : 'is', null)
  if (f.status) q = q.where('p.status', '=', f.status)
  if (f.clientId) q = q.where('p.client_id', '=', f.clientId)
  if (f.typeId) q = q.where('p.type_id', '=', f.typeId)
  if (f.projectManagerId) q = q.where('p.project_manager_id', '=', f.projectManagerId)
  if (f.priority) q = q.where('p.priority', '=', f.priority)
  if (f.requestFrom) q = q.where('p.request_date', '>=', f.requestFrom)
  if (f.requestTo) q = q.where('p.request_date', '<=', f.requestTo)
  if (f.deliveryFrom) q = q.where('p.delivery_date', '>=', f.deliveryFrom)
  if (f.deliveryTo) q = q.where('p.delivery_date', '<=', f.deliveryTo)
  if (f.overdue) {
    // overdue: delivery date before today (organization time zone) and not finished/cancelled
    q = q.where((eb) => {
      const overdue = eb.and([
        eb('p.delivery_date', '<', f.today),
        eb('p.status', 'not in', [...FINAL_PROPOSAL_STATUSES]),
      ])
      return f.overdue === 'true' ? overdue : eb.not(overdue)
    })
  }
  if (f.assignedToMe) {
    // a step assigned to the caller (partial index on the responsible), or a project manager linked to them
    const { userId, projectManagerIds } = f.assignee
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = []
      if (userId) {
        any.push(
          eb(
            'p.id',
            'in',
            eb
              .selectFrom('proposal_steps as rs')
              .select('rs.proposal_id')
              .where('rs.org_id', '=', orgId)
              .where('rs.responsible_user_id', '=', userId),
          ),
        )
      }
      if (projectManagerIds.length > 0) any.push(eb('p.project_manager_id', 'in', [...projectManagerIds]))
      const mine = any.length > 0 ? eb.or(any) : sql<SqlBool>`false`
      return f.assignedToMe === 'true' ? mine : eb.not(mine)
    })
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [
        eb('p.official_number', 'ilike', like),
        eb('p.request_number', 'ilike', like),
        eb('p.description', 'ilike', like),
      ]
      if (f.clientIdsMatching.length > 0) any.push(eb('p.client_id', 'in', f.clientIdsMatching))
      return eb.or(any)
    })
  }

  const dir = f.dir
  const ordered = <O>(query: SelectQueryBuilder<ListDb, 'p', O>) => {
    const sorted = (() => {
      switch (f.sort) {
        case 'officialNumber':
          return query.orderBy(sql`lower(p.official_number)`, dir)
        case 'requestDate':
          return query.orderBy('p.request_date', dir)
        case 'deliveryDate':
          return query.orderBy('p.delivery_date', dir)
        case 'status':
          return query.orderBy(sql`array_position(${STATUS_ORDER}::text[], p.status)`, dir)
        case 'priority':
          return query.orderBy(sql`array_position(${PRIORITY_ORDER}::text[], p.priority)`, dir)
        case 'progress':
          // the exact ratio orders exactly as the rounded percentage (and breaks its ties finer)
          return query.orderBy(sql`coalesce(${done}::numeric / nullif(${counted}, 0), 0)`, dir)
        case 'client':
          // the service passes the organization's client ids ordered by name
          return query.orderBy(sql`array_position(${f.clientOrder}::uuid[], p.client_id)`, dir)
        case 'createdAt':
          return query.orderBy('p.created_at', dir)
      }
    })()
    return sorted.orderBy('p.created_at', 'desc').orderBy('p.id')
  }
  const withCounts = <O>(query: SelectQueryBuilder<ListDb, 'p', O>) =>
    query.select([done.as('done'), counted.as('counted')])
  return { q, ordered, withCounts }
}

const withNumbers = <R extends { done: string; counted: string }>(r: R) => ({
  ...r,
  done: Number(r.done),
  counted: Number(r.counted),
})

/**
 * A page of proposals with their step counts (done / counted, per proposal-progress.ts), and the total.
 * The counts are correlated subqueries on the page's rows (an index-only look-up each), so a page reads
 * its 50 proposals through the list index instead of aggregating every step of the organization.
 */
export async function listProposals(db: Executor, orgId: string, f: ProposalFilter) {
  const { q, ordered, withCounts } = listQuery(db, orgId, f)

  const count = q.select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await ordered(withCounts(q.selectAll('p')).select(listTotal(count)))
    .limit(f.limit)
    .offset(f.offset)
    .execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return {
    rows: withoutTotal(rows).map(withNumbers),
    total,
  }
}

/** The ids of every proposal matching the list's filters, in its order (an export walks them in batches). */
export async function listProposalIds(db: Executor, orgId: string, f: ProposalExportFilter) {
  const { q, ordered } = listQuery(db, orgId, f)
  return (await ordered(q.select('p.id')).execute()).map((r) => r.id)
}

/** The list's rows (with step counts) of one batch of ids, in any order. */
export async function listProposalsByIds(
  db: Executor,
  orgId: string,
  f: ProposalExportFilter,
  ids: readonly string[],
) {
  if (ids.length === 0) return []
  const { withCounts } = listQuery(db, orgId, f)
  const rows = await withCounts(
    db
      .selectFrom('proposals as p')
      .where('p.org_id', '=', orgId)
      .where('p.id', 'in', [...ids])
      .selectAll('p'),
  ).execute()
  return rows.map(withNumbers)
}

/** A row of the list: the proposal and its step counts. */
export type ProposalListRow = Awaited<ReturnType<typeof listProposalsByIds>>[number]

/** The catalog ids the organization's proposals refer to (to look their names up through the catalogs module). */
export async function referencedClientIds(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('proposals')
    .select('client_id')
    .distinct()
    .where('org_id', '=', orgId)
    .execute()
  return rows.map((r) => r.client_id)
}

// --- steps ---

export type StepInsert = {
  id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
}

export async function insertSteps(db: Executor, orgId: string, proposalId: string, steps: StepInsert[]) {
  if (steps.length === 0) return
  // One statement: the self-reference (parent_id) is checked at its end, so the order of rows is free.
  await db
    .insertInto('proposal_steps')
    .values(steps.map((s) => ({ ...s, org_id: orgId, proposal_id: proposalId })))
    .execute()
}

export async function listSteps(db: Executor, orgId: string, proposalId: string) {
  return db
    .selectFrom('proposal_steps')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function findStep(db: Executor, orgId: string, proposalId: string, stepId: string) {
  return db
    .selectFrom('proposal_steps')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .where('id', '=', stepId)
    .executeTakeFirst()
}

export async function listSubStepStatuses(
  db: Executor,
  orgId: string,
  parentId: string,
): Promise<TStepStatus[]> {
  const rows = await db
    .selectFrom('proposal_steps')
    .select('status')
    .where('org_id', '=', orgId)
    .where('parent_id', '=', parentId)
    .execute()
  return rows.map((r) => r.status)
}

export async function updateStep(
  db: Executor,
  orgId: string,
  stepId: string,
  patch: {
    status?: TStepStatus
    start_date?: string | null
    delivery_date?: string | null
    completed_date?: string | null
    comment?: string | null
    responsible_user_id?: string | null
    updated_at: Date
  },
) {
  return db
    .updateTable('proposal_steps')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', stepId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

// --- attachments ---

export async function insertAttachment(
  db: Executor,
  a: {
    orgId: string
    proposalId: string
    stepId: string
    kind: 'file' | 'link'
    fileId: string | null
    url: string | null
    name: string
    createdBy: string | null
  },
) {
  return db
    .insertInto('proposal_step_attachments')
    .values({
      org_id: a.orgId,
      proposal_id: a.proposalId,
      step_id: a.stepId,
      kind: a.kind,
      file_id: a.fileId,
      url: a.url,
      name: a.name,
      created_by: a.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function listAttachments(db: Executor, orgId: string, proposalId: string) {
  return db
    .selectFrom('proposal_step_attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function findAttachment(db: Executor, orgId: string, stepId: string, id: string) {
  return db
    .selectFrom('proposal_step_attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('step_id', '=', stepId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function deleteAttachment(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('proposal_step_attachments').where('org_id', '=', orgId).where('id', '=', id).execute()
}

// --- for other modules (through index.ts → proposal-refs.ts) ---

/** Live proposals whose official number, trimmed and lower-cased, is one of `keys`; oldest first. */
export async function findByOfficialNumberKeys(db: Executor, orgId: string, keys: readonly string[]) {
  if (keys.length === 0) return []
  return db
    .selectFrom('proposals')
    .select(['id', 'official_number'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where(sql<string>`lower(btrim(official_number))`, 'in', [...keys])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Official numbers of proposals by id (deleted ones too: a work order keeps showing its proposal). */
/**
 * Official numbers by id as a reference source (id, name), for another module to ask in its own names query
 * (the work-order list's catalog names, docs/platform.md#lists) instead of a round trip of its own.
 */
export const officialNumberSource: ReferenceSource = (orgId, ids) =>
  sql<ReferenceRow>`(SELECT id::text AS id, official_number AS name FROM proposals
    WHERE org_id = ${orgId} AND id = ANY(${ids}::uuid[]))`

export async function findOfficialNumbers(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('proposals')
    .select(['id', 'official_number'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute()
}

/** Many proposals in one statement, with the given status (placeholders of a historical import). */
export async function insertProposalsWithStatus(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  rows: (ProposalValues & { status: TProposalStatus })[],
) {
  if (rows.length === 0) return []
  return db
    .insertInto('proposals')
    .values(rows.map((r) => ({ ...r, org_id: orgId, created_by: createdBy })))
    .returningAll()
    .execute()
}

// --- figures for the dashboards (insights module) ---

export type ProposalCountFilter = {
  status?: TProposalStatus | undefined
  clientId?: string | undefined
  requestFrom?: string | undefined
  requestTo?: string | undefined
  /** the organization's today, for the overdue rule of `listProposals` */
  today: string
}

/**
 * Live proposals counted by status, client and overdue, with the same filters and overdue rule as
 * `listProposals` (so a count equals the total of the list filtered the same way).
 */
export async function countProposals(db: Executor, orgId: string, f: ProposalCountFilter) {
  let q = db.selectFrom('proposals as p').where('p.org_id', '=', orgId).where('p.deleted_at', 'is', null)
  if (f.status) q = q.where('p.status', '=', f.status)
  if (f.clientId) q = q.where('p.client_id', '=', f.clientId)
  if (f.requestFrom) q = q.where('p.request_date', '>=', f.requestFrom)
  if (f.requestTo) q = q.where('p.request_date', '<=', f.requestTo)
  const overdue = sql<boolean>`(p.delivery_date < ${f.today} and p.status not in (${sql.join([...FINAL_PROPOSAL_STATUSES])}))`
  const rows = await q
    .select((eb) => ['p.status', 'p.client_id', overdue.as('overdue'), eb.fn.countAll<string>().as('count')])
    .groupBy(['p.status', 'p.client_id', sql`3`]) // 3: the overdue flag, by position
    .execute()
  return rows.map((r) => ({
    status: r.status,
    clientId: r.client_id,
    overdue: r.overdue,
    count: Number(r.count),
  }))
}

/**
 * Serializes the saves of one official number (its key) in the organization until the transaction ends, so two
 * concurrent saves cannot both find no duplicate when the organization wants numbers unique.
 */
export async function lockOfficialNumber(db: Executor, orgId: string, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`proposal-official-number:${orgId}:${key}`}))`.execute(db)
}

/**
 * Per project manager, of the steps that count (not cancelled) of the live proposals
 * (neither deleted nor finished/cancelled): how many have a document (a file or a link) — the weekly digest's
 * "document upload progress".
 */
export async function countStepDocumentsByManager(db: Executor, orgId: string) {
  return db
    .selectFrom('proposal_steps as s')
    .innerJoin('proposals as p', 'p.id', 's.proposal_id')
    .innerJoin('project_managers as m', 'm.id', 'p.project_manager_id')
    .where('s.org_id', '=', orgId)
    .where('p.deleted_at', 'is', null)
    .where('p.status', 'not in', [...FINAL_PROPOSAL_STATUSES])
    .where('s.status', 'not in', [...UNCOUNTED_STEP_STATUSES])
    .groupBy(['m.id', 'm.name'])
    .select([
      'm.name',
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where exists (select 1 from proposal_step_attachments a where a.step_id = s.id))`.as(
        'done',
      ),
    ])
    .orderBy('m.name')
    .execute()
}
