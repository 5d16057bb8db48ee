import type { TFieldError } from '@faena/contracts'
import { fieldError, validationError } from '../../platform/errors'
import { addDays } from './billing-dates'
import { billingMessages as M } from './rental-billing.messages'

/**
 * The period of a sheet: which periods a new sheet may take (docs/rental-billing.md#creating-a-sheet) and
 * where the frozen periods of a project end (docs/rental-billing.md#frozen-periods). Pure, unit-tested.
 */

/** A liquidated or invoiced sheet of a project: its period is frozen. */
export type FrozenPeriod = {
  billingSheetId: string
  seriesCode: string
  seriesNumber: number
  status: 'liquidated' | 'invoiced'
  /** the status in words (Spanish, as the other messages) */
  statusLabel: string
  periodStart: string
  periodEnd: string
}

/** The first day after every frozen period of a project (null when none is frozen). */
export const firstOpenDay = (frozen: readonly FrozenPeriod[]): string | null =>
  frozen.length === 0
    ? null
    : addDays(
        frozen
          .map((f) => f.periodEnd)
          .sort()
          .at(-1)!,
        1,
      )

/**
 * 400 unless the period starts before it ends and, given the project, lies within the project's dates.
 */
export function checkPeriod(
  input: { periodStart: string; periodEnd: string },
  project?: { startDate: string; endDate: string | null },
): void {
  const errors: TFieldError[] = []
  if (input.periodStart >= input.periodEnd) errors.push(fieldError('periodEnd', M.periodEndBeforeStart()))
  if (project) {
    if (input.periodStart < project.startDate)
      errors.push(fieldError('periodStart', M.periodBeforeProject({ date: project.startDate })))
    if (project.endDate && input.periodEnd > project.endDate)
      errors.push(fieldError('periodEnd', M.periodAfterProject({ date: project.endDate })))
  }
  if (errors.length > 0) throw validationError(M.invalidPeriod(), errors)
}
