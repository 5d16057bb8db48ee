import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZDashboardEmailed, ZOffshoreDashboardEmail, ZRentalDashboardEmail } from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { DashboardMailService } from './dashboard-mail.service'

const tags = ['insights']
const config = { permission: 'mail.send' as const }

/** E-mail a dashboard as filtered (docs/insights.md#e-mailing-a-dashboard); the dashboard's own read rules apply too. */
export const dashboardMailRoutes: FastifyPluginAsyncZod<{ dashboardMail: DashboardMailService }> = async (
  app,
  { dashboardMail },
) => {
  app.post(
    '/api/v1/insights/offshore/email',
    { config, schema: { tags, body: ZOffshoreDashboardEmail, response: { 202: ZDashboardEmailed } } },
    async (req, reply) => reply.code(202).send(await dashboardMail.emailOffshore(actorOf(req), req.body)),
  )
  app.post(
    '/api/v1/insights/rental/email',
    { config, schema: { tags, body: ZRentalDashboardEmail, response: { 202: ZDashboardEmailed } } },
    async (req, reply) => reply.code(202).send(await dashboardMail.emailRental(actorOf(req), req.body)),
  )
}
