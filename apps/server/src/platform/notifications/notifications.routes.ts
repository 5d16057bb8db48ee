import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZIdParams,
  ZNotificationList,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZNotificationPreferencesInput,
  ZNotificationsMarked,
} from '@faena/contracts'
import { actorOf } from '../http/auth-hook'
import type { NotificationsService } from './notifications.service'

const tags = ['notifications']
const config = { permission: 'session' as const }

/** The caller's own notifications: any signed-in user, only their own (docs/platform.md#notifications). */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/v1/notifications',
    { config, schema: { tags, querystring: ZNotificationListQuery, response: { 200: ZNotificationList } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await notifications.list(actorOf(req), req.query)),
  )
  app.post(
    '/api/v1/notifications/:id/read',
    { config, schema: { tags, params: ZIdParams, response: { 200: ZNotificationsMarked } } },
    async (req) => notifications.markRead(actorOf(req), req.params.id),
  )
  app.get(
    '/api/v1/notifications/preferences',
    { config, schema: { tags, response: { 200: ZNotificationPreferences } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await notifications.getPreferences(actorOf(req))),
  )
  app.put(
    '/api/v1/notifications/preferences',
    {
      config,
      schema: { tags, body: ZNotificationPreferencesInput, response: { 200: ZNotificationPreferences } },
    },
    async (req) => notifications.savePreferences(actorOf(req), req.body),
  )
  app.post(
    '/api/v1/notifications/read-all',
    { config, schema: { tags, response: { 200: ZNotificationsMarked } } },
    async (req) => notifications.markRead(actorOf(req), null),
  )
}
