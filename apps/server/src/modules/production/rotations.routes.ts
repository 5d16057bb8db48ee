import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZRotationDuty,
  ZRotationDutyQuery,
  ZRotationParams,
  ZRotationRequest,
  ZRotations,
  ZRotationsQuery,
  ZSuperintendentParams,
  ZSuperintendentPatch,
  ZSuperintendentRequest,
  ZSuperintendents,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import type { ProductionService } from './production.service'

const tags = ['production']
const S = '/api/v1/production/superintendents'
const R = '/api/v1/production/rotations'

/** HTTP ↔ service for superintendents and site rotations (docs/production.md#superintendent-rotation). */
export const rotationsRoutes: FastifyPluginAsyncZod<{ service: ProductionService }> = async (
  app,
  { service: s },
) => {
  app.get(
    S,
    { config: { permission: 'production.read' }, schema: { tags, response: { 200: ZSuperintendents } } },
    async (req) => s.listSuperintendents(actorOf(req)),
  )
  app.post(
    S,
    {
      config: { permission: 'production.configure' },
      schema: { tags, body: ZSuperintendentRequest, response: { 201: ZSuperintendents } },
    },
    async (req, reply) => reply.status(201).send(await s.createSuperintendent(actorOf(req), req.body)),
  )
  app.patch(
    `${S}/:superintendentId`,
    {
      config: { permission: 'production.configure' },
      schema: {
        tags,
        params: ZSuperintendentParams,
        body: ZSuperintendentPatch,
        response: { 200: ZSuperintendents },
      },
    },
    async (req) => s.updateSuperintendent(actorOf(req), req.params.superintendentId, req.body),
  )
  app.get(
    R,
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZRotationsQuery, response: { 200: ZRotations } },
    },
    async (req) => s.listRotations(actorOf(req), req.query.siteId),
  )
  app.put(
    R,
    {
      config: { permission: 'production.configure' },
      schema: { tags, body: ZRotationRequest, response: { 200: ZRotations } },
    },
    async (req) => s.saveRotation(actorOf(req), req.body),
  )
  app.delete(
    `${R}/:rotationId`,
    {
      config: { permission: 'production.configure' },
      schema: { tags, params: ZRotationParams, response: { 200: ZRotations } },
    },
    async (req) => s.deleteRotation(actorOf(req), req.params.rotationId),
  )
  app.get(
    `${R}/duty`,
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZRotationDutyQuery, response: { 200: ZRotationDuty } },
    },
    async (req) => s.getDuty(actorOf(req), req.query.siteId, req.query.month),
  )
}
