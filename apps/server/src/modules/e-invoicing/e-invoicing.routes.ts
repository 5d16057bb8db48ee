import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import {
  ZEDocumentState,
  ZEInvoiceIssued,
  ZEInvoicingSettings,
  ZEInvoicingSettingsInput,
  ZEInvoicingSettingsState,
  ZIdParams,
} from '@faena/contracts'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { actorOf } from '../../platform/http/auth-hook'
import { PDF_MIME } from '../../platform/pdf/pdf'
import type { EInvoicingService } from './e-invoicing.service'
import type { SettingsUpload } from './settings.service'
import { eInvoicingMessages as M } from './e-invoicing.messages'

const tags = ['e-invoicing']
const SHEET = '/api/v1/rental/billing-sheets/:id/e-invoice'
const GUIDE = '/api/v1/rental/shipping-guides/:id/e-guide'
const MAX_CERTIFICATE_BYTES = 100_000

const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** The multipart settings form: text fields checked by the contract, the .p12 in `certificate` (optional). */
async function readSettingsForm(req: FastifyRequest): Promise<SettingsUpload> {
  if (!req.isMultipart())
    throw validationError(M.multipartExpected(), [fieldError('certificate', M.sendMultipart())])
  const fields: Record<string, string> = {}
  let certificate: Buffer | null = null
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'certificate' && bytes.length > 0) certificate = bytes
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value
  }
  if (certificate && certificate.length > MAX_CERTIFICATE_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', M.certificateTooBig(), [
      fieldError('certificate', M.p12IsSmall()),
    ])
  const parsed = ZEInvoicingSettingsInput.safeParse(fields)
  if (!parsed.success)
    throw validationError(
      M.checkSettings(),
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    )
  return { ...parsed.data, certificate }
}

/** HTTP ↔ service for SRI electronic documents (docs/e-invoicing.md). */
export const eInvoicingRoutes: FastifyPluginAsyncZod<{ eInvoicing: EInvoicingService }> = async (
  app,
  { eInvoicing },
) => {
  app.get(
    '/api/v1/settings/e-invoicing',
    {
      config: { permission: 'eInvoicing.configure' },
      schema: { tags, response: { 200: ZEInvoicingSettingsState } },
    },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await eInvoicing.getSettings(actorOf(req))),
  )

  /** multipart: `certificate` (.p12), `password`, `ruc`, `establishment`, `emissionPoint`, `environment`… */
  app.put(
    '/api/v1/settings/e-invoicing',
    {
      config: { permission: 'eInvoicing.configure' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZEInvoicingSettings } },
    },
    async (req) => eInvoicing.saveSettings(actorOf(req), await readSettingsForm(req)),
  )

  app.post(
    SHEET,
    {
      config: { permission: 'billingSheet.invoice' },
      schema: { tags, params: ZIdParams, response: { 201: ZEInvoiceIssued } },
    },
    async (req, reply) => reply.status(201).send(await eInvoicing.issueInvoice(actorOf(req), req.params.id)),
  )

  /** "Consultar al SRI": asks again about an invoice stuck at signed/sent; completes the sheet's marking */
  app.post(
    `${SHEET}/refresh`,
    {
      config: { permission: 'billingSheet.invoice' },
      schema: { tags, params: ZIdParams, response: { 200: ZEInvoiceIssued } },
    },
    async (req) => eInvoicing.refreshInvoice(actorOf(req), req.params.id),
  )

  app.get(
    SHEET,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZEDocumentState } },
    },
    async (req) => eInvoicing.getInvoice(actorOf(req), req.params.id),
  )

  app.get(
    `${SHEET}/xml`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { xml, fileName } = await eInvoicing.invoiceXml(actorOf(req), req.params.id)
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', attachment(fileName))
        .send(xml)
    },
  )

  app.get(
    `${SHEET}/ride`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { bytes, fileName } = await eInvoicing.invoiceRide(actorOf(req), req.params.id)
      return reply
        .header('content-type', PDF_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )

  app.post(
    GUIDE,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 201: ZEInvoiceIssued } },
    },
    async (req, reply) =>
      reply.status(201).send(await eInvoicing.issueShippingGuide(actorOf(req), req.params.id)),
  )

  app.get(
    GUIDE,
    {
      config: { permission: 'rental.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZEDocumentState } },
    },
    async (req) => eInvoicing.getShippingGuideDocument(actorOf(req), req.params.id),
  )

  app.get(
    `${GUIDE}/xml`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { xml, fileName } = await eInvoicing.shippingGuideXml(actorOf(req), req.params.id)
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', attachment(fileName))
        .send(xml)
    },
  )

  app.post(
    `${GUIDE}/refresh`,
    {
      config: { permission: 'fieldDocument.manage' },
      schema: { tags, params: ZIdParams, response: { 200: ZEInvoiceIssued } },
    },
    async (req) => eInvoicing.refreshShippingGuide(actorOf(req), req.params.id),
  )

  app.get(
    `${GUIDE}/ride`,
    { config: { permission: 'rental.read' }, schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const { bytes, fileName } = await eInvoicing.shippingGuideRide(actorOf(req), req.params.id)
      return reply
        .header('content-type', PDF_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )
}
