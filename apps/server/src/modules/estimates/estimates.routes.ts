import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZEstimate,
  ZEstimateAdjustmentParams,
  ZEstimateAdjustmentRequest,
  ZEstimateCreateRequest,
  ZEstimateInvoiceRequest,
  ZEstimateList,
  ZEstimateListQuery,
  ZEstimateParams,
  ZEstimatePayRequest,
  ZEstimateReturnRequest,
  ZEstimateSelectionRequest,
  ZEstimateSettings,
  ZEstimateSettingsParams,
  ZEstimateSettingsRequest,
  ZEstimateSubmitRequest,
  ZUnbilled,
  ZUnbilledQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { EstimatesService } from './estimates.service'

const tags = ['estimates']
const R = '/api/v1/estimates'
const ONE = `${R}/:id`

/** HTTP ↔ service for estimates (docs/estimates.md#api); rules and finer permission checks are the service's. */
export const estimatesRoutes: FastifyPluginAsyncZod<{ service: EstimatesService }> = async (
  app,
  { service: s },
) => {
  const read = { permission: 'estimate.read' } as const
  const manage = { permission: 'estimate.manage' } as const
  app.get(
    R,
    { config: read, schema: { tags, querystring: ZEstimateListQuery, response: { 200: ZEstimateList } } },
    async (req) => s.listEstimates(actorOf(req), req.query),
  )
  app.post(
    R,
    { config: manage, schema: { tags, body: ZEstimateCreateRequest, response: { 201: ZEstimate } } },
    async (req, reply) => reply.code(201).send(await s.createEstimate(actorOf(req), req.body)),
  )
  app.get(
    `${R}/unbilled`,
    { config: read, schema: { tags, querystring: ZUnbilledQuery, response: { 200: ZUnbilled } } },
    async (req) => s.unbilled(actorOf(req), req.query),
  )
  app.get(
    `${R}/settings/:workOrderId`,
    { config: read, schema: { tags, params: ZEstimateSettingsParams, response: { 200: ZEstimateSettings } } },
    async (req) => s.getSettings(actorOf(req), req.params.workOrderId),
  )
  app.put(
    `${R}/settings/:workOrderId`,
    {
      config: manage,
      schema: {
        tags,
        params: ZEstimateSettingsParams,
        body: ZEstimateSettingsRequest,
        response: { 200: ZEstimateSettings },
      },
    },
    async (req) => s.saveSettings(actorOf(req), req.params.workOrderId, req.body),
  )
  app.get(
    ONE,
    { config: read, schema: { tags, params: ZEstimateParams, response: { 200: ZEstimate } } },
    async (req) => s.getEstimate(actorOf(req), req.params.id),
  )
  app.put(
    `${ONE}/selection`,
    {
      config: manage,
      schema: {
        tags,
        params: ZEstimateParams,
        body: ZEstimateSelectionRequest,
        response: { 200: ZEstimate },
      },
    },
    async (req) => s.saveSelection(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${ONE}/adjustments`,
    {
      config: manage,
      schema: {
        tags,
        params: ZEstimateParams,
        body: ZEstimateAdjustmentRequest,
        response: { 201: ZEstimate },
      },
    },
    async (req, reply) => reply.code(201).send(await s.addAdjustment(actorOf(req), req.params.id, req.body)),
  )
  app.delete(
    `${ONE}/adjustments/:adjustmentId`,
    { config: manage, schema: { tags, params: ZEstimateAdjustmentParams, response: { 200: ZEstimate } } },
    async (req) => s.removeAdjustment(actorOf(req), req.params.id, req.params.adjustmentId),
  )
  app.post(
    `${ONE}/review`,
    { config: manage, schema: { tags, params: ZEstimateParams, response: { 200: ZEstimate } } },
    async (req) => s.review(actorOf(req), req.params.id),
  )
  app.post(
    `${ONE}/submit`,
    {
      config: manage,
      schema: {
        tags,
        params: ZEstimateParams,
        body: ZEstimateSubmitRequest.optional(),
        response: { 200: ZEstimate },
      },
    },
    async (req) => s.submit(actorOf(req), req.params.id, req.body ?? {}),
  )
  app.post(
    `${ONE}/approve`,
    {
      config: { permission: 'estimate.approve' },
      schema: { tags, params: ZEstimateParams, response: { 200: ZEstimate } },
    },
    async (req) => s.approve(actorOf(req), req.params.id),
  )
  app.post(
    `${ONE}/return`,
    {
      config: manage,
      schema: { tags, params: ZEstimateParams, body: ZEstimateReturnRequest, response: { 200: ZEstimate } },
    },
    async (req) => s.returnToDraft(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${ONE}/invoice`,
    {
      config: { permission: 'estimate.approve' },
      schema: { tags, params: ZEstimateParams, body: ZEstimateInvoiceRequest, response: { 200: ZEstimate } },
    },
    async (req) => s.invoice(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${ONE}/pay`,
    {
      config: { permission: 'estimate.approve' },
      schema: { tags, params: ZEstimateParams, body: ZEstimatePayRequest, response: { 200: ZEstimate } },
    },
    async (req) => s.pay(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${ONE}/cancel`,
    { config: manage, schema: { tags, params: ZEstimateParams, response: { 200: ZEstimate } } },
    async (req) => s.cancel(actorOf(req), req.params.id),
  )
}
