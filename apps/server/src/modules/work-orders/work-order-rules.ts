import Decimal from 'decimal.js'
import type {
  TFieldError,
  TSiteKind,
  TStepStatus,
  TWorkOrderDueBand,
  TWorkOrderDueThresholds,
  TWorkOrderStatus,
} from '@faena/contracts'
import { WORK_ORDER_REASON_STATUSES } from '@faena/contracts'
import { daysBetween, inclusiveDays } from '@faena/domain/calendar-date'
import { fieldError } from '../../platform/errors'
import type { Message } from '../../platform/i18n/messages'
import { frontRefuses, siteMustBe, workOrdersMessages as M } from './work-orders.messages'

/**
 * The pure rules of work orders (docs/work-orders.md), without a database: time progress, the real-end
 * stamp of "finished", the front → site columns, date order and what changed between two versions.
 */

/** Calendar days from `start` to `end` counting both (2025-01-01 → 2025-01-01 is 1); `start` plus `days` days. */
export { addDays, inclusiveDays } from '@faena/domain/calendar-date'

/** Statuses that end the countdown: a finished or cancelled work order is never overdue. */
export const CLOSED_WORK_ORDER_STATUSES = [
  'finished',
  'cancelled',
] as const satisfies readonly TWorkOrderStatus[]

export type DueSignal = { remainingDays: number | null; overdue: boolean; dueBand: TWorkOrderDueBand | null }

/**
 * Days left to the family's end and its band (docs/work-orders.md#due-bands): remaining = end − today in
 * calendar days (0 on the last day, negative past it); past the end → `overdue`; ≤ `urgentDays` → `urgent`;
 * ≤ `soonDays` → `soon`. Nothing for a finished or cancelled work order, or without an end.
 */
export function dueSignal(opts: {
  status: TWorkOrderStatus
  familyEnd: string | null
  today: string
  thresholds: TWorkOrderDueThresholds
}): DueSignal {
  const closed = (CLOSED_WORK_ORDER_STATUSES as readonly string[]).includes(opts.status)
  if (closed || !opts.familyEnd) return { remainingDays: null, overdue: false, dueBand: null }
  const remainingDays = daysBetween(opts.today, opts.familyEnd)
  const dueBand: TWorkOrderDueBand | null =
    remainingDays < 0
      ? 'overdue'
      : remainingDays <= opts.thresholds.urgentDays
        ? 'urgent'
        : remainingDays <= opts.thresholds.soonDays
          ? 'soon'
          : null
  return { remainingDays, overdue: remainingDays < 0, dueBand }
}

/**
 * Time progress of the programmed window (docs/work-orders.md#time-progress), in integers:
 *   window = end − start + 1 days; before start → 0; after end → 100;
 *   otherwise trunc((today − start) × 100 ÷ window).
 * Null without both dates or when the end is before the start.
 */
export function timeProgress(start: string | null, end: string | null, today: string): number | null {
  if (!start || !end) return null
  const window = inclusiveDays(start, end)
  if (window <= 0) return null
  if (today < start) return 0
  if (today > end) return 100
  const elapsed = daysBetween(start, today)
  return Math.floor((elapsed * 100) / window)
}

/**
 * The real end after a status change (docs/work-orders.md#statuses):
 * entering `finished` stamps it (the date given, else today); leaving `finished` clears it unless a date is
 * given; otherwise the given date, or the current one.
 */
export function actualEndAfter(opts: {
  from: TWorkOrderStatus
  to: TWorkOrderStatus
  current: string | null
  /** undefined = not in the request; null = cleared */
  given: string | null | undefined
  today: string
}): string | null {
  const { from, to, current, given, today } = opts
  if (to === 'finished' && from !== 'finished') return given ?? today
  if (from === 'finished' && to !== 'finished') return given ?? null
  return given === undefined ? current : given
}

export const reasonRequired = (status: TWorkOrderStatus): boolean =>
  (WORK_ORDER_REASON_STATUSES as readonly TWorkOrderStatus[]).includes(status)

/** end ≥ start for each given pair, as field errors on the end. */
export function checkDateOrder(
  pairs: { start: string | null; end: string | null; endPath: string; message: Message }[],
): TFieldError[] {
  return pairs.filter((p) => p.start && p.end && p.end < p.start).map((p) => fieldError(p.endPath, p.message))
}

export const SITE_COLUMNS = [
  { path: 'vesselId', kind: 'vessel' },
  { path: 'platformId', kind: 'platform' },
  { path: 'yardId', kind: 'yard' },
  { path: 'interconnectionId', kind: 'interconnection' },
] as const satisfies readonly { path: string; kind: TSiteKind }[]
export type SitePath = (typeof SITE_COLUMNS)[number]['path']

/**
 * Front and sites (docs/work-orders.md#front-and-sites): a site needs a front; each column holds a site of its kind; the front's
 * `siteKinds` say which columns it allows. The yard phase needs the yard, a front that allows one, and
 * start ≤ end.
 * `sites` are the looked-up records of the ids given (an id not found is inactive or of another organization).
 */
export function checkFrontAndSites(input: {
  frontId: string | null
  front: { siteKinds: readonly TSiteKind[] } | undefined
  siteIds: Record<SitePath, string | null>
  sites: readonly { id: string; kind: TSiteKind }[]
  requiresYardPhase: boolean
  yardStart: string | null
  yardEnd: string | null
}): TFieldError[] {
  const errors: TFieldError[] = []
  const { frontId, front, siteIds } = input
  if (frontId && !front) errors.push(fieldError('frontId', M.frontInactive()))
  for (const col of SITE_COLUMNS) {
    const id = siteIds[col.path]
    if (!id) continue
    const site = input.sites.find((s) => s.id === id)
    if (!site) errors.push(fieldError(col.path, M.siteInactive()))
    else if (site.kind !== col.kind) errors.push(fieldError(col.path, siteMustBe(col.kind)))
    else if (!frontId) errors.push(fieldError('frontId', M.frontBeforeSites()))
    else if (front && !front.siteKinds.includes(col.kind)) {
      errors.push(fieldError(col.path, frontRefuses(col.kind)))
    }
  }
  if (input.requiresYardPhase) {
    if (!siteIds.yardId) errors.push(fieldError('yardId', M.yardPhaseNeedsYard()))
    if (front && !front.siteKinds.includes('yard')) {
      errors.push(fieldError('requiresYardPhase', M.frontNoYardPhase()))
    }
  }
  errors.push(
    ...checkDateOrder([
      {
        start: input.yardStart,
        end: input.yardEnd,
        endPath: 'yardEnd',
        message: M.yardEndBeforeStart(),
      },
    ]),
  )
  // one message per path
  return errors.filter((e, i) => errors.findIndex((x) => x.path === e.path) === i)
}

/** The fields the family view compares between consecutive versions. */
export const FAMILY_FIELDS = [
  'officialDocument',
  'status',
  'durationDays',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'amountMxn',
  'amountUsd',
] as const
export type FamilyField = (typeof FAMILY_FIELDS)[number]
export type FamilySnapshot = Record<FamilyField, string | number | null>

const AMOUNT_FIELDS: readonly FamilyField[] = ['amountMxn', 'amountUsd']

/** What differs from the previous version; amounts compare as decimals (`100.50` = `100.5`). */
export function familyChanges(
  previous: FamilySnapshot | null,
  current: FamilySnapshot,
): { field: FamilyField; previous: string | number | null; current: string | number | null }[] {
  if (!previous) return []
  return FAMILY_FIELDS.filter((f) => {
    const a = previous[f]
    const b = current[f]
    if (AMOUNT_FIELDS.includes(f) && a !== null && b !== null) return !new Decimal(a).eq(b)
    return a !== b
  }).map((f) => ({ field: f, previous: previous[f], current: current[f] }))
}

/** A decimal string without insignificant zeros (`135177954.896000` → `135177954.896`, `0.000000` → `0`). */
export const plainAmount = (v: string): string => new Decimal(v).toFixed()

/**
 * Steps of a historical work order take their status from the work order's (as the old import script did):
 * finished → completed; cancelled → cancelled; assigned, deferred, in execution, to cancel → in progress;
 * deferred not started, suspended → pending.
 */
export function historyStepStatus(status: TWorkOrderStatus): TStepStatus {
  switch (status) {
    case 'finished':
      return 'completed'
    case 'cancelled':
      return 'cancelled'
    case 'assigned':
    case 'deferred':
    case 'in_execution':
    case 'to_cancel':
      return 'in_progress'
    case 'deferred_not_started':
    case 'suspended':
      return 'pending'
  }
}
