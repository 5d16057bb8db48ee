/**
 * The insights module's only public entry: the dashboards of both lines of business and the weekly activity
 * digest (docs/insights.md). It reads the other modules through their index.ts; its only tables are the
 * digest's settings and runs.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dashboardMailRoutes } from './dashboard-mail.routes'
import { createDashboardMailService, type DashboardMailDeps } from './dashboard-mail.service'
import { digestRoutes } from './digest.routes'
import { createDigestService, type DigestServiceDeps } from './digest.service'
import { insightsRoutes } from './insights.routes'
import { createInsightsService, type InsightsServiceDeps } from './insights.service'

export { createInsightsService, type InsightsService, type InsightsServiceDeps } from './insights.service'
export { createDigestService, type DigestService } from './digest.service'
export type { DigestTables } from './digest.tables'

export function createInsightsModule(
  deps: InsightsServiceDeps & Pick<DigestServiceDeps, 'mail'> & Pick<DashboardMailDeps, 'files'>,
) {
  const service = createInsightsService(deps)
  const digest = createDigestService(deps)
  const dashboardMail = createDashboardMailService({ ...deps, insights: service })
  /** register with `app.register(insights.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(insightsRoutes, { insights: service })
    await app.register(digestRoutes, { digest })
    await app.register(dashboardMailRoutes, { dashboardMail })
  }
  return { service, digest, dashboardMail, routes }
}
export type InsightsModule = ReturnType<typeof createInsightsModule>
