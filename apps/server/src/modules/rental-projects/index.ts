/**
 * The rental projects module's only public entry: clients (RUC), projects, the equipment & services
 * catalog and its import, assignments and the maintenance calendar (docs/rental-projects.md).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { createRentalProjectsExports } from './rental-projects-export'
import { rentalProjectsRoutes } from './rental-projects.routes'
import { createRentalProjectsService, type RentalProjectsHooks } from './rental-projects.service'

export type { RentalProjectTables, StoredContact, StoredRate } from './rental-projects.tables'
export type {
  RentalProjectsHooks,
  RentalProjectsService,
  RentalProjectsServiceDeps,
} from './rental-projects.service'
export type { RentalAssignmentInfo } from './rental-projects.mapping'
export {
  countEquipment,
  findProjectIds,
  getAssignments,
  getClient,
  getEquipment,
  getProject,
  getProjects,
  listAssignments,
  listEquipmentAssignmentWindows,
  listEquipmentUnits,
} from './rental-projects.read'
export { seedDemoRentalProjects } from './rental-projects.seed'
export { rentalProjectsReferenceSources } from './rental-projects.repository'
export { checkRuc, type RucCheck, type RucKind } from './ruc'

/**
 * Builds the service and its routes. `hooks` (billing recomputation, frozen periods, the document and
 * sheet guards) are required: services.ts builds rental-billing first and hands its ports over.
 */
export function createRentalProjectsModule(deps: {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  hooks: RentalProjectsHooks
  jobs: Pick<JobsService, 'define'>
}) {
  const service = createRentalProjectsService(deps)
  // the lists' exports run as jobs, defined now (before the server starts)
  const exports = createRentalProjectsExports(deps)
  /** register with `app.register(rentalProjects.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(rentalProjectsRoutes, { service, exports })
  }
  return { service, routes }
}
export type RentalProjectsModule = ReturnType<typeof createRentalProjectsModule>
/** equipment condition and availability as the exports and reports write them */
export {
  AVAILABILITY_ES as equipmentAvailabilityEs,
  CONDITION_ES as equipmentConditionEs,
} from './rental-projects-export'
export { RENTAL_PROJECTS_EXPORT_JOBS } from './rental-projects-export'
/** equipment types as the exports and reports write them */
export { TYPE_LABELS_ES as equipmentTypeEs } from './assignment-rules'
