/** The production module's only public entry (docs/production.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ProductionDeps } from './production.context'
import { productionRoutes } from './production.routes'
import { createProductionService } from './production.service'

export type { ProductionTables } from './production.tables'
export type { ProductionDeps } from './production.context'
export { createProductionService, type ProductionService } from './production.service'
export { productionReferenceSources } from './production.repository'

export function createProductionModule(deps: ProductionDeps) {
  const service = createProductionService(deps)
  /** register with `app.register(production.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(productionRoutes, { service })
  }
  return { service, routes }
}
export type ProductionModule = ReturnType<typeof createProductionModule>
