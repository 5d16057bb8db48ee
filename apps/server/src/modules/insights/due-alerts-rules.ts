/**
 * Pure rules of the due and overdue notices (docs/platform.md#due-and-overdue): which notice a delivery date
 * gives on the organization's day, who receives it, and when the daily scan runs.
 */
import { addDays } from '@faena/domain/calendar-date'
import { localClock } from './digest-rules'

/** The hour of the organization's day from which the daily scan runs (the first tick at or after it). */
export const DUE_ALERT_HOUR = 7
export const DEFAULT_DAYS_BEFORE = 3

export type DueKind = 'deadline.due_soon' | 'deadline.overdue'

/** Overdue: before today; due soon: today up to today + `daysBefore`; else nothing. */
export function dueKindOf(dueDate: string, today: string, daysBefore: number): DueKind | null {
  if (dueDate < today) return 'deadline.overdue'
  if (dueDate <= addDays(today, daysBefore)) return 'deadline.due_soon'
  return null
}

/** The last delivery date the scan reads. */
export const scanUntil = (today: string, daysBefore: number) => addDays(today, daysBefore)

/** Is the scan due at `now`: at or after DUE_ALERT_HOUR of the organization's day? Answers that day. */
export function scanDay(now: Date, timeZone: string): string | null {
  const local = localClock(now, timeZone)
  return local.hour >= DUE_ALERT_HOUR ? local.date : null
}

/**
 * Who is told: the step's responsible user; else the project manager's linked user; else (null) the managers.
 * A work order (no step) goes to its project manager's linked user, else the managers.
 */
export function recipientOf(
  responsibleUserId: string | null,
  managerUserId: string | undefined,
): string | null {
  return responsibleUserId ?? managerUserId ?? null
}

/**
 * The key that makes a notice once per item and kind: a step or work order is announced due soon once and
 * overdue once for a delivery date (a new date is announced again), whatever the number of ticks.
 */
export const dueKey = (kind: DueKind, item: string, id: string, dueDate: string) =>
  `${kind}:${item}:${id}:${dueDate}`
