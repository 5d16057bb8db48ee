import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZMailMessageList,
  ZMailMessageListQuery,
  ZMailQueued,
  ZMailSettings,
  ZMailSettingsInput,
  ZMailSettingsState,
  ZMailTestRequest,
} from '@faena/contracts'
import { actorOf } from '../http/auth-hook'
import type { MailService } from './mail.service'

const tags = ['mail']
const config = { permission: 'mail.configure' as const }

/** The organization's outgoing e-mail, for admins (docs/mail.md): settings, test e-mail, the log. */
export const mailRoutes: FastifyPluginAsyncZod<{ mail: MailService }> = async (app, { mail }) => {
  app.get(
    '/api/v1/settings/mail',
    { config, schema: { tags, response: { 200: ZMailSettingsState } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await mail.getSettings(actorOf(req))),
  )
  app.put(
    '/api/v1/settings/mail',
    { config, schema: { tags, body: ZMailSettingsInput, response: { 200: ZMailSettings } } },
    async (req) => mail.saveSettings(actorOf(req), req.body),
  )
  app.post(
    '/api/v1/settings/mail/test',
    { config, schema: { tags, body: ZMailTestRequest, response: { 202: ZMailQueued } } },
    async (req, reply) => reply.code(202).send(await mail.sendTest(actorOf(req), req.body.to)),
  )
  app.get(
    '/api/v1/settings/mail/messages',
    { config, schema: { tags, querystring: ZMailMessageListQuery, response: { 200: ZMailMessageList } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await mail.listMessages(actorOf(req), req.query)),
  )
}
