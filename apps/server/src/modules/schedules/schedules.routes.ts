import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZIdParams,
  ZPagination,
  ZScheduleDetail,
  ZScheduleDiff,
  ZScheduleDiffQuery,
  ZScheduleImportResult,
  ZScheduleVersionList,
  ZScheduleVersionParams,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import type { SchedulesService } from './schedules.service'

const tags = ['schedules']

/** HTTP ↔ service for the MS Project schedules of a work order. Each route names the permission its use case enforces. */
export const schedulesRoutes: FastifyPluginAsyncZod<{ service: SchedulesService }> = async (
  app,
  { service },
) => {
  /**
   * multipart `file`: MS Project XML (MSPDI) or MS Project's own `.mpp`, told apart by content. 201: the new
   * active version. A refused `.mpp` (encrypted, Project 98, subprojects, damaged, no tasks) or a file that is
   * not MSPDI → 400; another Office document → 415; over the limits → 413; the active version is untouched.
   */
  app.post(
    '/api/v1/work-orders/:id/schedules',
    {
      config: { permission: 'schedule.import' },
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZScheduleImportResult },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      await service.requireWorkOrder(actor, req.params.id, 'schedule.import')
      const upload = await readUpload(req)
      const result = await service.importSchedule(actor, req.params.id, {
        fileName: upload.filename,
        bytes: upload.bytes,
      })
      return reply.status(201).send(result)
    },
  )

  app.get(
    '/api/v1/work-orders/:id/schedules',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, querystring: ZPagination, response: { 200: ZScheduleVersionList } },
    },
    async (req) => service.listVersions(actorOf(req), req.params.id, req.query),
  )

  app.get(
    '/api/v1/work-orders/:id/schedules/active',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZScheduleDetail } },
    },
    async (req) => service.getActive(actorOf(req), req.params.id),
  )

  app.get(
    '/api/v1/work-orders/:id/schedules/diff',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, querystring: ZScheduleDiffQuery, response: { 200: ZScheduleDiff } },
    },
    async (req) => service.diffVersions(actorOf(req), req.params.id, req.query),
  )

  app.get(
    '/api/v1/work-orders/:id/schedules/:versionId',
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZScheduleVersionParams, response: { 200: ZScheduleDetail } },
    },
    async (req) => service.getVersion(actorOf(req), req.params.id, req.params.versionId),
  )
}
