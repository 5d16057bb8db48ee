/**
 * Pure rules of the production module (docs/production.md): the month's days, a family's validity window at a
 * site and the days it blocks. No database; unit-tested in production-rules.test.ts.
 */
import { datesBetween, lastDayOfMonth } from '@faena/domain/calendar-date'

/** The work-order facts the rules read (a subset of the work-orders module's WorkOrderRef). */
export type FamilyMember = {
  id: string
  type: 'initial' | 'reprogramming'
  status: string
  siteIds: {
    vesselId: string | null
    platformId: string | null
    yardId: string | null
    interconnectionId: string | null
  }
  plannedStart: string | null
  plannedEnd: string | null
  actualStart: string | null
  actualEnd: string | null
  requiresYardPhase: boolean
  yardStart: string | null
  yardEnd: string | null
}

/** Work orders in these statuses take no part in production (docs/production.md#rows-of-a-site). */
export const EXCLUDED_STATUSES: readonly string[] = ['cancelled', 'deferred_not_started']

/** `YYYY-MM` → its days `YYYY-MM-DD`, in order. */
export function monthDays(month: string): string[] {
  const first = `${month}-01`
  return datesBetween(first, lastDayOfMonth(first))
}
export const firstDay = (month: string) => `${month}-01`
export const lastDay = (month: string) => lastDayOfMonth(`${month}-01`)

const maxDate = (xs: (string | null)[]) =>
  xs.reduce<string | null>((m, x) => (x !== null && (m === null || x > m) ? x : m), null)

export const siteIdsOf = (m: FamilyMember) =>
  [m.siteIds.vesselId, m.siteIds.platformId, m.siteIds.yardId, m.siteIds.interconnectionId].filter(
    (x): x is string => x !== null,
  )

export type SiteWindow = { start: string | null; end: string | null; yardPhase: boolean }

/**
 * The family's validity window at a site (docs/production.md#validity-window), or null when the family does not
 * work at that site. Members in an excluded status do not count; the initial must not be excluded.
 * Main window: the initial's real start (else programmed start) to the latest end of the family's members
 * (real end, else programmed end). Yard window (the initial requires a yard phase and the site is a yard of the
 * family): the initial's yard start (else the main start) to the latest yard end of the family (else the main end).
 */
export function windowAtSite(members: readonly FamilyMember[], siteId: string): SiteWindow | null {
  const initial = members.find((m) => m.type === 'initial')
  if (!initial || EXCLUDED_STATUSES.includes(initial.status)) return null
  const live = members.filter((m) => !EXCLUDED_STATUSES.includes(m.status))
  if (!live.some((m) => siteIdsOf(m).includes(siteId))) return null
  const start = initial.actualStart ?? initial.plannedStart
  const end = maxDate(live.map((m) => m.actualEnd ?? m.plannedEnd))
  const isYard = live.some((m) => m.siteIds.yardId === siteId)
  if (initial.requiresYardPhase && isYard) {
    return {
      start: initial.yardStart ?? start,
      end: maxDate(live.map((m) => m.yardEnd)) ?? end,
      yardPhase: true,
    }
  }
  return { start, end, yardPhase: false }
}

/** Does the window touch the month? A missing bound is open. */
export function overlapsMonth(w: SiteWindow, month: string): boolean {
  return (w.start === null || w.start <= lastDay(month)) && (w.end === null || w.end >= firstDay(month))
}

export type OutsideReason = 'before_start' | 'after_end'
/** Why a day is outside the window, or null when inside. */
export function outsideWindow(w: SiteWindow, date: string): OutsideReason | null {
  if (w.start !== null && date < w.start) return 'before_start'
  if (w.end !== null && date > w.end) return 'after_end'
  return null
}

/** The sites a family works at (members not excluded). */
export function familySites(members: readonly FamilyMember[]): string[] {
  const initial = members.find((m) => m.type === 'initial')
  if (!initial || EXCLUDED_STATUSES.includes(initial.status)) return []
  return [
    ...new Set(members.filter((m) => !EXCLUDED_STATUSES.includes(m.status)).flatMap((m) => siteIdsOf(m))),
  ]
}
