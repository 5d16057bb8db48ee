import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZIdParams, ZJobRun } from '@faena/contracts'
import { actorOf } from '../http/auth-hook'
import type { JobsService } from './jobs.service'

const tags = ['jobs']

/**
 * A job's progress and its result. Any signed-in user may ask (`session`); the service answers only the
 * job's requester or an admin of its organization, and re-checks the permission of the job's kind.
 */
export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'session' },
      schema: { tags, params: ZIdParams, response: { 200: ZJobRun } },
    },
    async (req, reply) => {
      const run = await jobs.getJob(actorOf(req), req.params.id)
      return reply.header('cache-control', 'no-store').send(run)
    },
  )
  app.get(
    '/api/v1/jobs/:id/result',
    { config: { permission: 'session' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const file = await jobs.readResult(actorOf(req), req.params.id)
      const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
      return reply
        .header('content-type', file.mimeType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(file.bytes)
    },
  )
}
