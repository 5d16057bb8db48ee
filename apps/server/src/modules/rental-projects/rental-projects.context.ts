import { isSystemActor, type Actor } from '../../platform/access'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { createOrgToday } from '../../platform/tenancy/today'
import { firstOpenDay, type BilledTerms, type FrozenPeriod } from '../rental-billing'
import { touchedPeriod } from './frozen-periods'
import * as repo from './rental-projects.repository'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * The ports the other rental modules give this one, every one required (built in services.ts before this
 * service: rental-billing's service, rental-documents' read function). They run inside the caller's
 * transaction and must use only `trx`.
 */
export type RentalProjectsHooks = {
  /** after any change of a project's assignments (create, edit, retire, reactivate, delete, project close) */
  onAssignmentsChanged(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts?: { confirmDropManualDays?: boolean; field?: string },
  ): Promise<void>
  /** the liquidated and invoiced billing sheets of the project (their periods are frozen) */
  frozenPeriods(trx: Executor, orgId: string, projectId: string): Promise<FrozenPeriod[]>
  /** do field documents (custody chains, maintenance sheets…) or frozen billing lines reference it? */
  hasDocumentsForAssignment(trx: Executor, orgId: string, assignmentId: string): Promise<boolean>
  /** the live custody chains (number, activity date) that attended an assignment */
  chainsOfAssignment(
    trx: Executor,
    orgId: string,
    assignmentId: string,
  ): Promise<{ number: number; activityDate: string }[]>
  /** is a billing sheet of the project in progress? (a project cannot close while one is) */
  hasSheetInProgress(trx: Executor, orgId: string, projectId: string): Promise<boolean>
}

export type RentalProjectsServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  hooks: RentalProjectsHooks
}

export const MODULE = 'rental-projects'

export const isUniqueViolation = (err: unknown, constraint?: string) =>
  typeof err === 'object' &&
  err !== null &&
  'code' in err &&
  err.code === '23505' &&
  (!constraint ||
    ('constraint' in err && err.constraint === constraint) ||
    String((err as { message?: string }).message).includes(constraint))

export const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === '' ? null : v)
/**
 * What every use case of the module shares (the named dependencies of clients.service.ts, projects.service.ts,
 * equipment.service.ts, equipment-import.service.ts, assignments.service.ts and calendar.service.ts): the
 * database, the clock and the ports, the organization's "today", one transaction helper, the frozen-period
 * guard, and the loaders more than one aggregate needs.
 */
export type RentalProjectsContext = ReturnType<typeof createRentalProjectsContext>

export function createRentalProjectsContext({ db, clock, timeZoneOf, hooks }: RentalProjectsServiceDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** One transaction, with "today" resolved before it opens (the time-zone lookup uses `db`). */
  async function inTransaction<T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>): Promise<T> {
    const day = await today(actor.orgId)
    return db.transaction().execute((trx) => fn(trx, day))
  }

  const assignmentsChanged = async (
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: { confirmDropManualDays?: boolean | undefined; field?: string } = {},
  ) => {
    await hooks.onAssignmentsChanged(trx, actor, projectId, {
      ...(opts.confirmDropManualDays ? { confirmDropManualDays: true } : {}),
      ...(opts.field ? { field: opts.field } : {}),
    })
  }
  const frozenOf = (trx: Executor, orgId: string, projectId: string) =>
    hooks.frozenPeriods(trx, orgId, projectId)

  /**
   * 409 for a change that alters what a liquidated or invoiced sheet billed
   * (docs/rental-projects.md#frozen-billing-periods); `details.reason = 'frozenPeriod'` lets the screen offer
   * "from the first open day", unless that choice was already made and cannot apply.
   */
  function frozenConflict(f: FrozenPeriod, open: string, triedOpenDay = false) {
    const p = { code: f.seriesCode, start: f.periodStart, end: f.periodEnd, open }
    return new AppError(
      'CONFLICT',
      triedOpenDay
        ? (f.status === 'liquidated' ? M.frozenOpenDayLiquidated : M.frozenOpenDayInvoiced)(p)
        : (f.status === 'liquidated' ? M.frozenLiquidated : M.frozenInvoiced)(p),
      {
        reason: 'frozenPeriod',
        billingSheetId: f.billingSheetId,
        seriesCode: f.seriesCode,
        seriesNumber: f.seriesNumber,
        status: f.status,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        firstOpenDay: open,
        firstOpenDayPossible: !triedOpenDay,
      },
    )
  }

  /**
   * Checks a change against the project's frozen periods. Untouched → the change as asked. Touched
   * without `firstOpenDay` → 409. With it → `adjust(open)` gives the change from the first open day, which
   * must leave every frozen period as it was (else 409 saying it cannot apply).
   */
  async function guardFrozen<T>(
    trx: Executor,
    actor: Actor,
    projectId: string,
    change: {
      before: BilledTerms | null
      after: T
      terms: (v: T) => BilledTerms | null
      effectiveFrom: 'firstOpenDay' | undefined
      adjust: (v: T, open: string) => T
    },
  ): Promise<{ value: T; open: string | null; adjusted: boolean }> {
    const frozen = await frozenOf(trx, actor.orgId, projectId)
    const open = firstOpenDay(frozen)
    const hit = touchedPeriod(frozen, change.before, change.terms(change.after))
    if (!hit || !open) return { value: change.after, open, adjusted: false }
    if (change.effectiveFrom !== 'firstOpenDay') throw frozenConflict(hit, open)
    const value = change.adjust(change.after, open)
    const still = touchedPeriod(frozen, change.before, change.terms(value))
    if (still) throw frozenConflict(still, open, true)
    return { value, open, adjusted: true }
  }
  const hasDocuments = (trx: Executor, orgId: string, assignmentId: string) =>
    hooks.hasDocumentsForAssignment(trx, orgId, assignmentId)

  /**
   * A service bills the custody chains dated inside its operating window; a window that shrinks past a live
   * chain would leave that visit unbilled without a word. 409 naming the chains (cancel or move them first).
   */
  async function assertChainsInside(
    trx: Executor,
    actor: Actor,
    a: { id: string; kind: string; equipment_code?: string },
    window: { start: string; end: string | null },
  ) {
    if (a.kind !== 'service') return
    const outside = (await hooks.chainsOfAssignment(trx, actor.orgId, a.id)).filter(
      (c) => c.activityDate < window.start || (window.end !== null && c.activityDate > window.end),
    )
    if (outside.length === 0) return
    const [one] = outside
    const code = a.equipment_code ?? ''
    const number = (c: { number: number }) => String(c.number).padStart(6, '0')
    const chains = outside.map((c) => `N.º ${number(c)} del ${c.activityDate}`).join(', ')
    const end = window.end
    throw new AppError(
      'CONFLICT',
      outside.length === 1 && one
        ? end
          ? M.chainOutsideBetween({
              code,
              start: window.start,
              end,
              number: number(one),
              date: one.activityDate,
            })
          : M.chainOutsideSince({ code, start: window.start, number: number(one), date: one.activityDate })
        : end
          ? M.chainsOutsideBetween({ code, start: window.start, end, chains })
          : M.chainsOutsideSince({ code, start: window.start, chains }),
      {
        reason: 'chainsOutsideWindow',
        assignmentId: a.id,
        chains: outside,
      },
    )
  }

  async function loadProject(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findProject(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', M.projectNotFound())
    return row
  }

  const assertOpen = (p: repo.ProjectRow) => {
    if (p.closed) {
      throw new AppError('INVALID_STATE', M.projectClosed({ project: p.name }), {
        projectId: p.id,
        closedOn: p.closed_on,
      })
    }
  }

  async function loadEquipment(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findEquipment(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', M.equipmentNotFound())
    return row
  }

  async function releaseUnit(trx: Executor, actor: Actor, equipmentId: string, projectId: string) {
    const unit = await repo.findEquipment(trx, actor.orgId, equipmentId, { forUpdate: true })
    if (unit && unit.current_project_id === projectId) {
      await repo.updateEquipment(trx, actor.orgId, equipmentId, {
        availability: 'available',
        current_project_id: null,
        updated_at: clock(),
      })
    }
  }

  return {
    db,
    clock,
    hooks,
    today,
    userId,
    inTransaction,
    assignmentsChanged,
    frozenOf,
    frozenConflict,
    guardFrozen,
    hasDocuments,
    assertChainsInside,
    loadProject,
    assertOpen,
    loadEquipment,
    releaseUnit,
  }
}
