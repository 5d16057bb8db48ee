// Public entry of the schedules web module: no routes of its own; the work-orders detail page renders
// <ScheduleTab workOrderId> in its "Programa" tab. Other modules import only from here.
export { i18n } from './i18n'
export { ScheduleTab } from './schedule-tab'
