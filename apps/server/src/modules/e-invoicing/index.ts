/**
 * E-invoicing: SRI electronic documents (Ecuador) — the module's only public entry. Pure maths (access key,
 * módulo 11, XML), signing and XSD checks, the SRI clients, the service and routes. Rules: docs/e-invoicing.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { eInvoicingRoutes } from './e-invoicing.routes'
import { createEInvoicingService, type EInvoicingDeps } from './e-invoicing.service'

export { buildAccessKey, isValidAccessKey, modulo11CheckDigit, documentNumber } from './access-key'
export { makeTestCertificate, readCertificate } from './signing'
export { createFakeSriClient, createSriSoapClient, type SriClient } from './sri-client'
export { seedDemoEInvoicing } from './e-invoicing.seed'
export type { EDocumentMessage, EInvoicingTables } from './e-invoicing.tables'
export type { BillingSheetsPort, EInvoicingService } from './e-invoicing.service'

/** Builds the service and its routes on the billing sheets' port and an SRI client (both required). */
export function createEInvoicingModule(deps: EInvoicingDeps) {
  const service = createEInvoicingService(deps)
  /** register with `app.register(eInvoicing.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(eInvoicingRoutes, { eInvoicing: service })
  }
  return { service, routes }
}
export type EInvoicingModule = ReturnType<typeof createEInvoicingModule>
