import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZDailyStatusGrid,
  ZDailyStatusQuery,
  ZDailyStatusSaved,
  ZDailyStatusSaveRequest,
  ZDailyStatusUnlockRequest,
  ZDayStatusCatalog,
  ZDayStatusCatalogRequest,
  ZExcessReasonRequest,
  ZGridConceptAdded,
  ZGridConceptRequest,
  ZExcessReasonSaved,
  ZExchangeRateParams,
  ZExchangeRateRequest,
  ZExchangeRates,
  ZExchangeRatesQuery,
  ZProductionGrid,
  ZProductionGridQuery,
  ZProductionGridSaved,
  ZProductionGridSaveRequest,
  ZProductionSites,
  ZProductionSitesQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { langOf } from '../../platform/i18n/export-texts'
import { XLSX_MIME } from '../../platform/spreadsheet/spreadsheet'
import { gridFileName, writeGridWorkbook } from './production-grid-export'
import type { ProductionService } from './production.service'

const tags = ['production']

/** HTTP ↔ service for production (docs/production.md). Each route names the permission its use case enforces. */
export const productionRoutes: FastifyPluginAsyncZod<{ service: ProductionService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/v1/production/sites',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZProductionSitesQuery, response: { 200: ZProductionSites } },
    },
    async (req) => service.listSites(actorOf(req), req.query.month),
  )

  app.get(
    '/api/v1/production/day-statuses',
    { config: { permission: 'production.read' }, schema: { tags, response: { 200: ZDayStatusCatalog } } },
    async (req) => service.getDayStatusCatalog(actorOf(req)),
  )

  app.put(
    '/api/v1/production/day-statuses',
    {
      config: { permission: 'production.configure' },
      schema: { tags, body: ZDayStatusCatalogRequest, response: { 200: ZDayStatusCatalog } },
    },
    async (req) => service.saveDayStatusCatalog(actorOf(req), req.body),
  )

  app.get(
    '/api/v1/production/daily-status',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZDailyStatusQuery, response: { 200: ZDailyStatusGrid } },
    },
    async (req) => service.getDailyStatus(actorOf(req), req.query.siteId, req.query.month),
  )

  app.put(
    '/api/v1/production/daily-status',
    {
      config: { permission: 'production.capture' },
      schema: { tags, body: ZDailyStatusSaveRequest, response: { 200: ZDailyStatusSaved } },
    },
    async (req) => service.saveDailyStatus(actorOf(req), req.body),
  )

  app.post(
    '/api/v1/production/daily-status/unlock',
    {
      config: { permission: 'production.unlock' },
      schema: { tags, body: ZDailyStatusUnlockRequest, response: { 200: ZDailyStatusSaved } },
    },
    async (req) => service.unlockDay(actorOf(req), req.body),
  )

  app.get(
    '/api/v1/production/grid',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZProductionGridQuery, response: { 200: ZProductionGrid } },
    },
    async (req) => service.getGrid(actorOf(req), req.query),
  )

  app.get(
    '/api/v1/production/grid/export.xlsx',
    { config: { permission: 'production.read' }, schema: { tags, querystring: ZProductionGridQuery } },
    async (req, reply) => {
      const actor = actorOf(req)
      const grid = await service.getGrid(actor, req.query)
      const sites = await service.listSites(actor, req.query.month)
      const site = sites.items.find((s) => s.id === req.query.siteId)?.name ?? ''
      const lang = langOf(actor)
      const buf = await writeGridWorkbook(grid, site, lang)
      const name = gridFileName(grid, lang)
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(buf)
    },
  )

  app.put(
    '/api/v1/production/grid',
    {
      config: { permission: 'production.capture' },
      schema: { tags, body: ZProductionGridSaveRequest, response: { 200: ZProductionGridSaved } },
    },
    async (req) => service.saveGrid(actorOf(req), req.body),
  )

  app.post(
    '/api/v1/production/grid/concepts',
    {
      config: { permission: 'concept.import' },
      schema: { tags, body: ZGridConceptRequest, response: { 200: ZGridConceptAdded } },
    },
    async (req) => service.addGridConcept(actorOf(req), req.body),
  )

  app.put(
    '/api/v1/production/grid/excess-reason',
    {
      config: { permission: 'production.capture' },
      schema: { tags, body: ZExcessReasonRequest, response: { 200: ZExcessReasonSaved } },
    },
    async (req) => service.saveExcessReason(actorOf(req), req.body),
  )

  app.get(
    '/api/v1/production/exchange-rates',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZExchangeRatesQuery, response: { 200: ZExchangeRates } },
    },
    async (req) => service.listRates(actorOf(req), req.query),
  )

  app.put(
    '/api/v1/production/exchange-rates',
    {
      config: { permission: 'exchangeRate.manage' },
      schema: { tags, body: ZExchangeRateRequest, response: { 200: ZExchangeRates } },
    },
    async (req) => service.saveRate(actorOf(req), req.body),
  )

  app.delete(
    '/api/v1/production/exchange-rates/:validFrom',
    {
      config: { permission: 'exchangeRate.manage' },
      schema: { tags, params: ZExchangeRateParams, response: { 200: ZExchangeRates } },
    },
    async (req) => service.deleteRate(actorOf(req), req.params.validFrom),
  )
}
