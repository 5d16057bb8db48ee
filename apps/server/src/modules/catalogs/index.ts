/**
 * The catalogs module's only public entry: clients, project managers, types, statuses, fronts, sites,
 * units of measure and the PTE / OT step templates of the offshore line.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { createCatalogsExport } from './catalogs-export'
import { catalogsRoutes } from './catalogs.routes'
import { createCatalogsService } from './catalogs.service'

export type { CatalogTables } from './catalogs.tables'
export type {
  CatalogInput,
  CatalogList,
  CatalogPatch,
  CatalogRecord,
  CatalogsService,
  ReferenceIds,
  References,
  StepTemplateItem,
  StepTemplateKind,
  UnitRef,
} from './catalogs.service'
export { findUnitByKey, getReferences, listStepTemplates } from './catalogs.service'
export { linkedUsersOfProjectManagers, projectManagerIdsOfUser } from './catalogs.repository'
export { normalizeUnitKey } from './unit-key'
export { catalogReferenceSources, getNames, type CatalogNameIds, type CatalogNames } from './catalog-names'
export { seedDemoCatalogs } from './catalogs.seed'
export { CATALOGS_EXPORT_JOB } from './catalogs-export'
export { ensureNamedRecord, listActiveClients, listActiveFronts } from './catalog-lookup'

export function createCatalogsModule({
  db,
  clock,
  jobs,
}: {
  db: Db
  clock: () => Date
  /** the jobs platform: a catalog's export runs as a job (docs/jobs.md) */
  jobs: Pick<JobsService, 'define'>
}) {
  const service = createCatalogsService({ db, clock })
  // the lists' export runs as a job, defined now (before the server starts)
  const exports = createCatalogsExport({ db, jobs })
  /** register with `app.register(catalogs.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(catalogsRoutes, { service, exports })
  }
  return { service, routes }
}
export type CatalogsModule = ReturnType<typeof createCatalogsModule>
