// Public entry of the schedules web module: no routes of its own; the work-orders detail page renders
// <ScheduleTab workOrderId> in its "Programa" tab and <ScheduleProgressTab workOrderId> in "Avance". Other modules import only from here.
import { lazyComponent } from '../../platform/lazy'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
export const ScheduleTab = lazyComponent('schedules', () => import('./schedule-tab'), 'ScheduleTab')
/** The work order's "Avance" tab: progress of the schedule in force, two truths, S-curves. */
export const ScheduleProgressTab = lazyComponent(
  'schedules',
  () => import('./progress-tab'),
  'ScheduleProgressTab',
)
