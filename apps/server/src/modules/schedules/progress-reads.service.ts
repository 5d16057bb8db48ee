import type { TScheduleProgress, TScheduleProgressHistory } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Kind } from './progress-entries'
import type { ScheduleProgressContext } from './schedule-progress.context'
import * as prepo from './schedule-progress.repository'

export type ProgressHistoryOptions = {
  taskUid?: number | undefined
  kind?: Kind | undefined
  limit: number
  offset: number
}

/** Reading progress: the active version's progress today, and the history of entries. */
export function createProgressReadUseCases(ctx: ScheduleProgressContext) {
  const { db, today, requireWorkOrder, names, buildProgress } = ctx

  async function getProgress(actor: Actor, workOrderId: string): Promise<TScheduleProgress> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    return buildProgress(db, actor.orgId, workOrderId, await today(actor.orgId))
  }

  async function history(
    actor: Actor,
    workOrderId: string,
    q: ProgressHistoryOptions,
  ): Promise<TScheduleProgressHistory> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const { rows, total } = await prepo.listHistory(db, actor.orgId, workOrderId, q)
    const userNames = await names(db, actor.orgId, rows)
    return {
      total,
      items: rows.map((e) => ({
        id: e.id,
        taskUid: e.task_uid,
        taskName: e.task_name,
        kind: e.kind,
        percent: e.percent,
        previousPercent: e.previous_percent,
        date: e.progress_date,
        comment: e.comment,
        source: e.source,
        version: e.version,
        enteredBy: e.entered_by ? { id: e.entered_by, name: userNames.get(e.entered_by) ?? '' } : null,
        enteredAt: e.entered_at.toISOString(),
      })),
    }
  }

  return { getProgress, history }
}
