import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZConcept,
  ZConceptFacets,
  ZConceptFacetsQuery,
  ZConceptImportKind,
  ZConceptImportSummary,
  ZConceptExportRequest,
  ZConceptList,
  ZConceptListQuery,
  ZIdParams,
  ZImportRejected,
  ZJobRun,
} from '@faena/contracts'
import { AppError, fieldError } from '../../platform/errors'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { requestLang } from '../../platform/http/request-language'
import { replyAccepted } from '../../platform/jobs/list-export'
import { conceptImportRejection } from './concept-import-rejection'
import type { ConceptsExport } from './concepts-export'
import type { ConceptsService } from './concepts.service'
import { conceptsMessages as M } from './concepts.messages'

const tags = ['concepts']

/** HTTP ↔ service for the contract concept catalog. Each route names the permission its use case enforces. */
export const conceptsRoutes: FastifyPluginAsyncZod<{
  concepts: ConceptsService
  exports: ConceptsExport
}> = async (app, { concepts, exports }) => {
  app.get(
    '/api/v1/concepts',
    {
      config: { permission: 'concept.read' },
      schema: { tags, querystring: ZConceptListQuery, response: { 200: ZConceptList } },
    },
    async (req) => concepts.listConcepts(actorOf(req), req.query),
  )

  app.post(
    '/api/v1/concepts/export',
    {
      config: { permission: 'concept.read' },
      schema: { tags, body: ZConceptExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => replyAccepted(reply, await exports.exportConcepts(actorOf(req), req.body)),
  )

  app.get(
    '/api/v1/concepts/facets',
    {
      config: { permission: 'concept.read' },
      schema: { tags, querystring: ZConceptFacetsQuery, response: { 200: ZConceptFacets } },
    },
    async (req) => concepts.conceptFacets(actorOf(req), req.query.kind),
  )

  /**
   * multipart: `kind` (`contract` | `extraordinary`) then `file` (.xlsx). 200 with the summary when saved;
   * 422 `ZImportRejected` (every bad row, docs/imports.md) when nothing was saved.
   */
  app.post(
    '/api/v1/concepts/import',
    {
      config: { permission: 'concept.import' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: ZConceptImportSummary, 422: ZImportRejected },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req)
      const kind = ZConceptImportKind.safeParse(upload.fields.kind)
      if (!kind.success) {
        throw new AppError('VALIDATION', M.chooseCatalog(), [fieldError('kind', M.catalogKind())])
      }
      const summary = await concepts.importConcepts(actorOf(req), {
        kind: kind.data,
        fileName: upload.filename,
        bytes: upload.bytes,
      })
      if (summary.status === 'rejected')
        return reply
          .status(422)
          .send({ error: { ...conceptImportRejection(summary, requestLang(req)), requestId: req.id } })
      return reply.status(200).send(summary)
    },
  )

  app.get(
    '/api/v1/concepts/:id',
    {
      config: { permission: 'concept.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZConcept } },
    },
    async (req) => concepts.getConcept(actorOf(req), req.params.id),
  )
}
