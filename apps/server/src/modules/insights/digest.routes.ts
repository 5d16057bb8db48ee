import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZDigest,
  ZDigestPreviewQuery,
  ZDigestSent,
  ZDigestSettings,
  ZDigestSettingsInput,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { DigestService } from './digest.service'

const tags = ['insights']
const config = { permission: 'mail.configure' as const }

/** The weekly activity digest (docs/insights.md#weekly-digest): settings, preview, send now. */
export const digestRoutes: FastifyPluginAsyncZod<{ digest: DigestService }> = async (app, { digest }) => {
  app.get(
    '/api/v1/insights/digest/settings',
    { config, schema: { tags, response: { 200: ZDigestSettings } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await digest.getSettings(actorOf(req))),
  )
  app.put(
    '/api/v1/insights/digest/settings',
    { config, schema: { tags, body: ZDigestSettingsInput, response: { 200: ZDigestSettings } } },
    async (req) => digest.saveSettings(actorOf(req), req.body),
  )
  app.get(
    '/api/v1/insights/digest/preview',
    { config, schema: { tags, querystring: ZDigestPreviewQuery, response: { 200: ZDigest } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await digest.preview(actorOf(req), req.query)),
  )
  app.post(
    '/api/v1/insights/digest/send',
    { config, schema: { tags, response: { 202: ZDigestSent } } },
    async (req, reply) => reply.code(202).send(await digest.sendNow(actorOf(req))),
  )
}
