import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZEstimateParams,
  ZEstimateProgress,
  ZEstimateProgressQuery,
  ZUnbilledAging,
  ZUnbilledAgingQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { PDF_MIME } from '../../platform/pdf/pdf'
import { XLSX_MIME } from '../../platform/spreadsheet/spreadsheet'
import type { EstimatesService } from './estimates.service'

const tags = ['estimates']
const R = '/api/v1/estimates'
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** HTTP ↔ service for an estimate's documents and the estimate reports (docs/estimates.md#documents, #reports). */
export const estimateDocumentRoutes: FastifyPluginAsyncZod<{ service: EstimatesService }> = async (
  app,
  { service: s },
) => {
  const read = { permission: 'estimate.read' } as const
  app.get(`${R}/:id/pdf`, { config: read, schema: { tags, params: ZEstimateParams } }, async (req, reply) => {
    const { bytes, fileName } = await s.estimatePdfFile(actorOf(req), req.params.id)
    return reply
      .header('content-type', PDF_MIME)
      .header('content-disposition', attachment(fileName))
      .send(bytes)
  })
  app.get(
    `${R}/:id/xlsx`,
    { config: read, schema: { tags, params: ZEstimateParams } },
    async (req, reply) => {
      const { bytes, fileName } = await s.estimateWorkbookFile(actorOf(req), req.params.id)
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )
  app.get(
    `${R}/reports/unbilled-aging`,
    { config: read, schema: { tags, querystring: ZUnbilledAgingQuery, response: { 200: ZUnbilledAging } } },
    async (req) => s.unbilledAging(actorOf(req), req.query),
  )
  app.get(
    `${R}/reports/unbilled-aging.xlsx`,
    { config: read, schema: { tags, querystring: ZUnbilledAgingQuery } },
    async (req, reply) => {
      const { bytes, fileName } = await s.unbilledAgingWorkbook(actorOf(req), req.query)
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )
  app.get(
    `${R}/reports/progress`,
    {
      config: read,
      schema: { tags, querystring: ZEstimateProgressQuery, response: { 200: ZEstimateProgress } },
    },
    async (req) => s.estimateProgress(actorOf(req), req.query),
  )
}
