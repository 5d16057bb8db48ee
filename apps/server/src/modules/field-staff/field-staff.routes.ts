import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZComplianceAlertPreview,
  ZComplianceAlertSent,
  ZComplianceAlertSettings,
  ZComplianceAlertSettingsInput,
  ZComplianceDocument,
  ZComplianceDocumentInput,
  ZComplianceDocumentParams,
  ZComplianceDocumentPatch,
  ZComplianceExportRequest,
  ZComplianceFile,
  ZComplianceFileParams,
  ZComplianceKind,
  ZComplianceKindInput,
  ZComplianceKindParams,
  ZComplianceKindPatch,
  ZComplianceKindList,
  ZComplianceKindQuery,
  ZComplianceReport,
  ZComplianceReportQuery,
  ZComplianceSummary,
  ZFieldStaffDetail,
  ZFieldStaffExportRequest,
  ZFieldStaffInput,
  ZFieldStaffList,
  ZFieldStaffListQuery,
  ZFieldStaffPatch,
  ZIdParams,
  ZJobRun,
  ZOk,
  ZVaccine,
  ZVaccineInput,
  ZVaccineParams,
  ZVehicleDetail,
  ZVehicleExportRequest,
  ZVehicleInput,
  ZVehicleList,
  ZVehicleListQuery,
  ZVehiclePatch,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { replyAccepted } from '../../platform/jobs/list-export'
import type { FieldStaffService } from './field-staff.service'

const BASE = '/api/v1/rental'
const tags = ['field-staff']
const read = { permission: 'fieldStaff.read' as const }
const manage = { permission: 'fieldStaff.manage' as const }
const ok = { ok: true as const }

/** HTTP ↔ service for field staff, vehicles, their documents and files, and the compliance report and alerts. */
export const fieldStaffRoutes: FastifyPluginAsyncZod<{ service: FieldStaffService }> = async (
  app,
  { service: s },
) => {
  // --- staff ---
  app.get(
    `${BASE}/staff`,
    { config: read, schema: { tags, querystring: ZFieldStaffListQuery, response: { 200: ZFieldStaffList } } },
    async (req) => s.listStaff(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/staff/export`,
    { config: read, schema: { tags, body: ZFieldStaffExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await s.exportStaff(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/staff`,
    { config: manage, schema: { tags, body: ZFieldStaffInput, response: { 201: ZFieldStaffDetail } } },
    async (req, reply) => reply.status(201).send(await s.createStaff(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/staff/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZFieldStaffDetail } } },
    async (req) => s.getStaff(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/staff/:id`,
    {
      config: manage,
      schema: { tags, params: ZIdParams, body: ZFieldStaffPatch, response: { 200: ZFieldStaffDetail } },
    },
    async (req) => s.updateStaff(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${BASE}/staff/:id`,
    { config: manage, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await s.deleteStaff(actorOf(req), req.params.id)
      return ok
    },
  )
  app.post(
    `${BASE}/staff/:id/vaccines`,
    { config: manage, schema: { tags, params: ZIdParams, body: ZVaccineInput, response: { 201: ZVaccine } } },
    async (req, reply) => reply.status(201).send(await s.addVaccine(actorOf(req), req.params.id, req.body)),
  )
  app.delete(
    `${BASE}/staff/:id/vaccines/:vaccineId`,
    { config: manage, schema: { tags, params: ZVaccineParams, response: { 200: ZOk } } },
    async (req) => {
      await s.removeVaccine(actorOf(req), req.params.id, req.params.vaccineId)
      return ok
    },
  )

  // --- vehicles ---
  app.get(
    `${BASE}/vehicles`,
    { config: read, schema: { tags, querystring: ZVehicleListQuery, response: { 200: ZVehicleList } } },
    async (req) => s.listVehicles(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/vehicles/export`,
    { config: read, schema: { tags, body: ZVehicleExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await s.exportVehicles(actorOf(req), req.body)),
  )
  app.post(
    `${BASE}/vehicles`,
    { config: manage, schema: { tags, body: ZVehicleInput, response: { 201: ZVehicleDetail } } },
    async (req, reply) => reply.status(201).send(await s.createVehicle(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/vehicles/:id`,
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZVehicleDetail } } },
    async (req) => s.getVehicle(actorOf(req), req.params.id),
  )
  app.patch(
    `${BASE}/vehicles/:id`,
    {
      config: manage,
      schema: { tags, params: ZIdParams, body: ZVehiclePatch, response: { 200: ZVehicleDetail } },
    },
    async (req) => s.updateVehicle(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${BASE}/vehicles/:id`,
    { config: manage, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await s.deleteVehicle(actorOf(req), req.params.id)
      return ok
    },
  )

  // --- documents and files, same shape for both owners ---
  for (const [path, owner] of [
    ['staff', 'staff'],
    ['vehicles', 'vehicle'],
  ] as const) {
    app.post(
      `${BASE}/${path}/:id/documents`,
      {
        config: manage,
        schema: {
          tags,
          params: ZIdParams,
          body: ZComplianceDocumentInput,
          response: { 201: ZComplianceDocument },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.addDocument(actorOf(req), owner, req.params.id, req.body)),
    )
    app.patch(
      `${BASE}/${path}/:id/documents/:documentId`,
      {
        config: manage,
        schema: {
          tags,
          params: ZComplianceDocumentParams,
          body: ZComplianceDocumentPatch,
          response: { 200: ZComplianceDocument },
        },
      },
      async (req) => s.updateDocument(actorOf(req), owner, req.params.id, req.params.documentId, req.body),
    )
    app.delete(
      `${BASE}/${path}/:id/documents/:documentId`,
      { config: manage, schema: { tags, params: ZComplianceDocumentParams, response: { 200: ZOk } } },
      async (req) => {
        await s.removeDocument(actorOf(req), owner, req.params.id, req.params.documentId)
        return ok
      },
    )
    app.post(
      `${BASE}/${path}/:id/files`,
      {
        config: manage,
        schema: {
          tags,
          params: ZIdParams,
          consumes: ['multipart/form-data'],
          response: { 201: ZComplianceFile },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.addFile(actorOf(req), owner, req.params.id, () => readUpload(req))),
    )
    app.delete(
      `${BASE}/${path}/:id/files/:fileRowId`,
      { config: manage, schema: { tags, params: ZComplianceFileParams, response: { 200: ZOk } } },
      async (req) => {
        await s.removeFile(actorOf(req), owner, req.params.id, req.params.fileRowId)
        return ok
      },
    )
  }

  // --- compliance ---
  app.get(
    `${BASE}/compliance/kinds`,
    {
      config: read,
      schema: { tags, querystring: ZComplianceKindQuery, response: { 200: ZComplianceKindList } },
    },
    async (req) => s.listKinds(actorOf(req), req.query.ownerKind),
  )
  app.post(
    `${BASE}/compliance/kinds`,
    { config: manage, schema: { tags, body: ZComplianceKindInput, response: { 201: ZComplianceKind } } },
    async (req, reply) => reply.status(201).send(await s.createKind(actorOf(req), req.body)),
  )
  app.patch(
    `${BASE}/compliance/kinds/:kindId`,
    {
      config: manage,
      schema: {
        tags,
        params: ZComplianceKindParams,
        body: ZComplianceKindPatch,
        response: { 200: ZComplianceKind },
      },
    },
    async (req) => s.updateKind(actorOf(req), req.params.kindId, req.body),
  )
  app.get(
    `${BASE}/compliance`,
    {
      config: read,
      schema: { tags, querystring: ZComplianceReportQuery, response: { 200: ZComplianceReport } },
    },
    async (req) => s.report(actorOf(req), req.query),
  )
  app.post(
    `${BASE}/compliance/export`,
    { config: read, schema: { tags, body: ZComplianceExportRequest, response: { 202: ZJobRun } } },
    async (req, reply) => replyAccepted(reply, await s.exportReport(actorOf(req), req.body)),
  )
  app.get(
    `${BASE}/compliance/summary`,
    { config: read, schema: { tags, response: { 200: ZComplianceSummary } } },
    async (req) => s.summary(actorOf(req)),
  )
  app.get(
    `${BASE}/compliance/alerts`,
    { config: manage, schema: { tags, response: { 200: ZComplianceAlertSettings } } },
    async (req) => s.getAlertSettings(actorOf(req)),
  )
  app.put(
    `${BASE}/compliance/alerts`,
    {
      config: manage,
      schema: { tags, body: ZComplianceAlertSettingsInput, response: { 200: ZComplianceAlertSettings } },
    },
    async (req) => s.saveAlertSettings(actorOf(req), req.body),
  )
  app.get(
    `${BASE}/compliance/alerts/preview`,
    { config: manage, schema: { tags, response: { 200: ZComplianceAlertPreview } } },
    async (req) => s.previewAlert(actorOf(req)),
  )
  app.post(
    `${BASE}/compliance/alerts/send`,
    { config: manage, schema: { tags, response: { 200: ZComplianceAlertSent } } },
    async (req) => s.sendAlertNow(actorOf(req)),
  )
}
