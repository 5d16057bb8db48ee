import type {
  TProgressAcknowledgeInput,
  TScheduleProgressInput,
  TScheduleProgressSaved,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { schedulesMessages as M } from './schedules.messages'
import {
  groupEntries,
  plannedAcknowledgements,
  plannedEntries,
  progressItemErrors,
  type PlannedEntries,
} from './progress-entries'
import { ENTITY, MODULE, type ScheduleProgressContext } from './schedule-progress.context'
import * as prepo from './schedule-progress.repository'
import * as repo from './schedules.repository'

export type SaveProgressOptions = TScheduleProgressInput
export type AcknowledgeOptions = TProgressAcknowledgeInput

/**
 * Recording progress on the active version's leaf tasks: entries of either truth, and the client's
 * acknowledgement of the contractor's progress up to a date (docs/schedules.md#progress-two-truths). Which
 * entries are recorded is decided in progress-entries.ts.
 */
export function createProgressRecordingUseCases(ctx: ScheduleProgressContext) {
  const { db, today, userId, requireWorkOrder, lockWorkOrder, requireActive, buildProgress } = ctx

  /** Writes the planned entries and their audit row (nothing when there are none). */
  async function record(
    trx: Executor,
    actor: Actor,
    action: 'schedule.progress_recorded' | 'schedule.progress_acknowledged',
    planned: Pick<PlannedEntries, 'rows' | 'changes'>,
    data: Record<string, unknown> & { workOrderId: string },
  ) {
    if (planned.rows.length === 0) return
    await prepo.insertEntries(trx, actor.orgId, planned.rows)
    await writeAudit(trx, actor, {
      action,
      module: MODULE,
      entityType: ENTITY,
      entityId: data.workOrderId,
      changes: planned.changes,
      data,
    })
  }

  /**
   * Records entries of either truth on leaf tasks of the active version. Every refusal names its field
   * (`items.3.realPercent`); nothing is written unless every item is acceptable. An item equal to the current
   * value (same %, date and comment) writes nothing.
   */
  async function saveProgress(
    actor: Actor,
    workOrderId: string,
    input: SaveProgressOptions,
  ): Promise<TScheduleProgressSaved> {
    const wo = await requireWorkOrder(actor, workOrderId, 'schedule.progress')
    if (input.items.some((i) => i.clientPercent !== undefined)) requireAccess(actor, 'schedule.acknowledge')
    const asOf = await today(actor.orgId)
    const { saved, unchanged } = await db.transaction().execute(async (trx) => {
      await lockWorkOrder(trx, actor, workOrderId)
      const version = await requireActive(trx, actor.orgId, workOrderId)
      const tasks = await repo.listTasks(trx, actor.orgId, version.id)
      const details = progressItemErrors(input.items, tasks, asOf)
      const first = details[0]
      if (first)
        throw new AppError(
          'VALIDATION',
          first.key ? { key: first.key, params: first.params ?? {} } : first.message,
          details,
        )

      const grouped = groupEntries(await prepo.listEntries(trx, actor.orgId, workOrderId))
      const { rows, changes, unchanged } = plannedEntries(input.items, tasks, grouped, {
        workOrderId,
        versionId: version.id,
        enteredBy: userId(actor),
      })
      await record(
        trx,
        actor,
        'schedule.progress_recorded',
        { rows, changes },
        {
          workOrderId,
          workOrderNumber: wo.number,
          versionId: version.id,
          version: version.version,
          entries: rows.length,
        },
      )
      return { saved: rows.length, unchanged }
    })
    return { saved, unchanged, progress: await buildProgress(db, actor.orgId, workOrderId, asOf) }
  }

  /**
   * The client acknowledges the contractor's progress up to a date: on every leaf of the active version whose
   * real % as of `upTo` differs from the client's current %, a client entry with that %, dated `upTo`. A task
   * the client already acknowledged at a later date is left alone.
   */
  async function acknowledge(
    actor: Actor,
    workOrderId: string,
    input: AcknowledgeOptions,
  ): Promise<TScheduleProgressSaved> {
    const wo = await requireWorkOrder(actor, workOrderId, 'schedule.acknowledge')
    const asOf = await today(actor.orgId)
    if (input.upTo > asOf) {
      throw new AppError('VALIDATION', M.dateAfterToday({ today: asOf }), [
        fieldError('upTo', M.dateAfterToday({ today: asOf })),
      ])
    }
    const comment = input.comment?.trim() || null
    const { saved, unchanged } = await db.transaction().execute(async (trx) => {
      await lockWorkOrder(trx, actor, workOrderId)
      const version = await requireActive(trx, actor.orgId, workOrderId)
      const tasks = await repo.listTasks(trx, actor.orgId, version.id)
      const grouped = groupEntries(await prepo.listEntries(trx, actor.orgId, workOrderId))
      const { rows, changes, unchanged } = plannedAcknowledgements(
        tasks,
        grouped,
        { upTo: input.upTo, comment },
        { workOrderId, versionId: version.id, enteredBy: userId(actor) },
      )
      await record(
        trx,
        actor,
        'schedule.progress_acknowledged',
        { rows, changes },
        {
          workOrderId,
          workOrderNumber: wo.number,
          versionId: version.id,
          version: version.version,
          upTo: input.upTo,
          entries: rows.length,
          ...(comment ? { comment } : {}),
        },
      )
      return { saved: rows.length, unchanged }
    })
    return { saved, unchanged, progress: await buildProgress(db, actor.orgId, workOrderId, asOf) }
  }

  return { saveProgress, acknowledge }
}
