import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ZCreateReprogrammingRequest,
  ZCreateWorkOrderFromProposalRequest,
  ZCreateWorkOrderRequest,
  ZIdParams,
  ZJobRun,
  ZUpdateStepRequest,
  ZUpdateWorkOrderRequest,
  ZWorkOrderDetail,
  ZWorkOrderExportRequest,
  ZWorkOrderFamily,
  ZWorkOrderImportResult,
  ZWorkOrderList,
  ZWorkOrderListQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { WorkOrdersService } from './work-orders.service'

const ZStepParams = ZIdParams.extend({ stepId: z.uuid() })
const tags = ['work-orders']

/** HTTP ↔ service for work orders (OT). Each route names the permission its use case enforces. */
export const workOrdersRoutes: FastifyPluginAsyncZod<{ workOrders: WorkOrdersService }> = async (
  app,
  { workOrders },
) => {
  app.get(
    '/api/v1/work-orders',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, querystring: ZWorkOrderListQuery, response: { 200: ZWorkOrderList } },
    },
    async (req) => workOrders.listWorkOrders(actorOf(req), req.query),
  )

  app.post(
    '/api/v1/work-orders/export',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, body: ZWorkOrderExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => replyAccepted(reply, await workOrders.exportWorkOrders(actorOf(req), req.body)),
  )

  app.post(
    '/api/v1/work-orders',
    {
      config: { permission: 'workOrder.create' },
      schema: { tags, body: ZCreateWorkOrderRequest, response: { 201: ZWorkOrderDetail } },
    },
    async (req, reply) => reply.status(201).send(await workOrders.createWorkOrder(actorOf(req), req.body)),
  )

  app.post(
    '/api/v1/work-orders/import',
    {
      config: { permission: 'workOrder.import' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZWorkOrderImportResult } },
    },
    async (req) => {
      const upload = await readUpload(req)
      return workOrders.importHistory(actorOf(req), upload.bytes)
    },
  )

  app.post(
    '/api/v1/proposals/:id/work-orders',
    {
      config: { permission: 'workOrder.create' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZCreateWorkOrderFromProposalRequest,
        response: { 201: ZWorkOrderDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await workOrders.createFromProposal(actorOf(req), req.params.id, req.body)),
  )

  app.get(
    '/api/v1/work-orders/:id',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZWorkOrderDetail } },
    },
    async (req) => workOrders.getWorkOrder(actorOf(req), req.params.id),
  )

  app.patch(
    '/api/v1/work-orders/:id',
    {
      config: { permission: 'workOrder.update' },
      schema: { tags, params: ZIdParams, body: ZUpdateWorkOrderRequest, response: { 200: ZWorkOrderDetail } },
    },
    async (req) => workOrders.updateWorkOrder(actorOf(req), req.params.id, req.body),
  )

  app.get(
    '/api/v1/work-orders/:id/family',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZWorkOrderFamily } },
    },
    async (req) => workOrders.getFamily(actorOf(req), req.params.id),
  )

  app.post(
    '/api/v1/work-orders/:id/reprogrammings',
    {
      config: { permission: 'workOrder.create' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZCreateReprogrammingRequest,
        response: { 201: ZWorkOrderDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await workOrders.createReprogramming(actorOf(req), req.params.id, req.body)),
  )

  app.patch(
    '/api/v1/work-orders/:id/steps/:stepId',
    {
      config: { permission: 'workOrder.update' },
      schema: { tags, params: ZStepParams, body: ZUpdateStepRequest, response: { 200: ZWorkOrderDetail } },
    },
    async (req) => workOrders.updateStep(actorOf(req), req.params.id, req.params.stepId, req.body),
  )
}
