import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZOffshoreDashboard,
  ZOffshoreDashboardQuery,
  ZRentalDashboard,
  ZRentalDashboardQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { InsightsService } from './insights.service'

/**
 * The dashboards: `GET /api/v1/insights/offshore` (proposals and work orders read) and
 * `GET /api/v1/insights/rental` (rental read), each for organizations of that line (docs/insights.md#who-sees-what).
 */
export const insightsRoutes: FastifyPluginAsyncZod<{ insights: InsightsService }> = async (
  app,
  { insights },
) => {
  app.get(
    '/api/v1/insights/offshore',
    {
      config: { permission: 'workOrder.read' },
      schema: {
        tags: ['insights'],
        querystring: ZOffshoreDashboardQuery,
        response: { 200: ZOffshoreDashboard },
      },
    },
    async (req) => insights.offshoreDashboard({ actor: actorOf(req), query: req.query }),
  )
  app.get(
    '/api/v1/insights/rental',
    {
      config: { permission: 'rental.read' },
      schema: { tags: ['insights'], querystring: ZRentalDashboardQuery, response: { 200: ZRentalDashboard } },
    },
    async (req) => insights.rentalDashboard({ actor: actorOf(req), query: req.query }),
  )
}
