/**
 * The closed-month lock (docs/production.md#monthly-report-and-close), one rule for the daily-status save, the
 * production-grid save and the excess-reason save, and for the reads that mark those days blocked (`closed`):
 * a closed monthly report locks that work order's month at every site.
 */
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { closedMonths } from './monthly-report.repository'
import { productionMessages as M } from './production.messages'

export const CLOSED = 'closed' as const

/** `workOrderId|YYYY-MM` of the closed months among these work orders and months (locked `FOR SHARE` in a transaction). */
export const closedMonthsOf = closedMonths

export async function isMonthClosed(
  ex: Executor,
  orgId: string,
  workOrderId: string,
  month: string,
): Promise<boolean> {
  return (await closedMonths(ex, orgId, [workOrderId], [month])).size > 0
}

/** Refuses a whole save that touches a day of a closed month: 409 naming the cells (`closed_month`). */
export function refuseClosedCells<C extends { date: string }>(cells: readonly C[], label: (c: C) => string) {
  if (cells.length === 0) return
  throw new AppError('CONFLICT', M.closedMonth({ cells: cells.slice(0, 20).map(label).join(', ') }), {
    reason: 'closed_month',
    cells,
  })
}
