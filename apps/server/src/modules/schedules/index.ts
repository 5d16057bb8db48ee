/**
 * The schedules module's only public entry: MS Project (MSPDI) schedules of a work order in versions — import,
 * active version as a task tree with dependencies, versions and their differences, and the progress of the
 * active version's tasks in two truths (contractor's real %, client's acknowledged %) with S-curves.
 * Rules: docs/schedules.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import { createScheduleProgressService } from './schedule-progress.service'
import { scheduleProgressRoutes } from './schedule-progress.routes'
import { schedulesRoutes } from './schedules.routes'
import { createSchedulesService, type FilesPort } from './schedules.service'

export type { ScheduleTables } from './schedules.tables'
export {
  createSchedulesService,
  type ImportScheduleOptions,
  type SchedulesService,
} from './schedules.service'
export { schedulesRoutes } from './schedules.routes'
export { MspdiError, parseMspdi, type MspdiSchedule } from './mspdi-parser'
export { isOle2, MppError, parseMpp, type MppErrorCode, type MppSchedule } from './mpp'

export { createScheduleProgressService, type ScheduleProgressService } from './schedule-progress.service'

export function createSchedulesModule(deps: {
  db: Db
  clock: () => Date
  files: FilesPort
  timeZoneOf: (orgId: string) => Promise<string>
}) {
  const service = createSchedulesService(deps)
  const progress = createScheduleProgressService(deps)
  /** register with `app.register(schedules.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(schedulesRoutes, { service })
    await app.register(scheduleProgressRoutes, { progress })
  }
  return { service, progress, routes }
}
export type SchedulesModule = ReturnType<typeof createSchedulesModule>
