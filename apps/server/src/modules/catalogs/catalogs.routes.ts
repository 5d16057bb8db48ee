import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CATALOG_NAMES,
  CATALOG_SCHEMAS,
  ZCatalogExportRequest,
  ZCatalogListQuery,
  ZJobRun,
  ZIdParams,
  listOf,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { CatalogsExport } from './catalogs-export'
import type { CatalogInput, CatalogPatch, CatalogsService } from './catalogs.service'

/** A PATCH body: every input field optional and without defaults (an absent field stays as it is). */
function patchSchema(input: z.ZodObject) {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, schema] of Object.entries(input.shape)) {
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType)
    shape[key] = inner.optional()
  }
  return z.object(shape).strict()
}

/** HTTP ↔ catalogs service; the same seven routes for each of the nine catalogs. */
export const catalogsRoutes: FastifyPluginAsyncZod<{
  service: CatalogsService
  exports: CatalogsExport
}> = async (app, { service, exports }) => {
  for (const name of CATALOG_NAMES) {
    const { record, input } = CATALOG_SCHEMAS[name]
    const base = `/api/v1/catalogs/${name}`
    const tags = ['catalogs']
    const read = { permission: 'catalog.read' as const }
    const manage = { permission: 'catalog.manage' as const }
    const body = (input as z.ZodObject).strict()

    app.get(
      base,
      { config: read, schema: { tags, querystring: ZCatalogListQuery, response: { 200: listOf(record) } } },
      async (req) => service.listRecords(actorOf(req), name, req.query),
    )

    app.post(
      `${base}/export`,
      { config: read, schema: { tags, body: ZCatalogExportRequest, response: { 202: ZJobRun } } },
      async (req, reply) => replyAccepted(reply, await exports.exportRecords(actorOf(req), name, req.body)),
    )

    app.post(
      base,
      { config: manage, schema: { tags, body, response: { 201: record } } },
      async (req, reply) => {
        const created = await service.createRecord(actorOf(req), name, req.body as CatalogInput)
        return reply.status(201).send(created)
      },
    )

    app.get(
      `${base}/:id`,
      { config: read, schema: { tags, params: ZIdParams, response: { 200: record } } },
      async (req) => service.getRecord(actorOf(req), name, req.params.id),
    )

    app.patch(
      `${base}/:id`,
      {
        config: manage,
        schema: { tags, params: ZIdParams, body: patchSchema(input), response: { 200: record } },
      },
      async (req) => service.updateRecord(actorOf(req), name, req.params.id, req.body as CatalogPatch),
    )

    app.delete(
      `${base}/:id`,
      { config: manage, schema: { tags, params: ZIdParams, response: { 200: record } } },
      async (req) => service.deactivateRecord(actorOf(req), name, req.params.id),
    )

    app.post(
      `${base}/:id/restore`,
      { config: manage, schema: { tags, params: ZIdParams, response: { 200: record } } },
      async (req) => service.restoreRecord(actorOf(req), name, req.params.id),
    )
  }
}
