import type { TScheduleProgress } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor, type Permission } from '../../platform/access'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { schedulesMessages as M } from './schedules.messages'
import { createOrgToday } from '../../platform/tenancy/today'
import { getWorkOrderRef, type WorkOrderRef } from '../work-orders'
import { progressView } from './progress-view'
import * as prepo from './schedule-progress.repository'
import * as repo from './schedules.repository'

export type ScheduleProgressDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
}

export const MODULE = 'schedules'
export const ENTITY = 'schedule_progress'

/**
 * What every progress use case shares (the named dependencies of progress-recording.service.ts,
 * progress-reads.service.ts, progress-curves.service.ts and progress-export.service.ts): the database, the
 * clock and the organization's today, the work-order check and lock, the active version, the names of who
 * entered, and the progress of the active version as the API answers it.
 */
export type ScheduleProgressContext = ReturnType<typeof createScheduleProgressContext>

export function createScheduleProgressContext({ db, clock, timeZoneOf }: ScheduleProgressDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  async function requireWorkOrder(
    actor: Actor,
    workOrderId: string,
    permission: Permission,
  ): Promise<WorkOrderRef> {
    requireAccess(actor, permission)
    const wo = await getWorkOrderRef(db, actor.orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', M.workOrderNotFound())
    return wo
  }

  /** The work order locked for the transaction (its entries are recorded one save at a time). */
  async function lockWorkOrder(trx: Executor, actor: Actor, workOrderId: string): Promise<void> {
    const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
    if (!locked) throw new AppError('NOT_FOUND', M.workOrderNotFound())
  }

  async function requireActive(executor: Executor, orgId: string, workOrderId: string) {
    const version = await repo.findActiveVersion(executor, orgId, workOrderId)
    if (!version) throw new AppError('NOT_FOUND', M.noActiveSchedule())
    return version
  }

  async function names(executor: Executor, orgId: string, entries: readonly { entered_by: string | null }[]) {
    const ids = [...new Set(entries.map((e) => e.entered_by).filter((x): x is string => x !== null))]
    return new Map((await findUserNames(executor, orgId, ids)).map((u) => [u.id, u.name]))
  }

  /** The progress of the active version as of `asOf`, from the version's tasks and the work order's entries. */
  async function buildProgress(
    executor: Executor,
    orgId: string,
    workOrderId: string,
    asOf: string,
  ): Promise<TScheduleProgress> {
    const version = await requireActive(executor, orgId, workOrderId)
    const tasks = await repo.listTasks(executor, orgId, version.id)
    const entries = await prepo.listEntries(executor, orgId, workOrderId)
    const userNames = await names(executor, orgId, entries)
    const timeZone = await timeZoneOf(orgId)
    return progressView({ workOrderId, version, tasks, entries, userNames, asOf, timeZone })
  }

  return { db, today, userId, requireWorkOrder, lockWorkOrder, requireActive, names, buildProgress }
}
