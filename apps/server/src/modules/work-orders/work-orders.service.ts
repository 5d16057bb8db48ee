import type {
  TFamilyVersion,
  TWorkOrderDetail,
  TWorkOrderFamily,
  TWorkOrderListQuery,
  TWorkOrderSummary,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { projectManagerIdsOfUser } from '../catalogs'
import { proposalProgressPercent } from '../proposals'
import {
  CLOSED_WORK_ORDER_STATUSES,
  familyChanges,
  plainAmount,
  type FamilySnapshot,
} from './work-order-rules'
import { createWorkOrdersExport } from './work-orders-export'
import { importWorkOrderHistory } from './work-order-history-import'
import type { Executor } from '../../platform/db/executor'
import * as repo from './work-orders.repository'
import { createWorkOrderCreateUseCases } from './work-order-create.service'
import { createWorkOrderStepUseCases } from './work-order-steps.service'
import { createWorkOrderUpdateUseCases } from './work-order-update.service'
import {
  STEP_SETS,
  createWorkOrdersContext,
  dueThresholdsOf,
  type WorkOrdersServiceDeps,
} from './work-orders.context'

export type { FamilyVolumesPort, WorkOrdersServiceDeps } from './work-orders.context'
export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>
export type ListWorkOrdersOptions = TWorkOrderListQuery
type WorkOrderListFilters = Omit<TWorkOrderListQuery, 'limit' | 'offset'>

/**
 * The work-orders service: the reads here, the changes in work-order-create.service.ts and
 * work-order-update.service.ts, the historical import in work-order-history-import.ts, all on one shared
 * context (work-orders.context.ts).
 */
export function createWorkOrdersService(deps: WorkOrdersServiceDeps) {
  const ctx = createWorkOrdersContext(deps)
  const { db, familyVolumes, today, namesFor, toSummary, readDetail, loadVisible } = ctx

  async function getWorkOrder(actor: Actor, id: string): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.read')
    const day = await today(actor.orgId)
    return readDetail(db, actor, await loadVisible(db, actor, id), day)
  }

  /** "Assigned to me": the caller, and the project managers of the catalog linked to their account. */
  async function assigneeOf(actor: Actor, query: WorkOrderListFilters) {
    const userId = ctx.userId(actor)
    if (!query.assignedToMe || !userId) return { userId, projectManagerIds: [] }
    return { userId, projectManagerIds: await projectManagerIdsOfUser(db, actor.orgId, userId) }
  }

  /** The list's filters as the repository takes them (the caller's today, "assigned to me"). */
  async function listFilter<Q extends WorkOrderListFilters>(actor: Actor, query: Q, day: string) {
    return {
      ...query,
      ...STEP_SETS,
      today: day,
      closed: CLOSED_WORK_ORDER_STATUSES,
      assignee: await assigneeOf(actor, query),
    }
  }

  /**
   * Summaries of list rows: the rows carry their reprogramming counts and the due thresholds setting; the
   * names of what they reference take one more query.
   */
  async function summariesOf(orgId: string, rows: repo.WorkOrderListRow[], day: string) {
    if (rows.length === 0) return []
    const names = await namesFor(db, orgId, rows)
    const thresholds = dueThresholdsOf(rows[0]!.due_settings)
    return rows.map((r) =>
      toSummary(r, r, names, r.reprogramming_count, day, { familyEnd: r.family_end, thresholds }),
    )
  }

  async function listWorkOrders(
    actor: Actor,
    query: ListWorkOrdersOptions,
  ): Promise<{ items: TWorkOrderSummary[]; total: number }> {
    requireAccess(actor, 'workOrder.read')
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listWorkOrders(db, actor.orgId, await listFilter(actor, query, day))
    return { total, items: await summariesOf(actor.orgId, rows, day) }
  }

  // the list's export runs as a job (docs/jobs.md), defined now, before the server starts
  const { exportWorkOrders } = createWorkOrdersExport({
    jobs: deps.jobs,
    listIds: async (actor, filters) => {
      const day = await today(actor.orgId)
      const f = await listFilter(actor, filters, day)
      return { ids: await repo.listWorkOrderIds(db, actor.orgId, f), filter: f, day }
    },
    batch: async (actor, { filter, day }, ids) =>
      summariesOf(actor.orgId, await repo.listWorkOrdersByIds(db, actor.orgId, filter, ids), day),
  })

  /** The family of a work order side by side: each version with what changed from the one before. */
  async function getFamily(actor: Actor, id: string): Promise<TWorkOrderFamily> {
    requireAccess(actor, 'workOrder.read')
    const row = await loadVisible(db, actor, id)
    const members = await repo.listFamily(db, actor.orgId, row.family_id)
    const [counts, volumes] = await Promise.all([
      repo.stepCounts(
        db,
        actor.orgId,
        members.map((m) => m.id),
        STEP_SETS,
      ),
      familyVolumes(
        db,
        actor.orgId,
        members.map((m) => m.id),
      ),
    ])
    let previous: FamilySnapshot | null = null
    const versions: TFamilyVersion[] = members.map((m) => {
      const snap: FamilySnapshot = {
        officialDocument: m.official_document,
        status: m.status,
        durationDays: m.duration_days,
        plannedStart: m.planned_start,
        plannedEnd: m.planned_end,
        actualStart: m.actual_start,
        actualEnd: m.actual_end,
        amountMxn: plainAmount(m.amount_mxn),
        amountUsd: plainAmount(m.amount_usd),
      }
      const changes = familyChanges(previous, snap)
      previous = snap
      const c = counts.get(m.id) ?? { done: 0, counted: 0 }
      return {
        id: m.id,
        number: m.number,
        type: m.type,
        reprogrammingNumber: m.reprogramming_number,
        status: m.status,
        officialDocument: m.official_document,
        durationDays: m.duration_days,
        plannedStart: m.planned_start,
        plannedEnd: m.planned_end,
        actualStart: m.actual_start,
        actualEnd: m.actual_end,
        amountMxn: snap.amountMxn as string,
        amountUsd: snap.amountUsd as string,
        progress: proposalProgressPercent(c.done, c.counted),
        createdAt: m.created_at.toISOString(),
        changes,
        authorizedVolumes: volumes?.get(m.id) ?? null,
      }
    })
    const initial = members.find((m) => m.type === 'initial')
    return { familyId: row.family_id, number: initial?.number ?? row.number, versions }
  }

  // --- historical import (work-order-history-import.ts) ---

  const importHistory = (actor: Actor, bytes: Buffer) =>
    importWorkOrderHistory({ clock: ctx.clock, inTransaction: ctx.inTransaction }, actor, bytes)

  return {
    listWorkOrders,
    exportWorkOrders,
    getWorkOrder,
    getFamily,
    ...createWorkOrderCreateUseCases(ctx),
    ...createWorkOrderUpdateUseCases(ctx),
    ...createWorkOrderStepUseCases(ctx),
    importHistory,
  }
}

/**
 * Id, family, version, status, client, front, programmed start and overdue flag of the work orders matching
 * the list's filters (for the dashboards of the insights module). No access check here: the calling use case
 * has done it. `today` is the organization's.
 */
export async function listWorkOrderFacts(
  executor: Executor,
  orgId: string,
  filter: Omit<repo.WorkOrderFactsFilter, 'closed'>,
) {
  const rows = await repo.listWorkOrderFacts(executor, orgId, {
    ...filter,
    closed: CLOSED_WORK_ORDER_STATUSES,
  })
  return rows.map((r) => ({
    id: r.id,
    familyId: r.family_id,
    reprogrammingNumber: r.reprogramming_number,
    status: r.status,
    clientId: r.client_id,
    frontId: r.front_id,
    plannedStart: r.planned_start,
    overdue: Boolean(r.overdue),
  }))
}
