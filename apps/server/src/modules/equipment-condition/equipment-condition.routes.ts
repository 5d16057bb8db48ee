import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZChecklist,
  ZChecklistInput,
  ZChecklistList,
  ZEquipmentStatusExportRequest,
  ZEquipmentStatusQuery,
  ZEquipmentStatusReport,
  ZIdParams,
  ZInspection,
  ZInspectionInput,
  ZJobRun,
  ZOk,
  ZRepairInput,
  ZRepairReturnInput,
  ZUnitCondition,
} from '@faena/contracts'
import type { FastifyReply } from 'fastify'
import { actorOf } from '../../platform/http/auth-hook'
import { replyAccepted } from '../../platform/jobs/list-export'
import { PDF_MIME } from '../../platform/pdf/pdf'
import type { EquipmentConditionService } from './equipment-condition.service'

const BASE = '/api/v1/rental'
const tags = ['equipment-condition']
const read = { permission: 'equipmentCondition.read' as const }
const inspect = { permission: 'equipmentCondition.inspect' as const }
const manage = { permission: 'equipmentCondition.manage' as const }

const sendPdf = (reply: FastifyReply, f: { filename: string; buffer: Buffer }) =>
  reply
    .header('content-type', PDF_MIME)
    .header('content-disposition', `inline; filename="${f.filename}"`)
    .send(f.buffer)

/** HTTP ↔ service for checklists, inspections, repairs, the status report and the checklist PDFs. */
export const equipmentConditionRoutes: FastifyPluginAsyncZod<{ service: EquipmentConditionService }> = async (
  app,
  { service: s },
) => {
  app.get(
    `${BASE}/equipment-checklists`,
    { config: read, schema: { tags, response: { 200: ZChecklistList } } },
    async (req) => s.listChecklists(actorOf(req)),
  )
  app.put(
    `${BASE}/equipment-checklists`,
    { config: manage, schema: { tags, body: ZChecklistInput, response: { 200: ZChecklist } } },
    async (req) => s.saveChecklist(actorOf(req), req.body),
  )
  app.get(
    `${BASE}/equipment-status`,
    {
      config: read,
      schema: { tags, querystring: ZEquipmentStatusQuery, response: { 200: ZEquipmentStatusReport } },
    },
    async (req) => s.statusReport(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/equipment-status/export`,
    { config: read, schema: { tags, body: ZEquipmentStatusExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await s.exportStatus(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/equipment/:id/condition`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZUnitCondition } } },
    async (req) => s.getUnitCondition(actorOf(req), req.params.id),
  )
  app.get(
    `${BASE}/equipment/:id/checklist.pdf`,
    { config: read, schema: { tags, params: ZIdParams } },
    async (req, reply) => sendPdf(reply, await s.blankChecklistPdf(actorOf(req), req.params.id)),
  )
  app.post(
    `${BASE}/equipment/:id/inspections`,
    {
      config: inspect,
      schema: { tags, params: ZIdParams, body: ZInspectionInput, response: { 201: ZInspection } },
    },
    async (req, reply) =>
      reply.status(201).send(await s.recordInspection(actorOf(req), req.params.id, req.body)),
  )
  app.post(
    `${BASE}/equipment/:id/repair`,
    {
      config: inspect,
      schema: { tags, params: ZIdParams, body: ZRepairInput, response: { 200: ZUnitCondition } },
    },
    async (req) => s.sendToRepair(actorOf(req), req.params.id, req.body),
  )
  app.post(
    `${BASE}/equipment/:id/repair/return`,
    {
      config: inspect,
      schema: { tags, params: ZIdParams, body: ZRepairReturnInput, response: { 200: ZUnitCondition } },
    },
    async (req) => s.returnFromRepair(actorOf(req), req.params.id, req.body),
  )
  app.get(
    `${BASE}/equipment-inspections/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZInspection } } },
    async (req) => s.getInspection(actorOf(req), req.params.id),
  )
  app.get(
    `${BASE}/equipment-inspections/:id/pdf`,
    { config: read, schema: { tags, params: ZIdParams } },
    async (req, reply) => sendPdf(reply, await s.inspectionPdfFile(actorOf(req), req.params.id)),
  )
  app.delete(
    `${BASE}/equipment-inspections/:id`,
    { config: manage, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await s.deleteInspection(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )
}
