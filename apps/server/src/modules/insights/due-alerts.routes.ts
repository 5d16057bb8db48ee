import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZDueAlertSettings, ZDueAlertSettingsInput } from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { DueAlertsService } from './due-alerts.service'

const tags = ['insights']
const config = { permission: 'mail.configure' as const }

/** Due and overdue notices' setting (docs/platform.md#due-and-overdue): days before a delivery date. */
export const dueAlertsRoutes: FastifyPluginAsyncZod<{ dueAlerts: DueAlertsService }> = async (
  app,
  { dueAlerts },
) => {
  app.get(
    '/api/v1/insights/due-alerts/settings',
    { config, schema: { tags, response: { 200: ZDueAlertSettings } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await dueAlerts.getSettings(actorOf(req))),
  )
  app.put(
    '/api/v1/insights/due-alerts/settings',
    { config, schema: { tags, body: ZDueAlertSettingsInput, response: { 200: ZDueAlertSettings } } },
    async (req) => dueAlerts.saveSettings(actorOf(req), req.body),
  )
}
