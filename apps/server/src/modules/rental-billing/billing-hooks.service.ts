import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { documentLocked, periodLocked } from './rental-billing.messages'
import * as repo from './rental-billing.repository'
import { LOCKED_PERIOD_STATUSES, statusLabel } from './sheet-lifecycle'
import type { FrozenPeriod } from './sheet-period'
import type { RecomputeOptions, RecomputingContext } from './sheet-recomputation'

export type AssertPeriodOpenOptions = {
  projectId: string
  date?: string | null
  dates?: readonly (string | null | undefined)[]
  /** the sheet that bills the document, when it is linked to one */
  sheetId?: string | null
}

export type DocumentChangedOptions = {
  projectId: string
  date?: string | null
  dates?: readonly (string | null | undefined)[]
  /** the input a 400 names when the sheet's totals would not fit (docs/rental-billing.md#amount-limits) */
  field?: string
}

/**
 * What the other rental modules call inside their own transaction (index.ts hands them over as their
 * ports): the recomputation after their changes, the frozen periods and the guards
 * (docs/rental-billing.md#eager-recomputation, docs/rental-billing.md#frozen-periods).
 */
export function createBillingHooks(ctx: RecomputingContext) {
  const { recomputeOpenSheets } = ctx

  /** rental-projects' hook: an assignment of the project was created, edited, retired, reactivated or deleted. */
  async function onAssignmentsChanged(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: RecomputeOptions = {},
  ): Promise<void> {
    await recomputeOpenSheets(trx, actor, { ...opts, projectId, trigger: 'assignments' })
  }

  /**
   * rental-projects' guard data: the liquidated and invoiced sheets of a project (their periods are frozen:
   * an assignment change that alters what they bill is refused or takes effect from the first open day,
   * docs/rental-billing.md#frozen-periods).
   */
  async function frozenPeriods(trx: Executor, orgId: string, projectId: string): Promise<FrozenPeriod[]> {
    const rows = await repo.listProjectSheets(trx, orgId, projectId, { statuses: LOCKED_PERIOD_STATUSES })
    return rows.map((s) => ({
      billingSheetId: s.id,
      seriesCode: s.series_code,
      seriesNumber: s.series_number,
      status: s.status as 'liquidated' | 'invoiced',
      statusLabel: statusLabel(s.status),
      periodStart: s.period_start,
      periodEnd: s.period_end,
    }))
  }

  /**
   * rental-documents' guard: a document dated inside the period of a liquidated or invoiced sheet cannot be
   * created, edited, moved or voided (409). Cancelled sheets bill nothing and lock nothing.
   */
  async function assertPeriodOpen(trx: Executor, actor: Actor, opts: AssertPeriodOpenOptions): Promise<void> {
    if (opts.sheetId) {
      const billedBy = await repo.findSheet(trx, actor.orgId, opts.sheetId)
      if (billedBy && LOCKED_PERIOD_STATUSES.includes(billedBy.status)) {
        throw new AppError('INVALID_STATE', documentLocked(billedBy.status, billedBy.series_code), {
          billingSheetId: billedBy.id,
          seriesCode: billedBy.series_code,
          status: billedBy.status,
        })
      }
    }
    const dates = [opts.date, ...(opts.dates ?? [])].filter((d): d is string => typeof d === 'string')
    const locked = await repo.sheetsCoveringDates(
      trx,
      actor.orgId,
      opts.projectId,
      dates,
      LOCKED_PERIOD_STATUSES,
    )
    const first = locked[0]
    if (first) {
      throw new AppError(
        'INVALID_STATE',
        periodLocked(first.status, {
          code: first.series_code,
          start: first.period_start,
          end: first.period_end,
        }),
        { billingSheetId: first.id, seriesCode: first.series_code, status: first.status },
      )
    }
  }

  /** rental-documents' hook: a document changed (dates = its date before and after the change). */
  async function afterDocumentChanged(
    trx: Executor,
    actor: Actor,
    opts: DocumentChangedOptions,
  ): Promise<void> {
    await recomputeOpenSheets(trx, actor, { ...opts, trigger: 'documents' })
  }

  /** rental-projects' guard for closing a project: is a sheet of it in progress? */
  async function hasSheetInProgress(trx: Executor, orgId: string, projectId: string): Promise<boolean> {
    const open = await repo.listProjectSheets(trx, orgId, projectId, { statuses: ['in_progress'] })
    return open.length > 0
  }

  return {
    recomputeOpenSheets,
    onAssignmentsChanged,
    frozenPeriods,
    assertPeriodOpen,
    afterDocumentChanged,
    hasSheetInProgress,
    /** rental-documents' `billing` port */
    billingPort: { assertPeriodOpen, afterDocumentChanged },
  }
}
