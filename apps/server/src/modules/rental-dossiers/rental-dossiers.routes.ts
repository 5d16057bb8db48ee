import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZIdParams, ZJobRun, ZProjectDossierRequest } from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { RentalDossiers } from './rental-dossiers.service'

const tags = ['rental-dossiers']

/** HTTP ↔ the dossier jobs: each answers 202 with the job (its Location is `/api/v1/jobs/:id`). */
export const rentalDossiersRoutes: FastifyPluginAsyncZod<{ dossiers: RentalDossiers }> = async (
  app,
  { dossiers },
) => {
  app.post(
    '/api/v1/rental/billing-sheets/:id/dossier',
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 202: ZJobRun } },
    },
    async (req, reply) =>
      replyAccepted(reply, await dossiers.requestSheetDossier(actorOf(req), req.params.id)),
  )

  app.post(
    '/api/v1/rental/projects/:id/dossier',
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, body: ZProjectDossierRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) =>
      replyAccepted(reply, await dossiers.requestProjectDossier(actorOf(req), req.params.id, req.body)),
  )
}
