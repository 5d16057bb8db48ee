/**
 * Billed production is frozen (docs/production.md#billed-production): a production cell that an approved,
 * invoiced or paid estimate bills cannot be changed in the production grid, like a signed day. Production does
 * not read the estimates' tables: the answer comes through this port, a required constructor argument that
 * services.ts fills with the estimates module's `billedCells` (estimates imports production, never the reverse).
 */
import type { TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { productionMessages as M } from './production.messages'

/** The family's cells at a site, of a time type, in [from, to] that a billed estimate bills, with its number. */
export type BilledCellsPort = (
  ex: Executor,
  orgId: string,
  q: { familyId: string; siteId: string; timeType: TTimeType; from: string; to: string },
) => Promise<{ conceptId: string; date: string; estimateNumber: number }[]>

/** Refuses a whole save that changes a billed cell: 409 naming the cells and their estimate (`billed_cells`). */
export function refuseBilledCells(
  cells: readonly { conceptId: string; date: string; code: string; estimateNumber: number }[],
) {
  if (cells.length === 0) return
  throw new AppError(
    'CONFLICT',
    M.billedCells({
      cells: cells
        .slice(0, 20)
        .map((c) => `${c.code} ${c.date} (Estimación ${c.estimateNumber})`)
        .join(', '),
    }),
    { reason: 'billed_cells', cells },
  )
}
