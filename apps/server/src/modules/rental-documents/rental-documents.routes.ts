import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZChainScanQuery,
  ZChainScanResult,
  ZChainScanTargets,
  ZCreateCustodyChainRequest,
  ZCreateMaintenanceSheetRequest,
  ZCreateShippingGuideRequest,
  ZCustodyChainDetail,
  ZCustodyChainExportRequest,
  ZCustodyChainList,
  ZCustodyChainListQuery,
  ZFieldDocumentAttachment,
  ZFieldDocumentAttachmentParams,
  ZFieldDocumentReasonRequest,
  ZIdParams,
  ZMaintenanceSheetDetail,
  ZMaintenanceSheetExportRequest,
  ZMaintenanceSheetList,
  ZMaintenanceSheetListQuery,
  ZOk,
  ZShippingGuideDetail,
  ZJobRun,
  ZShippingGuideExportRequest,
  ZShippingGuideList,
  ZShippingGuideListQuery,
  ZUpdateCustodyChainRequest,
  ZUpdateMaintenanceSheetRequest,
  ZUpdateShippingGuideRequest,
  type TJobRun,
} from '@faena/contracts'
import type { FastifyReply } from 'fastify'
import { actorOf } from '../../platform/http/auth-hook'
import { readUpload } from '../../platform/http/multipart'
import { PDF_MIME } from '../../platform/pdf/pdf'
import type { DocumentExports } from './documents-export'
import type { RentalDocumentsService } from './rental-documents.service'

const BASE = '/api/v1/rental'
const tags = ['rental-documents']

const sendFile = (reply: FastifyReply, mime: string, filename: string, buffer: Buffer, inline = false) =>
  reply
    .header('content-type', mime)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename}"`)
    .send(buffer)

/** An export answers 202 with the job; the client polls it (GET /api/v1/jobs/:id) and downloads its result. */
const accepted = (reply: FastifyReply, job: TJobRun) =>
  reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job)

/** HTTP ↔ service for the rental field documents. Each route names the permission its use case enforces. */
export const rentalDocumentsRoutes: FastifyPluginAsyncZod<{
  documents: RentalDocumentsService
  exports: DocumentExports
}> = async (app, { documents: s, exports: x }) => {
  // --- maintenance sheets ---
  const M = `${BASE}/maintenance-sheets`
  app.get(
    M,
    {
      config: { permission: 'rental.read' },
      schema: { tags, querystring: ZMaintenanceSheetListQuery, response: { 200: ZMaintenanceSheetList } },
    },
    async (req) => s.listMaintenanceSheets(actorOf(req), req.query),
  )
  app.post(
    `${M}/export`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, body: ZMaintenanceSheetExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => accepted(reply, await x.exportMaintenanceSheets(actorOf(req), req.body)),
  )
  app.post(
    M,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, body: ZCreateMaintenanceSheetRequest, response: { 201: ZMaintenanceSheetDetail } },
    },
    async (req, reply) => reply.status(201).send(await s.createMaintenanceSheet(actorOf(req), req.body)),
  )
  app.get(
    `${M}/:id`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZMaintenanceSheetDetail } },
    },
    async (req) => s.getMaintenanceSheet(actorOf(req), req.params.id),
  )
  app.patch(
    `${M}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateMaintenanceSheetRequest,
        response: { 200: ZMaintenanceSheetDetail },
      },
    },
    async (req) => s.updateMaintenanceSheet(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${M}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await s.deleteMaintenanceSheet(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )
  app.post(
    `${M}/:id/close`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZMaintenanceSheetDetail } },
    },
    async (req) => s.closeMaintenanceSheet(actorOf(req), req.params.id),
  )
  app.post(
    `${M}/:id/void`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZFieldDocumentReasonRequest,
        response: { 200: ZMaintenanceSheetDetail },
      },
    },
    async (req) => s.voidMaintenanceSheet(actorOf(req), req.params.id, req.body.reason),
  )
  app.get(
    `${M}/:id/pdf`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { filename, buffer } = await s.maintenanceSheetPdfFile(actorOf(req), req.params.id)
      return sendFile(reply, PDF_MIME, filename, buffer, true)
    },
  )

  // --- custody chains ---
  const C = `${BASE}/custody-chains`
  app.get(
    C,
    {
      config: { permission: 'rental.read' },
      schema: { tags, querystring: ZCustodyChainListQuery, response: { 200: ZCustodyChainList } },
    },
    async (req) => s.listCustodyChains(actorOf(req), req.query),
  )
  app.post(
    `${C}/export`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, body: ZCustodyChainExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => accepted(reply, await x.exportCustodyChains(actorOf(req), req.body)),
  )
  app.post(
    C,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, body: ZCreateCustodyChainRequest, response: { 201: ZCustodyChainDetail } },
    },
    async (req, reply) => reply.status(201).send(await s.createCustodyChain(actorOf(req), req.body)),
  )
  app.get(
    `${C}/:id`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZCustodyChainDetail } },
    },
    async (req) => s.getCustodyChain(actorOf(req), req.params.id),
  )
  app.patch(
    `${C}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateCustodyChainRequest,
        response: { 200: ZCustodyChainDetail },
      },
    },
    async (req) => s.updateCustodyChain(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${C}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await s.deleteCustodyChain(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )
  app.post(
    `${C}/:id/close`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZCustodyChainDetail } },
    },
    async (req) => s.closeCustodyChain(actorOf(req), req.params.id),
  )
  app.post(
    `${C}/:id/cancel`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZFieldDocumentReasonRequest,
        response: { 200: ZCustodyChainDetail },
      },
    },
    async (req) => s.cancelCustodyChain(actorOf(req), req.params.id, req.body.reason),
  )
  app.get(
    `${C}/:id/pdf`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { filename, buffer } = await s.custodyChainPdfFile(actorOf(req), req.params.id)
      return sendFile(reply, PDF_MIME, filename, buffer, true)
    },
  )

  // --- shipping guides ---
  const G = `${BASE}/shipping-guides`
  app.get(
    G,
    {
      config: { permission: 'rental.read' },
      schema: { tags, querystring: ZShippingGuideListQuery, response: { 200: ZShippingGuideList } },
    },
    async (req) => s.listShippingGuides(actorOf(req), req.query),
  )
  app.post(
    `${G}/export`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, body: ZShippingGuideExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => accepted(reply, await x.exportShippingGuides(actorOf(req), req.body)),
  )
  app.post(
    G,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, body: ZCreateShippingGuideRequest, response: { 201: ZShippingGuideDetail } },
    },
    async (req, reply) => reply.status(201).send(await s.createShippingGuide(actorOf(req), req.body)),
  )
  app.get(
    `${G}/:id`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZShippingGuideDetail } },
    },
    async (req) => s.getShippingGuide(actorOf(req), req.params.id),
  )
  app.patch(
    `${G}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateShippingGuideRequest,
        response: { 200: ZShippingGuideDetail },
      },
    },
    async (req) => s.updateShippingGuide(actorOf(req), req.params.id, req.body),
  )
  app.delete(
    `${G}/:id`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await s.deleteShippingGuide(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )
  app.post(
    `${G}/:id/close`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZShippingGuideDetail } },
    },
    async (req) => s.closeShippingGuide(actorOf(req), req.params.id),
  )
  app.post(
    `${G}/:id/void`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZFieldDocumentReasonRequest,
        response: { 200: ZShippingGuideDetail },
      },
    },
    async (req) => s.voidShippingGuide(actorOf(req), req.params.id, req.body.reason),
  )
  app.get(
    `${G}/:id/pdf`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { filename, buffer } = await s.shippingGuidePdfFile(actorOf(req), req.params.id)
      return sendFile(reply, PDF_MIME, filename, buffer, true)
    },
  )

  // one scanned PDF split a page per custody chain, in the order of `ids` (multipart: `ids`, `file`)
  app.post(
    `${C}/scan-pages`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: ZChainScanResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await s.attachChainScan(actorOf(req), () => readUpload(req))),
  )
  // a billing sheet's chains in activity-date order with their scan pages (what the sheet's scan dialog offers)
  app.get(
    `${C}/scans`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, querystring: ZChainScanQuery, response: { 200: ZChainScanTargets } },
    },
    async (req) => s.listSheetChainScans(actorOf(req), req.query.billingSheetId),
  )

  // --- attachments (PDF only), same shape for the three documents ---
  for (const [path, kind] of [
    [M, 'maintenance'],
    [C, 'chain'],
    [G, 'guide'],
  ] as const) {
    app.post(
      `${path}/:id/attachments`,
      {
        config: { permission: 'fieldDocument.manage' },
        schema: {
          tags,
          params: ZIdParams,
          consumes: ['multipart/form-data'],
          response: { 201: ZFieldDocumentAttachment },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await s.addAttachment(actorOf(req), kind, req.params.id, () => readUpload(req))),
    )
    app.delete(
      `${path}/:id/attachments/:attachmentId`,
      {
        config: { permission: 'fieldDocument.manage' },
        schema: { tags, params: ZFieldDocumentAttachmentParams, response: { 200: ZOk } },
      },
      async (req) => {
        await s.removeAttachment(actorOf(req), kind, req.params.id, req.params.attachmentId)
        return { ok: true as const }
      },
    )
  }
}
