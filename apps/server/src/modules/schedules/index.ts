/**
 * The schedules module's only public entry: MS Project (MSPDI) schedules of a work order in versions — import,
 * active version as a task tree with dependencies, versions and their differences. Rules: docs/schedules.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
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

export function createSchedulesModule(deps: { db: Db; clock: () => Date; files: FilesPort }) {
  const service = createSchedulesService(deps)
  /** register with `app.register(schedules.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(schedulesRoutes, { service })
  }
  return { service, routes }
}
export type SchedulesModule = ReturnType<typeof createSchedulesModule>
