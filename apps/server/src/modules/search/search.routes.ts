import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZSearchQuery, ZSearchResult } from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { SearchService } from './search.service'

/**
 * `GET /api/v1/search?q=`: any signed-in user may search; the service answers only the kinds its role
 * may read (docs/search.md#who-sees-what).
 */
export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/api/v1/search',
    {
      config: { permission: 'session' },
      schema: { tags: ['search'], querystring: ZSearchQuery, response: { 200: ZSearchResult } },
    },
    async (req) => search.search({ actor: actorOf(req), query: req.query }),
  )
}
