/**
 * The insights module's only public entry: the dashboards of both lines of business (docs/insights.md). It
 * owns no table; it reads the other modules through their index.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { insightsRoutes } from './insights.routes'
import { createInsightsService, type InsightsServiceDeps } from './insights.service'

export { createInsightsService, type InsightsService, type InsightsServiceDeps } from './insights.service'

export function createInsightsModule(deps: InsightsServiceDeps) {
  const service = createInsightsService(deps)
  /** register with `app.register(insights.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(insightsRoutes, { insights: service })
  }
  return { service, routes }
}
export type InsightsModule = ReturnType<typeof createInsightsModule>
