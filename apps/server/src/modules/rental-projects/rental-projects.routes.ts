import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ZCloseRentalProjectRequest,
  ZCreateRentalAssignmentRequest,
  ZIdParams,
  ZImportRejected,
  ZJobRun,
  ZOk,
  ZReactivateRentalAssignmentRequest,
  ZRentalAssignment,
  ZRentalAssignmentChange,
  ZDeleteRentalAssignmentQuery,
  ZRentalAssignmentDeleted,
  ZRentalAssignmentList,
  ZRentalAssignmentListQuery,
  ZRentalCalendar,
  ZRentalCalendarQuery,
  ZRentalClient,
  ZRentalClientExportRequest,
  ZRentalClientInput,
  ZRentalClientList,
  ZRentalClientListQuery,
  ZRentalClientPatch,
  ZRentalCloseCheck,
  ZRentalEquipment,
  ZRentalEquipmentExportRequest,
  ZRentalEquipmentImportResult,
  ZRentalEquipmentInput,
  ZRentalEquipmentList,
  ZRentalEquipmentListQuery,
  ZRentalEquipmentPatch,
  ZRentalProject,
  ZRentalProjectExportRequest,
  ZRentalProjectInput,
  ZRentalProjectList,
  ZRentalProjectListQuery,
  ZRentalProjectPatch,
  ZRetireRentalAssignmentRequest,
  ZUpdateRentalAssignmentRequest,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { RentalProjectsExports } from './rental-projects-export'
import type { RentalProjectsService } from './rental-projects.service'

const BASE = '/api/v1/rental'
const tags = ['rental-projects']
const read = { permission: 'rental.read' as const }
const manage = { permission: 'rental.manage' as const }

/** HTTP ↔ service for rental clients, projects, equipment, assignments and the maintenance calendar. */
export const rentalProjectsRoutes: FastifyPluginAsyncZod<{
  service: RentalProjectsService
  exports: RentalProjectsExports
}> = async (app, { service, exports }) => {
  // --- clients ---

  app.get(
    `${BASE}/clients`,
    {
      config: read,
      schema: { tags, querystring: ZRentalClientListQuery, response: { 200: ZRentalClientList } },
    },
    async (req) => service.listClients(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/clients/export`,
    { config: read, schema: { tags, body: ZRentalClientExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await exports.exportClients(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/clients`,
    { config: manage, schema: { tags, body: ZRentalClientInput, response: { 201: ZRentalClient } } },
    async (req, reply) => reply.status(201).send(await service.createClient(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/clients/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZRentalClient } } },
    async (req) => service.getClient(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/clients/:id`,
    {
      config: manage,
      schema: { tags, params: ZIdParams, body: ZRentalClientPatch, response: { 200: ZRentalClient } },
    },
    async (req) => service.updateClient(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${BASE}/clients/:id`,
    { config: manage, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await service.deleteClient(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )

  // --- projects ---

  app.get(
    `${BASE}/projects`,
    {
      config: read,
      schema: { tags, querystring: ZRentalProjectListQuery, response: { 200: ZRentalProjectList } },
    },
    async (req) => service.listProjects(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/projects/export`,
    { config: read, schema: { tags, body: ZRentalProjectExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await exports.exportProjects(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/projects`,
    { config: manage, schema: { tags, body: ZRentalProjectInput, response: { 201: ZRentalProject } } },
    async (req, reply) => reply.status(201).send(await service.createProject(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/projects/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZRentalProject } } },
    async (req) => service.getProject(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/projects/:id`,
    {
      config: manage,
      schema: { tags, params: ZIdParams, body: ZRentalProjectPatch, response: { 200: ZRentalProject } },
    },
    async (req) => service.updateProject(actorOf(req), req.params.id, req.body),
  )
  app.get(
    `${BASE}/projects/:id/close`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZRentalCloseCheck } } },
    async (req) => service.closeCheck(actorOf(req), req.params.id),
  )
  app.post(
    `${BASE}/projects/:id/close`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        body: ZCloseRentalProjectRequest.nullish(),
        response: { 200: ZRentalProject },
      },
    },
    async (req) => service.closeProject(actorOf(req), req.params.id, req.body ?? {}),
  )
  app.get(
    `${BASE}/projects/:id/calendar`,
    {
      config: read,
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZRentalCalendarQuery,
        response: { 200: ZRentalCalendar },
      },
    },
    async (req) => service.getCalendar(actorOf(req), req.params.id, req.query),
  )

  // --- assignments ---

  app.get(
    `${BASE}/projects/:id/assignments`,
    {
      config: read,
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZRentalAssignmentListQuery,
        response: { 200: ZRentalAssignmentList },
      },
    },
    async (req) => service.listAssignments(actorOf(req), req.params.id, req.query),
  )
  app.post(
    `${BASE}/projects/:id/assignments`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        body: ZCreateRentalAssignmentRequest,
        response: { 201: ZRentalAssignment },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createAssignment(actorOf(req), req.params.id, req.body)),
  )
  app.get(
    `${BASE}/assignments/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZRentalAssignment } } },
    async (req) => service.getAssignment(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/assignments/:id`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateRentalAssignmentRequest,
        response: { 200: ZRentalAssignment },
      },
    },
    async (req) => service.updateAssignment(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${BASE}/assignments/:id/retire`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        body: ZRetireRentalAssignmentRequest.nullish(),
        response: { 200: ZRentalAssignmentChange },
      },
    },
    async (req) => service.retireAssignment(actorOf(req), req.params.id, req.body ?? {}),
  )
  app.post(
    `${BASE}/assignments/:id/reactivate`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        body: ZReactivateRentalAssignmentRequest.nullish(),
        response: { 200: ZRentalAssignmentChange },
      },
    },
    async (req) => service.reactivateAssignment(actorOf(req), req.params.id, req.body ?? {}),
  )
  app.delete(
    `${BASE}/assignments/:id`,
    {
      config: manage,
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZDeleteRentalAssignmentQuery,
        response: { 200: ZRentalAssignmentDeleted },
      },
    },
    async (req) =>
      service.deleteAssignment(actorOf(req), req.params.id, {
        ...(req.query.effectiveFrom ? { effectiveFrom: req.query.effectiveFrom } : {}),
        confirmDropManualDays: req.query.confirmDropManualDays === 'true',
      }),
  )

  // --- equipment & services ---

  app.get(
    `${BASE}/equipment`,
    {
      config: read,
      schema: { tags, querystring: ZRentalEquipmentListQuery, response: { 200: ZRentalEquipmentList } },
    },
    async (req) => service.listEquipment(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/equipment/export`,
    { config: read, schema: { tags, body: ZRentalEquipmentExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await exports.exportEquipment(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/equipment`,
    { config: manage, schema: { tags, body: ZRentalEquipmentInput, response: { 201: ZRentalEquipment } } },
    async (req, reply) => reply.status(201).send(await service.createEquipment(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/equipment/import`,
    {
      config: manage,
      schema: {
        tags,
        description:
          'multipart: `file` (JSON list or .xlsx with headers), optional field `dryRun=true` for the report only; 422 `ZImportRejected` when a row has errors (nothing saved)',
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: { 200: ZRentalEquipmentImportResult, 422: ZImportRejected },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req)
      const dryRun = req.query.dryRun === 'true' || upload.fields.dryRun === 'true'
      const result = await service.importEquipment(actorOf(req), upload, { dryRun })
      if (result.outcome === 'rejected')
        return reply.status(422).send({ error: { ...result.rejection, requestId: req.id } })
      return reply.status(200).send(result.report)
    },
  )
  app.get(
    `${BASE}/equipment/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZRentalEquipment } } },
    async (req) => service.getEquipment(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/equipment/:id`,
    {
      config: manage,
      schema: { tags, params: ZIdParams, body: ZRentalEquipmentPatch, response: { 200: ZRentalEquipment } },
    },
    async (req) => service.updateEquipment(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${BASE}/equipment/:id`,
    { config: manage, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await service.deleteEquipment(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )
}
