import { createProgressCurveUseCases } from './progress-curves.service'
import { createProgressExportUseCases } from './progress-export.service'
import { createProgressReadUseCases } from './progress-reads.service'
import { createProgressRecordingUseCases } from './progress-recording.service'
import { createScheduleProgressContext, type ScheduleProgressDeps } from './schedule-progress.context'

export type { ScheduleProgressDeps } from './schedule-progress.context'

/**
 * The progress of a work order's active schedule in two truths: one use-case file per use case on one shared
 * context (schedule-progress.context.ts) — progress-recording.service.ts (save, acknowledge),
 * progress-reads.service.ts (progress, history), progress-curves.service.ts (S-curves), progress-export.service.ts
 * (workbook); the rules in progress-entries.ts, progress-view.ts and progress-rollup.ts (docs/schedules.md#progress-two-truths).
 */
export function createScheduleProgressService(deps: ScheduleProgressDeps) {
  const ctx = createScheduleProgressContext(deps)
  const reads = createProgressReadUseCases(ctx)
  const curves = createProgressCurveUseCases(ctx)
  const { getProgress, history } = reads
  const { saveProgress, acknowledge } = createProgressRecordingUseCases(ctx)
  const { exportWorkbook } = createProgressExportUseCases(ctx, { ...curves, history })
  return { getProgress, saveProgress, acknowledge, history, ...curves, exportWorkbook }
}

export type ScheduleProgressService = ReturnType<typeof createScheduleProgressService>
