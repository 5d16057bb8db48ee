import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZBillingLineParams,
  ZBillingSheetDetail,
  ZBillingSheetExportRequest,
  ZBillingSheetList,
  ZBillingSheetListQuery,
  ZCancelBillingSheetRequest,
  ZCreateBillingSheetRequest,
  ZCreateDispositionCertificateRequest,
  ZDispositionCertificate,
  ZDispositionCertificateList,
  ZDispositionCertificateListQuery,
  ZIdParams,
  ZInvoiceBillingSheetRequest,
  ZJobRun,
  ZOk,
  ZReopenBillingSheetRequest,
  ZRestoreBillingLineRequest,
  ZUpdateBillingSheetRequest,
  ZUpdateLineDaysRequest,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { replyAccepted } from '../../platform/jobs/list-export'
import { PDF_MIME } from '../../platform/pdf/pdf'
import { XLSX_MIME } from '../../platform/spreadsheet/spreadsheet'
import type { RentalBillingService } from './rental-billing.service'
import type { SheetListExport } from './sheets-list-export'

const tags = ['rental-billing']
const SHEETS = '/api/v1/rental/billing-sheets'
const CERTS = '/api/v1/rental/disposition-certificates'

const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** HTTP ↔ service for billing sheets (planilla) and final disposition certificates. */
export const rentalBillingRoutes: FastifyPluginAsyncZod<{
  billing: RentalBillingService
  exports: SheetListExport
}> = async (app, { billing, exports }) => {
  app.get(
    SHEETS,
    {
      config: { permission: 'rental.read' },
      schema: { tags, querystring: ZBillingSheetListQuery, response: { 200: ZBillingSheetList } },
    },
    async (req) => billing.listSheets(actorOf(req), req.query),
  )

  app.post(
    `${SHEETS}/export`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, body: ZBillingSheetExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => replyAccepted(reply, await exports.exportSheets(actorOf(req), req.body)),
  )

  app.post(
    SHEETS,
    {
      config: { permission: 'billingSheet.manage' },
      schema: { tags, body: ZCreateBillingSheetRequest, response: { 201: ZBillingSheetDetail } },
    },
    async (req, reply) => reply.status(201).send(await billing.createSheet(actorOf(req), req.body)),
  )

  app.get(
    `${SHEETS}/:id`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZBillingSheetDetail } },
    },
    async (req) => billing.getSheet(actorOf(req), req.params.id),
  )

  app.patch(
    `${SHEETS}/:id`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateBillingSheetRequest,
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.updateSheet(actorOf(req), req.params.id, req.body),
  )

  app.delete(
    `${SHEETS}/:id`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await billing.deleteSheet(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  )

  app.get(
    `${SHEETS}/:id/pdf`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { bytes, fileName } = await billing.sheetPdf(actorOf(req), req.params.id)
      return reply
        .header('content-type', PDF_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )

  app.get(
    `${SHEETS}/:id/export.xlsx`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { bytes, fileName } = await billing.sheetWorkbook(actorOf(req), req.params.id)
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )

  app.put(
    `${SHEETS}/:id/lines/:lineId/days`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: {
        tags,
        params: ZBillingLineParams,
        body: ZUpdateLineDaysRequest,
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.setLineDays(actorOf(req), req.params.id, req.params.lineId, req.body),
  )

  app.delete(
    `${SHEETS}/:id/lines/:lineId/days`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: { tags, params: ZBillingLineParams, response: { 200: ZBillingSheetDetail } },
    },
    async (req) => billing.clearLineDays(actorOf(req), req.params.id, req.params.lineId),
  )

  app.delete(
    `${SHEETS}/:id/lines/:lineId`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: { tags, params: ZBillingLineParams, response: { 200: ZBillingSheetDetail } },
    },
    async (req) => billing.removeLine(actorOf(req), req.params.id, req.params.lineId),
  )

  app.post(
    `${SHEETS}/:id/lines/restore`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZRestoreBillingLineRequest,
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.restoreLine(actorOf(req), req.params.id, req.body),
  )

  app.post(
    `${SHEETS}/:id/liquidate`,
    {
      config: { permission: 'billingSheet.liquidate' },
      schema: { tags, params: ZIdParams, response: { 200: ZBillingSheetDetail } },
    },
    async (req) => billing.liquidate(actorOf(req), req.params.id),
  )

  app.post(
    `${SHEETS}/:id/reopen`,
    {
      config: { permission: 'billingSheet.liquidate' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZReopenBillingSheetRequest,
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.reopen(actorOf(req), req.params.id, req.body),
  )

  app.post(
    `${SHEETS}/:id/invoice`,
    {
      config: { permission: 'billingSheet.invoice' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZInvoiceBillingSheetRequest,
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.invoice(actorOf(req), req.params.id, req.body),
  )

  app.post(
    `${SHEETS}/:id/cancel`,
    {
      config: { permission: 'billingSheet.liquidate' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZCancelBillingSheetRequest.nullish(),
        response: { 200: ZBillingSheetDetail },
      },
    },
    async (req) => billing.cancel(actorOf(req), req.params.id, req.body ?? {}),
  )

  // --- final disposition certificates ---

  app.get(
    CERTS,
    {
      config: { permission: 'rental.read' },
      schema: {
        tags,
        querystring: ZDispositionCertificateListQuery,
        response: { 200: ZDispositionCertificateList },
      },
    },
    async (req) => billing.listCertificates(actorOf(req), req.query),
  )

  app.post(
    CERTS,
    {
      config: { permission: 'billingSheet.manage' },
      schema: {
        tags,
        body: ZCreateDispositionCertificateRequest,
        response: { 201: ZDispositionCertificate },
      },
    },
    async (req, reply) => reply.status(201).send(await billing.createCertificate(actorOf(req), req.body)),
  )

  app.get(
    `${CERTS}/:id`,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZDispositionCertificate } },
    },
    async (req) => billing.getCertificate(actorOf(req), req.params.id),
  )

  app.post(
    `${CERTS}/:id/refresh`,
    {
      config: { permission: 'billingSheet.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZDispositionCertificate } },
    },
    async (req) => billing.refreshCertificate(actorOf(req), req.params.id),
  )

  app.get(
    `${CERTS}/:id/pdf`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { bytes, fileName } = await billing.certificatePdfFile(actorOf(req), req.params.id)
      return reply
        .header('content-type', PDF_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )
}
