import type { Actor } from '../../platform/access'
import { langOf } from '../../platform/i18n/export-texts'
import type { createProgressCurveUseCases } from './progress-curves.service'
import type { createProgressReadUseCases } from './progress-reads.service'
import type { ScheduleProgressContext } from './schedule-progress.context'
import { writeProgressWorkbook } from './schedule-progress-export'

/** The workbook's file name, before the work order's number. */
const FILE = { es: 'avance', en: 'progress' } as const

/** The reads the workbook is made of. */
export type ProgressExportSources = Pick<ReturnType<typeof createProgressReadUseCases>, 'history'> &
  ReturnType<typeof createProgressCurveUseCases>

/** The progress workbook of a work order (docs/schedules.md#progress-two-truths). */
export function createProgressExportUseCases(ctx: ScheduleProgressContext, sources: ProgressExportSources) {
  const { db, today, requireWorkOrder, buildProgress } = ctx
  const { curve, familyCurve, history } = sources

  /**
   * The active schedule with both truths, its S-curve, the family's curves and the history, as a workbook in
   * `asked` (else the requester's language).
   */
  async function exportWorkbook(actor: Actor, workOrderId: string, asked?: 'es' | 'en') {
    const lang = asked ?? langOf(actor)
    const wo = await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const asOf = await today(actor.orgId)
    const progress = await buildProgress(db, actor.orgId, workOrderId, asOf)
    const [weekly, family, hist] = [
      await curve(actor, workOrderId, 'week'),
      await familyCurve(actor, workOrderId, 'week'),
      await history(actor, workOrderId, { limit: 100_000, offset: 0 }),
    ]
    const bytes = await writeProgressWorkbook({
      lang,
      workOrderNumber: wo.number,
      progress,
      curve: weekly,
      family,
      history: hist,
    })
    return { bytes, fileName: `${FILE[lang]}-${wo.number}.xlsx` }
  }

  return { exportWorkbook }
}
