/**
 * The catalogs module's only public entry: clients, project managers, types, statuses, fronts, sites,
 * units of measure and the PTE / OT step templates of the offshore line.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
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
export { ensureNamedRecord, listActiveClients, listActiveFronts } from './catalog-lookup'

export function createCatalogsModule({ db, clock }: { db: Db; clock: () => Date }) {
  const service = createCatalogsService({ db, clock })
  /** register with `app.register(catalogs.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(catalogsRoutes, { service })
  }
  return { service, routes }
}
export type CatalogsModule = ReturnType<typeof createCatalogsModule>
