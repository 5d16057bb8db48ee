/**
 * The insights module's only public entry: the dashboards of both lines of business, the weekly activity
 * digest (docs/insights.md) and the due and overdue notices (docs/platform.md#due-and-overdue). It reads the
 * other modules through their index.ts; its only tables are the digest's and the due notices' settings and runs.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dashboardMailRoutes } from './dashboard-mail.routes'
import { createDashboardMailService, type DashboardMailDeps } from './dashboard-mail.service'
import { digestRoutes } from './digest.routes'
import { createDigestService, type DigestServiceDeps } from './digest.service'
import { dueAlertsRoutes } from './due-alerts.routes'
import { createDueAlertsService, type DueAlertsDeps } from './due-alerts.service'
import type { DigestTables as DigestOnlyTables } from './digest.tables'
import type { DueAlertTables } from './due-alerts.tables'
import { insightsRoutes } from './insights.routes'
import { createInsightsService, type InsightsServiceDeps } from './insights.service'

export { createInsightsService, type InsightsService, type InsightsServiceDeps } from './insights.service'
export { createDigestService, type DigestService } from './digest.service'
export { createDueAlertsService, type DueAlertsService } from './due-alerts.service'
/** the module's tables: the weekly digest's and the due notices' */
export type DigestTables = DigestOnlyTables & DueAlertTables

export function createInsightsModule(
  deps: InsightsServiceDeps &
    Pick<DigestServiceDeps, 'mail'> &
    Pick<DashboardMailDeps, 'files'> &
    Pick<DueAlertsDeps, 'notify'>,
) {
  const service = createInsightsService(deps)
  const digest = createDigestService(deps)
  const dashboardMail = createDashboardMailService({ ...deps, insights: service })
  const dueAlerts = createDueAlertsService(deps)
  /** register with `app.register(insights.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(insightsRoutes, { insights: service })
    await app.register(digestRoutes, { digest })
    await app.register(dashboardMailRoutes, { dashboardMail })
    await app.register(dueAlertsRoutes, { dueAlerts })
  }
  return { service, digest, dashboardMail, dueAlerts, routes }
}
export type InsightsModule = ReturnType<typeof createInsightsModule>
