/**
 * What the due and overdue notices read of work orders (docs/platform.md#due-and-overdue), through index.ts:
 * the steps still to do (not completed, not applicable, not cancelled) with a delivery date on or before `until`
 * of open work orders (not finished or cancelled), and the open families whose end (the programmed end of the
 * latest version that has one, docs/work-orders.md#due-bands) is on or before `until` — one row per family, its
 * latest version.
 */
import { dueStepOf, STEP_STATUSES_NOT_TO_DO } from '@faena/domain'
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'
import { CLOSED_WORK_ORDER_STATUSES } from './work-order-rules'

const numberOf = (r: { number: string; type: string; reprogramming_number: number | null }) =>
  r.type === 'reprogramming' ? `${r.number} R${r.reprogramming_number}` : r.number

export type DueWorkOrderStep = {
  stepId: string
  stepName: string
  dueDate: string
  responsibleUserId: string | null
  workOrderId: string
  number: string
  description: string
  projectManagerId: string
}

export async function listDueWorkOrderSteps(
  ex: Executor,
  orgId: string,
  until: string,
): Promise<DueWorkOrderStep[]> {
  const rows = await ex
    .selectFrom('work_order_steps as s')
    .innerJoin('work_orders as w', 'w.id', 's.work_order_id')
    .select([
      's.id',
      's.name',
      's.delivery_date',
      's.responsible_user_id',
      'w.id as work_order_id',
      'w.number',
      'w.type',
      'w.reprogramming_number',
      'w.description',
      'w.project_manager_id',
    ])
    .where('s.org_id', '=', orgId)
    .where('w.org_id', '=', orgId)
    .where('w.status', 'not in', [...CLOSED_WORK_ORDER_STATUSES])
    .where('s.status', 'not in', [...STEP_STATUSES_NOT_TO_DO])
    .where('s.delivery_date', 'is not', null)
    .where('s.delivery_date', '<=', until)
    .orderBy('s.delivery_date')
    .execute()
  return rows.map((r) => ({
    ...dueStepOf(r),
    workOrderId: r.work_order_id,
    number: numberOf(r),
    description: r.description,
    projectManagerId: r.project_manager_id,
  }))
}

export type DueWorkOrder = {
  workOrderId: string
  number: string
  description: string
  dueDate: string
  projectManagerId: string
}

/** Open families ending on or before `until`: their latest version (highest reprogramming number). */
export async function listDueWorkOrders(ex: Executor, orgId: string, until: string): Promise<DueWorkOrder[]> {
  const rows = await ex
    .selectFrom('work_orders as w')
    .select([
      'w.id',
      'w.number',
      'w.type',
      'w.reprogramming_number',
      'w.description',
      'w.project_manager_id',
      sql<string>`(select f.planned_end from work_orders f
        where f.org_id = w.org_id and f.family_id = w.family_id and f.planned_end is not null
        order by coalesce(f.reprogramming_number, 0) desc limit 1)`.as('family_end'),
    ])
    .where('w.org_id', '=', orgId)
    .where('w.status', 'not in', [...CLOSED_WORK_ORDER_STATUSES])
    // the latest version of its family
    .where(
      sql<boolean>`not exists (select 1 from work_orders n where n.org_id = w.org_id
        and n.family_id = w.family_id
        and coalesce(n.reprogramming_number, 0) > coalesce(w.reprogramming_number, 0))`,
    )
    .execute()
  return rows
    .filter((r) => r.family_end !== null && r.family_end <= until)
    .map((r) => ({
      workOrderId: r.id,
      number: numberOf(r),
      description: r.description,
      dueDate: r.family_end,
      projectManagerId: r.project_manager_id,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
}
