import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZAnnexImportDetail,
  ZAnnexImportList,
  ZAnnexImportParams,
  ZIdParams,
  ZImportRejected,
  ZPagination,
  ZWorkOrderConcepts,
  ZWorkOrderConceptsQuery,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import type { WorkOrderConceptsService } from './work-order-concepts.service'

const tags = ['work-order-concepts']

/** HTTP ↔ service for the Anexo C versions of a work order. Each route names the permission its use case enforces. */
export const workOrderConceptsRoutes: FastifyPluginAsyncZod<{ service: WorkOrderConceptsService }> = async (
  app,
  { service },
) => {
  /**
   * multipart `file` (.xlsx / .xlsm). 201: a new version pending confirmation, with its diff against the
   * active version. 422: nothing saved; the rows with problems and `errorWorkbookFileId` (download it from
   * GET /api/v1/files/:id), or a file-level problem (`details.reason`). 415: not an Excel workbook.
   */
  app.post(
    '/api/v1/work-orders/:id/annex-imports',
    {
      config: { permission: 'concept.import' },
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZAnnexImportDetail, 422: ZImportRejected },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      await service.requireWorkOrder(actor, req.params.id, 'concept.import')
      const upload = await readUpload(req)
      const result = await service.importAnnex(actor, req.params.id, {
        fileName: upload.filename,
        bytes: upload.bytes,
      })
      if (result.outcome === 'rejected')
        return reply.status(422).send({ error: { ...result.rejection, requestId: req.id } })
      return reply.status(201).send(result.detail)
    },
  )

  app.get(
    '/api/v1/work-orders/:id/annex-imports',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, querystring: ZPagination, response: { 200: ZAnnexImportList } },
    },
    async (req) => service.listImports(actorOf(req), req.params.id, req.query),
  )

  app.get(
    '/api/v1/work-orders/:id/annex-imports/:importId',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZAnnexImportParams, response: { 200: ZAnnexImportDetail } },
    },
    async (req) => service.getImport(actorOf(req), req.params.id, req.params.importId),
  )

  app.post(
    '/api/v1/work-orders/:id/annex-imports/:importId/confirm',
    {
      config: { permission: 'concept.import' },
      schema: { tags, params: ZAnnexImportParams, response: { 200: ZAnnexImportDetail } },
    },
    async (req) => service.confirmImport(actorOf(req), req.params.id, req.params.importId),
  )

  app.post(
    '/api/v1/work-orders/:id/annex-imports/:importId/discard',
    {
      config: { permission: 'concept.import' },
      schema: { tags, params: ZAnnexImportParams, response: { 200: ZAnnexImportDetail } },
    },
    async (req) => service.discardImport(actorOf(req), req.params.id, req.params.importId),
  )

  app.get(
    '/api/v1/work-orders/:id/concepts',
    {
      config: { permission: 'workOrder.read' },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZWorkOrderConceptsQuery,
        response: { 200: ZWorkOrderConcepts },
      },
    },
    async (req) => service.listConcepts(actorOf(req), req.params.id, req.query),
  )
}
