/** The estimates (estimaciones) module's only public entry (docs/estimates.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { estimateDocumentRoutes } from './estimate-reports.routes'
import type { EstimatesDeps } from './estimates.context'
import { estimatesRoutes } from './estimates.routes'
import { createEstimatesService } from './estimates.service'

export type { EstimateTables } from './estimates.tables'
export type { EstimatesDeps } from './estimates.context'
export { createEstimatesService, type EstimatesService } from './estimates.service'
/** production's billed-cell port (docs/estimates.md#billed-production-is-frozen), wired in services.ts */
export { billedCells } from './estimates.repository'
/** The cells approved estimates billed, for the dashboards' unbilled production. */
export { approvedEstimateCells, billedCellKey } from './billed-cells'

export function createEstimatesModule(deps: EstimatesDeps) {
  const service = createEstimatesService(deps)
  /** register with `app.register(estimates.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(estimatesRoutes, { service })
    await app.register(estimateDocumentRoutes, { service })
  }
  return { service, routes }
}
export type EstimatesModule = ReturnType<typeof createEstimatesModule>
