import {
  sql,
  type Expression,
  type Insertable,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Updateable,
} from 'kysely'
import type { TStepStatus, TWorkOrderListQuery, TWorkOrderStatus, TWorkOrderType } from '@faena/contracts'
import type { DB } from '../../db-schema'
import type { Executor } from '../../platform/db/executor'
import { listTotal, pageTotal, withoutTotal } from '../../platform/db/page-total'
import { organizationSetting } from '../../platform/tenancy/organizations'
import { addDays } from './work-order-rules'
import type { WorkOrderStepsTable, WorkOrdersTable } from './work-orders.tables'

/** Every SQL statement on the work-order tables. Every query is scoped by organization. */

export type WorkOrderRow = Awaited<ReturnType<typeof insertWorkOrder>>
export type WorkOrderInsert = Omit<Insertable<WorkOrdersTable>, 'org_id' | 'legacy'> & {
  id: string
  legacy?: Record<string, unknown> | null
}
export type WorkOrderPatch = Omit<
  Updateable<WorkOrdersTable>,
  'id' | 'org_id' | 'family_id' | 'type' | 'legacy'
> & {
  legacy?: Record<string, unknown> | null
  updated_at: Date
}
export type StepRow = Awaited<ReturnType<typeof listSteps>>[number]
export type StepCounts = { done: number; counted: number }

const CHUNK = 500
const chunks = <T>(xs: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}
const json = (v: Record<string, unknown> | null | undefined) =>
  v === undefined ? undefined : v === null ? null : JSON.stringify(v)

// --- work orders ---

export async function insertWorkOrder(db: Executor, orgId: string, v: WorkOrderInsert) {
  return db
    .insertInto('work_orders')
    .values({ ...v, org_id: orgId, legacy: json(v.legacy) ?? null })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Many work orders, in statements of 500 rows; initials must come before their reprogrammings. */
export async function insertWorkOrders(db: Executor, orgId: string, rows: readonly WorkOrderInsert[]) {
  const out: WorkOrderRow[] = []
  for (const part of chunks(rows)) {
    out.push(
      ...(await db
        .insertInto('work_orders')
        .values(part.map((v) => ({ ...v, org_id: orgId, legacy: json(v.legacy) ?? null })))
        .returningAll()
        .execute()),
    )
  }
  return out
}

export async function findWorkOrder(
  db: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  let q = db.selectFrom('work_orders').selectAll().where('org_id', '=', orgId).where('id', '=', id)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updateWorkOrder(db: Executor, orgId: string, id: string, patch: WorkOrderPatch) {
  const { legacy, ...rest } = patch
  return db
    .updateTable('work_orders')
    .set({ ...rest, ...(legacy !== undefined ? { legacy: json(legacy) } : {}) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** An initial work order of the organization numbered `number` (trimmed, case ignored), other than `excludeId`. */
export async function findInitialByNumber(db: Executor, orgId: string, number: string, excludeId?: string) {
  let q = db
    .selectFrom('work_orders')
    .select(['id', 'number'])
    .where('org_id', '=', orgId)
    .where('type', '=', 'initial')
    .where(sql<string>`lower(btrim(number))`, '=', number.trim().toLowerCase())
  if (excludeId) q = q.where('id', '!=', excludeId)
  return q.executeTakeFirst()
}

/** Work orders numbered `number` (trimmed, case ignored), initial first then by reprogramming number. */
export async function findByNumber(db: Executor, orgId: string, number: string) {
  return db
    .selectFrom('work_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(btrim(number))`, '=', number.trim().toLowerCase())
    .orderBy(sql`coalesce(reprogramming_number, 0)`)
    .orderBy('created_at')
    .execute()
}

/** The next reprogramming number of a family (1 for the first). Call with the initial locked. */
export async function nextReprogrammingNumber(
  db: Executor,
  orgId: string,
  familyId: string,
): Promise<number> {
  const r = await db
    .selectFrom('work_orders')
    .select((eb) => eb.fn.max('reprogramming_number').as('n'))
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .executeTakeFirstOrThrow()
  return (r.n ?? 0) + 1
}

/** Step counts (per proposal-progress rules: the status sets are given) of some work orders. */
export async function stepCounts(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  sets: { done: readonly TStepStatus[]; uncounted: readonly TStepStatus[] },
): Promise<Map<string, StepCounts>> {
  const out = new Map<string, StepCounts>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('work_order_steps')
    .where('org_id', '=', orgId)
    .where('work_order_id', 'in', [...ids])
    .groupBy('work_order_id')
    .select((eb) => [
      'work_order_id',
      eb.fn
        .countAll<string>()
        .filterWhere('status', 'in', [...sets.done])
        .as('done'),
      eb.fn
        .countAll<string>()
        .filterWhere('status', 'not in', [...sets.uncounted])
        .as('counted'),
    ])
    .execute()
  for (const r of rows) out.set(r.work_order_id, { done: Number(r.done), counted: Number(r.counted) })
  return out
}

/** The versions of a family: the initial, then the reprogrammings by number. */
export async function listFamily(db: Executor, orgId: string, familyId: string) {
  return db
    .selectFrom('work_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .orderBy(sql`coalesce(reprogramming_number, 0)`)
    .execute()
}

/** Work orders of the families whose initial number key (trimmed, lower case) is one of `keys`, with that key. */
export async function listByFamilyNumberKeys(db: Executor, orgId: string, keys: readonly string[]) {
  if (keys.length === 0) return []
  return db
    .selectFrom('work_orders as w')
    .innerJoin('work_orders as f', 'f.id', 'w.family_id')
    .selectAll('w')
    .select(sql<string>`lower(btrim(f.number))`.as('family_key'))
    .where('w.org_id', '=', orgId)
    .where('f.org_id', '=', orgId)
    .where('f.type', '=', 'initial')
    .where(sql<string>`lower(btrim(f.number))`, 'in', [...keys])
    .execute()
}

/**
 * Filters of the list (the status sets of progress come from the proposals rules; `today` is the
 * organization's date and `closed` the statuses without a countdown, for the due filters).
 */
export type WorkOrderFilter = TWorkOrderListQuery & {
  done: readonly TStepStatus[]
  uncounted: readonly TStepStatus[]
  today: string
  closed: readonly TWorkOrderStatus[]
  /** with `assignedToMe`: the caller (null for the system) and the project managers linked to them */
  assignee: { userId: string | null; projectManagerIds: readonly string[] }
}

/**
 * The family's end of work order `w`: the programmed end of the family's latest version that has one
 * (highest reprogramming number; the initial counts as 0). docs/work-orders.md#due-bands
 */
const familyEndOf = (alias: string) =>
  sql<string | null>`(select f.planned_end from work_orders f
    where f.org_id = ${sql.ref(`${alias}.org_id`)} and f.family_id = ${sql.ref(`${alias}.family_id`)}
      and f.planned_end is not null
    order by coalesce(f.reprogramming_number, 0) desc limit 1)`

/**
 * What a work order's detail needs beside its row, in one query: its family's end (see `familyEndOf`), its
 * reprogrammings (an initial's; 0 for a reprogramming) and the organization's due-threshold setting.
 */
export async function detailFacts(
  db: Executor,
  orgId: string,
  row: { id: string; family_id: string; type: TWorkOrderType },
) {
  const reprogrammings =
    row.type === 'initial'
      ? sql`(select count(*) from work_orders r
          where r.org_id = ${orgId} and r.family_id = ${row.id} and r.type = 'reprogramming')`
      : sql`0`
  const r = await sql<{ family_end: string | null; reprogrammings: string; due_settings: unknown }>`
    select (select f.planned_end from work_orders f
        where f.org_id = ${orgId} and f.family_id = ${row.family_id} and f.planned_end is not null
        order by coalesce(f.reprogramming_number, 0) desc limit 1) as family_end,
      ${reprogrammings} as reprogrammings,
      ${organizationSetting(orgId, 'workOrderDue')} as due_settings`.execute(db)
  const facts = r.rows[0]
  return {
    familyEnd: facts?.family_end ?? null,
    reprogrammings: Number(facts?.reprogrammings ?? 0),
    dueSetting: facts?.due_settings,
  }
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&')
const STATUS_ORDER = [
  'assigned',
  'in_execution',
  'deferred',
  'deferred_not_started',
  'suspended',
  'to_cancel',
  'finished',
  'cancelled',
]

/** The list's filters without pagination (an export). */
export type WorkOrderExportFilter = Omit<WorkOrderFilter, 'limit' | 'offset'>

type ListDb = DB & { w: DB['work_orders'] }

/** The list's query: its filters, the step counts and the family's end, and its order. */
function listQuery(db: Executor, orgId: string, f: WorkOrderExportFilter) {
  const stepCount = (condition: RawBuilder<unknown>) =>
    sql<string>`(select count(*) from work_order_steps s where s.org_id = w.org_id and s.work_order_id = w.id and ${condition})`
  const done = stepCount(sql`s.status in (${sql.join([...f.done])})`)
  const counted = stepCount(sql`s.status not in (${sql.join([...f.uncounted])})`)
  let q = db.selectFrom('work_orders as w').where('w.org_id', '=', orgId)
  if (f.type) q = q.where('w.type', '=', f.type)
  if (f.status) q = q.where('w.status', '=', f.status)
  if (f.frontId) q = q.where('w.front_id', '=', f.frontId)
  if (f.clientId) q = q.where('w.client_id', '=', f.clientId)
  if (f.projectManagerId) q = q.where('w.project_manager_id', '=', f.projectManagerId)
  if (f.proposalId) q = q.where('w.proposal_id', '=', f.proposalId)
  if (f.familyId) q = q.where('w.family_id', '=', f.familyId)
  const siteId = f.siteId
  if (siteId) {
    q = q.where((eb) =>
      eb.or([
        eb('w.vessel_id', '=', siteId),
        eb('w.platform_id', '=', siteId),
        eb('w.yard_id', '=', siteId),
        eb('w.interconnection_id', '=', siteId),
      ]),
    )
  }
  // due: open work orders against their family's end, in the organization's today
  const end = familyEndOf('w')
  if (f.overdue) {
    q = q.where((eb) => {
      const overdue = eb.and([eb('w.status', 'not in', [...f.closed]), eb(end, '<', f.today)])
      return f.overdue === 'true' ? overdue : eb.not(overdue)
    })
  }
  if (f.dueWithinDays !== undefined) {
    q = q
      .where('w.status', 'not in', [...f.closed])
      .where(end, '>=', f.today)
      .where(end, '<=', addDays(f.today, f.dueWithinDays))
  }
  if (f.assignedToMe) {
    // a step assigned to the caller (partial index on the responsible), or a project manager linked to them
    const { userId, projectManagerIds } = f.assignee
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = []
      if (userId) {
        any.push(
          eb(
            'w.id',
            'in',
            eb
              .selectFrom('work_order_steps as rs')
              .select('rs.work_order_id')
              .where('rs.org_id', '=', orgId)
              .where('rs.responsible_user_id', '=', userId),
          ),
        )
      }
      if (projectManagerIds.length > 0) any.push(eb('w.project_manager_id', 'in', [...projectManagerIds]))
      const mine = any.length > 0 ? eb.or(any) : sql<SqlBool>`false`
      return f.assignedToMe === 'true' ? mine : eb.not(mine)
    })
  }
  // the programmed window overlaps [from, to]
  if (f.from) q = q.where(sql<string>`coalesce(w.planned_end, w.planned_start)`, '>=', f.from)
  if (f.to) q = q.where('w.planned_start', '<=', f.to)
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`
    q = q.where((eb) => {
      const any: Expression<SqlBool>[] = [
        eb('w.number', 'ilike', like),
        eb('w.official_document', 'ilike', like),
        eb('w.description', 'ilike', like),
        eb('w.client_representative', 'ilike', like),
      ]
      return eb.or(any)
    })
  }

  const d = f.dir === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`
  const orderExpr = (() => {
    switch (f.sort) {
      case 'number':
        return sql`lower(w.number) ${d}, coalesce(w.reprogramming_number, 0) ${d}`
      case 'plannedStart':
        return sql`w.planned_start ${d}`
      case 'plannedEnd':
        return sql`w.planned_end ${d}`
      case 'actualStart':
        return sql`w.actual_start ${d}`
      case 'actualEnd':
        return sql`w.actual_end ${d}`
      case 'status':
        return sql`array_position(${STATUS_ORDER}::text[], w.status) ${d}`
      case 'progress':
        return sql`coalesce(${done}::numeric / nullif(${counted}, 0), 0) ${d}`
      case 'amountMxn':
        return sql`w.amount_mxn ${d}`
      case 'amountUsd':
        return sql`w.amount_usd ${d}`
      case 'createdAt':
        return sql`w.created_at ${d}`
      case 'familyEnd':
        return sql`${end} ${d}`
    }
  })()

  // an initial's reprogrammings (its id is their family's); the due thresholds once per query (an InitPlan)
  const reprogrammings = sql<string>`case when w.type = 'initial' then (select count(*) from work_orders r
    where r.org_id = w.org_id and r.family_id = w.id and r.type = 'reprogramming') else 0 end`
  const withCounts = <O>(query: SelectQueryBuilder<ListDb, 'w', O>) =>
    query.select([
      done.as('done'),
      counted.as('counted'),
      end.as('family_end'),
      reprogrammings.as('reprogramming_count'),
      organizationSetting(orgId, 'workOrderDue').as('due_settings'),
    ])
  const ordered = <O>(query: SelectQueryBuilder<ListDb, 'w', O>) =>
    query
      .orderBy(orderExpr)
      // ties (e.g. a whole import shares one created_at): by number, then version
      .orderBy(sql`lower(w.number)`)
      .orderBy(sql`coalesce(w.reprogramming_number, 0)`)
      .orderBy('w.id')
  return { q, withCounts, ordered }
}

const withNumbers = <R extends { done: string; counted: string; reprogramming_count: string }>(r: R) => ({
  ...r,
  done: Number(r.done),
  counted: Number(r.counted),
  reprogramming_count: Number(r.reprogramming_count),
})

/**
 * A page of work orders with their step counts, family end and reprogramming count, the organization's due
 * thresholds, and the total, in one query. The counts are correlated subqueries on the page's rows (an index
 * look-up each), so a page reads its rows through the list index instead of aggregating every step of the
 * organization.
 */
export async function listWorkOrders(db: Executor, orgId: string, f: WorkOrderFilter) {
  const { q, withCounts, ordered } = listQuery(db, orgId, f)
  const count = q.select((eb) => eb.fn.countAll<string>().as('n'))
  const rows = await ordered(withCounts(q.selectAll('w')).select(listTotal(count)))
    .limit(f.limit)
    .offset(f.offset)
    .execute()
  const total = await pageTotal(rows, f, async () => Number((await count.executeTakeFirstOrThrow()).n))
  return { rows: withoutTotal(rows).map(withNumbers), total }
}

/** The ids of every work order matching the list's filters, in its order (an export walks them in batches). */
export async function listWorkOrderIds(db: Executor, orgId: string, f: WorkOrderExportFilter) {
  const { q, ordered } = listQuery(db, orgId, f)
  return (await ordered(q.select('w.id')).execute()).map((r) => r.id)
}

/** The list's rows (with step counts and the family's end) of one batch of ids, in any order. */
export async function listWorkOrdersByIds(
  db: Executor,
  orgId: string,
  f: WorkOrderExportFilter,
  ids: readonly string[],
) {
  if (ids.length === 0) return []
  const { withCounts } = listQuery(db, orgId, f)
  const rows = await withCounts(
    db
      .selectFrom('work_orders as w')
      .where('w.org_id', '=', orgId)
      .where('w.id', 'in', [...ids])
      .selectAll('w'),
  ).execute()
  return rows.map(withNumbers)
}

/**
 * A row of the list: the work order, its step counts, its family's end, its reprogrammings (an initial's) and
 * the organization's due thresholds setting (the same on every row).
 */
export type WorkOrderListRow = Awaited<ReturnType<typeof listWorkOrdersByIds>>[number]

// --- steps ---

export type StepInsert = {
  id: string
  work_order_id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status?: TStepStatus
  completed_date?: string | null
}

/** Steps of one or many work orders, in statements of 500 rows (a parent in the same statement as its children). */
export async function insertSteps(db: Executor, orgId: string, steps: readonly StepInsert[]) {
  // keep each work order's steps in one statement: the self-reference is checked at its end
  const byOrder = new Map<string, StepInsert[]>()
  for (const s of steps) byOrder.set(s.work_order_id, [...(byOrder.get(s.work_order_id) ?? []), s])
  let batch: StepInsert[] = []
  const flush = async () => {
    if (batch.length === 0) return
    await db
      .insertInto('work_order_steps')
      .values(batch.map((s) => ({ ...s, org_id: orgId })))
      .execute()
    batch = []
  }
  for (const group of byOrder.values()) {
    if (batch.length + group.length > CHUNK) await flush()
    batch.push(...group)
  }
  await flush()
}

export async function listSteps(db: Executor, orgId: string, workOrderId: string) {
  return db
    .selectFrom('work_order_steps')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function findStep(db: Executor, orgId: string, workOrderId: string, stepId: string) {
  return db
    .selectFrom('work_order_steps')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .where('id', '=', stepId)
    .executeTakeFirst()
}

export async function listSubStepStatuses(
  db: Executor,
  orgId: string,
  parentId: string,
): Promise<TStepStatus[]> {
  const rows = await db
    .selectFrom('work_order_steps')
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
  patch: Omit<Updateable<WorkOrderStepsTable>, 'id' | 'org_id' | 'work_order_id'> & { updated_at: Date },
) {
  return db
    .updateTable('work_order_steps')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', stepId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

// --- figures for the dashboards (insights module) ---

export type WorkOrderFactsFilter = {
  status?: TWorkOrderStatus | undefined
  clientId?: string | undefined
  frontId?: string | undefined
  /** any of the four site columns, as in `listWorkOrders` */
  siteId?: string | undefined
  /** programmed window overlapping [from, to], as in `listWorkOrders` */
  from?: string | undefined
  to?: string | undefined
  /** only the members of these families (the other filters still apply) */
  familyIds?: readonly string[] | undefined
  today: string
  closed: readonly TWorkOrderStatus[]
}

/**
 * The few columns the dashboards need of each work order matching the filters of `listWorkOrders` (same
 * window and overdue rules, so counts equal the totals of the list filtered the same way).
 */
export async function listWorkOrderFacts(db: Executor, orgId: string, f: WorkOrderFactsFilter) {
  if (f.familyIds && f.familyIds.length === 0) return []
  let q = db.selectFrom('work_orders as w').where('w.org_id', '=', orgId)
  if (f.status) q = q.where('w.status', '=', f.status)
  if (f.clientId) q = q.where('w.client_id', '=', f.clientId)
  if (f.frontId) q = q.where('w.front_id', '=', f.frontId)
  if (f.from) q = q.where(sql<string>`coalesce(w.planned_end, w.planned_start)`, '>=', f.from)
  if (f.to) q = q.where('w.planned_start', '<=', f.to)
  if (f.familyIds) q = q.where('w.family_id', 'in', [...f.familyIds])
  const siteId = f.siteId
  if (siteId) {
    q = q.where((eb) =>
      eb.or([
        eb('w.vessel_id', '=', siteId),
        eb('w.platform_id', '=', siteId),
        eb('w.yard_id', '=', siteId),
        eb('w.interconnection_id', '=', siteId),
      ]),
    )
  }
  const end = familyEndOf('w')
  return q
    .select((eb) => [
      'w.id',
      'w.family_id',
      'w.reprogramming_number',
      'w.status',
      'w.client_id',
      'w.front_id',
      'w.planned_start',
      eb.and([eb('w.status', 'not in', [...f.closed]), eb(end, '<', f.today)]).as('overdue'),
    ])
    .execute()
}

/**
 * Per project manager, of the steps that count (not cancelled) of the work orders not cancelled nor finished:
 * how many are done (completed or not applicable) — the weekly digest's progress of work-order steps (work-order
 * steps hold no documents of their own).
 */
export async function countStepProgressByManager(db: Executor, orgId: string) {
  return db
    .selectFrom('work_order_steps as s')
    .innerJoin('work_orders as w', 'w.id', 's.work_order_id')
    .innerJoin('project_managers as m', 'm.id', 'w.project_manager_id')
    .where('s.org_id', '=', orgId)
    .where('w.status', 'not in', ['cancelled', 'finished'])
    .where('s.status', '!=', 'cancelled')
    .groupBy(['m.id', 'm.name'])
    .select([
      'm.name',
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where s.status in ('completed', 'not_applicable'))`.as('done'),
    ])
    .orderBy('m.name')
    .execute()
}

/** The distinct users responsible for a step of these work orders (steps not cancelled). */
export async function stepResponsibleUserIds(
  db: Executor,
  orgId: string,
  workOrderIds: readonly string[],
): Promise<string[]> {
  if (workOrderIds.length === 0) return []
  const rows = await db
    .selectFrom('work_order_steps')
    .select('responsible_user_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('work_order_id', 'in', [...workOrderIds])
    .where('responsible_user_id', 'is not', null)
    .where('status', '!=', 'cancelled')
    .execute()
  return rows.map((r) => r.responsible_user_id!)
}
