import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZMonthlyReport,
  ZMonthlyReportFileParams,
  ZMonthlyReportLinkRequest,
  ZMonthlyReportList,
  ZMonthlyReportListQuery,
  ZMonthlyReportParams,
  ZMonthlyReportReopenRequest,
  ZMonthlyReportStatusRequest,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import type { ProductionService } from './production.service'

const tags = ['production']
const R = '/api/v1/production/monthly-reports'
const ONE = `${R}/:workOrderId/:month`

/**
 * HTTP ↔ service for the monthly report and its close (docs/production.md#monthly-report-and-close). The
 * status route needs `production.capture`; closing or sending back also needs `production.close` (checked by
 * the use case), reopening `production.reopen`.
 */
export const monthlyReportRoutes: FastifyPluginAsyncZod<{ service: ProductionService }> = async (
  app,
  { service: s },
) => {
  app.get(
    R,
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZMonthlyReportListQuery, response: { 200: ZMonthlyReportList } },
    },
    async (req) => s.listMonthlyReports(actorOf(req), req.query.siteId, req.query.month),
  )
  app.get(
    ONE,
    {
      config: { permission: 'production.read' },
      schema: { tags, params: ZMonthlyReportParams, response: { 200: ZMonthlyReport } },
    },
    async (req) => s.getMonthlyReport(actorOf(req), req.params.workOrderId, req.params.month),
  )
  app.put(
    `${ONE}/status`,
    {
      config: { permission: 'production.capture' },
      schema: {
        tags,
        params: ZMonthlyReportParams,
        body: ZMonthlyReportStatusRequest,
        response: { 200: ZMonthlyReport },
      },
    },
    async (req) =>
      s.setMonthlyReportStatus(actorOf(req), req.params.workOrderId, req.params.month, req.body.status),
  )
  app.post(
    `${ONE}/reopen`,
    {
      config: { permission: 'production.reopen' },
      schema: {
        tags,
        params: ZMonthlyReportParams,
        body: ZMonthlyReportReopenRequest,
        response: { 200: ZMonthlyReport },
      },
    },
    async (req) => s.reopenMonth(actorOf(req), req.params.workOrderId, req.params.month, req.body.reason),
  )
  app.post(
    `${ONE}/files`,
    {
      config: { permission: 'production.capture' },
      schema: {
        tags,
        params: ZMonthlyReportParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZMonthlyReport },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await s.addMonthlyReportFile(actorOf(req), req.params.workOrderId, req.params.month, () =>
            readUpload(req),
          ),
        ),
  )
  app.post(
    `${ONE}/links`,
    {
      config: { permission: 'production.capture' },
      schema: {
        tags,
        params: ZMonthlyReportParams,
        body: ZMonthlyReportLinkRequest,
        response: { 201: ZMonthlyReport },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await s.addMonthlyReportLink(actorOf(req), req.params.workOrderId, req.params.month, req.body)),
  )
  app.delete(
    `${ONE}/files/:fileId`,
    {
      config: { permission: 'production.capture' },
      schema: { tags, params: ZMonthlyReportFileParams, response: { 200: ZMonthlyReport } },
    },
    async (req) =>
      s.removeMonthlyReportFile(actorOf(req), req.params.workOrderId, req.params.month, req.params.fileId),
  )
}
