import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZEvidenceAnnexes,
  ZEvidenceAnnexesRequest,
  ZEvidenceCell,
  ZEvidenceCellKey,
  ZEvidenceFileFields,
  ZEvidenceGrid,
  ZEvidenceGridQuery,
  ZEvidenceItemParams,
  ZEvidenceLinkRequest,
  ZEvidenceStatusRequest,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { AppError } from '../../platform/errors'
import type { EvidenceUseCases } from './evidence.service'
import { productionMessages as M } from './production.messages'

const tags = ['production']

/** HTTP ↔ service for production evidence, GPU (docs/production.md#evidence-gpu). */
export const evidenceRoutes: FastifyPluginAsyncZod<{ evidence: EvidenceUseCases }> = async (
  app,
  { evidence },
) => {
  app.get(
    '/api/v1/production/evidence',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZEvidenceGridQuery, response: { 200: ZEvidenceGrid } },
    },
    async (req) => evidence.getGrid(actorOf(req), req.query),
  )

  app.get(
    '/api/v1/production/evidence/cell',
    {
      config: { permission: 'production.read' },
      schema: { tags, querystring: ZEvidenceCellKey, response: { 200: ZEvidenceCell } },
    },
    async (req) => evidence.getCell(actorOf(req), req.query),
  )

  app.put(
    '/api/v1/production/evidence/status',
    {
      config: { permission: 'production.capture' },
      schema: { tags, body: ZEvidenceStatusRequest, response: { 200: ZEvidenceCell } },
    },
    async (req) => evidence.setStatus(actorOf(req), req.body),
  )

  /** multipart: the cell's fields (`workOrderId`, `siteId`, `conceptId`, `date`, `timeType`, optional `takenAt`, `latitude`, `longitude`), then `file` (PNG, JPEG or PDF). */
  app.post(
    '/api/v1/production/evidence/files',
    {
      config: { permission: 'production.capture' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: ZEvidenceCell } },
    },
    async (req, reply) => {
      const upload = await readUpload(req)
      const fields = ZEvidenceFileFields.safeParse(upload.fields)
      if (!fields.success)
        throw new AppError(
          'VALIDATION',
          fields.error.issues[0]?.message ?? M.invalidData(),
          fields.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        )
      return reply.status(201).send(await evidence.addFile(actorOf(req), fields.data, upload))
    },
  )

  app.post(
    '/api/v1/production/evidence/links',
    {
      config: { permission: 'production.capture' },
      schema: { tags, body: ZEvidenceLinkRequest, response: { 201: ZEvidenceCell } },
    },
    async (req, reply) => reply.status(201).send(await evidence.addLink(actorOf(req), req.body)),
  )

  app.delete(
    '/api/v1/production/evidence/items/:evidenceItemId',
    {
      config: { permission: 'production.capture' },
      schema: { tags, params: ZEvidenceItemParams, response: { 200: ZEvidenceCell } },
    },
    async (req) => evidence.deleteItem(actorOf(req), req.params.evidenceItemId),
  )

  app.get(
    '/api/v1/production/evidence/items/:evidenceItemId/file',
    { config: { permission: 'production.read' }, schema: { tags, params: ZEvidenceItemParams } },
    async (req, reply) => {
      const { file, bytes } = await evidence.readItemFile(actorOf(req), req.params.evidenceItemId)
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(bytes)
    },
  )

  app.get(
    '/api/v1/production/evidence/annexes',
    { config: { permission: 'production.read' }, schema: { tags, response: { 200: ZEvidenceAnnexes } } },
    async (req) => evidence.getAnnexes(actorOf(req)),
  )

  app.put(
    '/api/v1/production/evidence/annexes',
    {
      config: { permission: 'production.configure' },
      schema: { tags, body: ZEvidenceAnnexesRequest, response: { 200: ZEvidenceAnnexes } },
    },
    async (req) => evidence.saveAnnexes(actorOf(req), req.body),
  )
}
