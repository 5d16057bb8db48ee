import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ZAddStepAttachmentRequest,
  ZAuditList,
  ZChangeProposalStatusRequest,
  ZCreateProposalRequest,
  ZIdParams,
  ZJobRun,
  ZOk,
  ZPagination,
  ZProposalDetail,
  ZProposalExportRequest,
  ZProposalList,
  ZProposalListQuery,
  ZProposalSaved,
  ZStepAttachment,
  ZUpdateProposalRequest,
  ZUpdateStepRequest,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { ProposalsService } from './proposals.service'

const ZStepParams = ZIdParams.extend({ stepId: z.uuid() })
const ZAttachmentParams = ZStepParams.extend({ attachmentId: z.uuid() })
const tags = ['proposals']

/** HTTP ↔ service for proposals (PTE). Each route names the permission its use case enforces. */
export const proposalsRoutes: FastifyPluginAsyncZod<{ proposals: ProposalsService }> = async (
  app,
  { proposals },
) => {
  app.get(
    '/api/v1/proposals',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, querystring: ZProposalListQuery, response: { 200: ZProposalList } },
    },
    async (req) => proposals.listProposals(actorOf(req), req.query),
  )

  app.post(
    '/api/v1/proposals/export',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, body: ZProposalExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => replyAccepted(reply, await proposals.exportProposals(actorOf(req), req.body)),
  )

  app.post(
    '/api/v1/proposals',
    {
      config: { permission: 'proposal.create' },
      schema: { tags, body: ZCreateProposalRequest, response: { 201: ZProposalSaved } },
    },
    async (req, reply) => reply.status(201).send(await proposals.createProposal(actorOf(req), req.body)),
  )

  app.get(
    '/api/v1/proposals/:id',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZProposalDetail } },
    },
    async (req) => proposals.getProposal(actorOf(req), req.params.id),
  )

  app.patch(
    '/api/v1/proposals/:id',
    {
      config: { permission: 'proposal.update' },
      schema: { tags, params: ZIdParams, body: ZUpdateProposalRequest, response: { 200: ZProposalSaved } },
    },
    async (req) => proposals.updateProposal(actorOf(req), req.params.id, req.body),
  )

  app.delete(
    '/api/v1/proposals/:id',
    {
      config: { permission: 'proposal.delete' },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await proposals.deleteProposal(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )

  app.post(
    '/api/v1/proposals/:id/status',
    {
      config: { permission: 'proposal.status' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZChangeProposalStatusRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (req) => proposals.changeStatus(actorOf(req), req.params.id, req.body),
  )

  app.get(
    '/api/v1/proposals/:id/history',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, params: ZIdParams, querystring: ZPagination, response: { 200: ZAuditList } },
    },
    async (req) => proposals.listHistory(actorOf(req), req.params.id, req.query),
  )

  app.patch(
    '/api/v1/proposals/:id/steps/:stepId',
    {
      config: { permission: 'proposal.update' },
      schema: { tags, params: ZStepParams, body: ZUpdateStepRequest, response: { 200: ZProposalDetail } },
    },
    async (req) => proposals.updateStep(actorOf(req), req.params.id, req.params.stepId, req.body),
  )

  app.post(
    '/api/v1/proposals/:id/steps/:stepId/attachments',
    {
      config: { permission: 'proposal.update' },
      schema: {
        tags,
        params: ZStepParams,
        body: ZAddStepAttachmentRequest,
        response: { 201: ZStepAttachment },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await proposals.addStepAttachment(actorOf(req), req.params.id, req.params.stepId, req.body)),
  )

  app.delete(
    '/api/v1/proposals/:id/steps/:stepId/attachments/:attachmentId',
    {
      config: { permission: 'proposal.update' },
      schema: { tags, params: ZAttachmentParams, response: { 200: ZOk } },
    },
    async (req) => {
      await proposals.removeStepAttachment(
        actorOf(req),
        req.params.id,
        req.params.stepId,
        req.params.attachmentId,
      )
      return { ok: true as const }
    },
  )
}
