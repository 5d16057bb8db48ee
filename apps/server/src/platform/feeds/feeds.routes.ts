import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZApiToken,
  ZApiTokenCreate,
  ZApiTokenCreated,
  ZApiTokenList,
  ZFeedDatasets,
  ZFeedQuery,
  ZIdParams,
} from '@faena/contracts'
import { actorOf, requestMeta } from '../http/auth-hook'
import { AppError } from '../errors'
import { feedsMessages as M } from './feeds.messages'
import type { FeedsService } from './feeds.service'

const tags = ['feeds']
const admin = { permission: 'apiToken.manage' as const }

/**
 * Tokens for admins, and one read-only route per dataset for BI tools (docs/feeds.md). The dataset routes
 * take no session: the auth hook reads `Authorization: Bearer <token>` for them (`permission: 'feed'`).
 */
export const feedsRoutes: FastifyPluginAsyncZod<{ feeds: FeedsService }> = async (app, { feeds }) => {
  app.get(
    '/api/v1/admin/feed-datasets',
    { config: admin, schema: { tags, response: { 200: ZFeedDatasets } } },
    async (req) => feeds.listDatasets(actorOf(req)),
  )
  app.get(
    '/api/v1/admin/api-tokens',
    { config: admin, schema: { tags, response: { 200: ZApiTokenList } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await feeds.listTokens(actorOf(req))),
  )
  app.post(
    '/api/v1/admin/api-tokens',
    { config: admin, schema: { tags, body: ZApiTokenCreate, response: { 201: ZApiTokenCreated } } },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await feeds.createToken(actorOf(req), req.body)),
  )
  app.delete(
    '/api/v1/admin/api-tokens/:id',
    { config: admin, schema: { tags, params: ZIdParams, response: { 200: ZApiToken } } },
    async (req) => feeds.revokeToken(actorOf(req), req.params.id),
  )
  for (const name of feeds.datasetNames()) {
    app.get(
      `/api/v1/feeds/${name}`,
      {
        config: { permission: 'feed' },
        schema: { tags, querystring: ZFeedQuery, security: [{ bearerAuth: [] }] },
      },
      async (req, reply) => {
        if (!req.feedCaller) throw new AppError('UNAUTHENTICATED', M.missingToken())
        const page = await feeds.read(req.feedCaller, name, req.query, requestMeta(req))
        return reply
          .header('content-type', page.contentType)
          .header('cache-control', 'no-store')
          .header('x-total-count', String(page.total))
          .send(page.body)
      },
    )
  }
}
