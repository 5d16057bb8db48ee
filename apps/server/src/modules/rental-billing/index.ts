/**
 * Rental billing: the billing sheets (planilla) and final disposition certificates — the module's only
 * public entry. The pure engine (dates, lines, totals, volume conversions, document numbers), the service,
 * routes and tables, and the hooks the other rental modules call. Rules: docs/rental-billing.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { JobsService } from '../../platform/jobs'
import { rentalBillingRoutes } from './rental-billing.routes'
import { createRentalBillingService, type RentalBillingServiceDeps } from './rental-billing.service'
import { createSheetListExport } from './sheets-list-export'
import {
  rentalDocumentsPort,
  rentalProjectsPort,
  type RentalDocumentsFunctions,
  type RentalProjectsFunctions,
} from './rental-ports'

export * from './billing-dates'
export * from './billing-lines'
export * from './billing-sheet'
export * from './rate-history'
export * from './sheet-totals'
export * from './series-code'
export * from './volume-conversion'
export { isPlainDecimal, type RoundingRule } from './billing-decimal'

export {
  createRentalBillingService,
  firstOpenDay,
  type FrozenPeriod,
  type RecomputeOptions,
  type RecomputeOpenSheetsOptions,
  type RecomputeTrigger,
  type RentalBillingService,
  type RentalBillingServiceDeps,
} from './rental-billing.service'
export { rentalBillingRoutes } from './rental-billing.routes'
export { RENTAL_BILLING_EXPORT_JOB } from './sheets-list-export'
export { listSheetFigures } from './sheet-figures'
export { rentalBillingReferenceSources } from './rental-billing.repository'
export type { RentalBillingTables } from './rental-billing.tables'
export type {
  BillingAssignment,
  BillingCustodyChain,
  BillingDocuments,
  BillingProject,
  RentalDocumentsPort,
  RentalProjectsPort,
  SheetScope,
} from './rental-billing.ports'
export { printedLocation, type RentalDocumentsFunctions, type RentalProjectsFunctions } from './rental-ports'

/**
 * Builds the billing sheets' service and routes on the rental modules' read/link functions (handed over by
 * `services.ts`, required), and the ports those modules are then built with: `rentalProjects` (recompute on
 * assignment changes, frozen periods, the close guard) and `rentalDocuments.billing` (the period guard and
 * the recompute hook). Built before rental-projects and rental-documents, so nothing is filled in later.
 */
export function createRentalBillingModule(
  deps: Omit<RentalBillingServiceDeps, 'projects' | 'documents'> & {
    rentalProjects: RentalProjectsFunctions
    rentalDocuments: RentalDocumentsFunctions
    /** the jobs platform: the billing-sheet list's export runs as a job (docs/jobs.md) */
    jobs: Pick<JobsService, 'define'>
  },
) {
  const { rentalProjects, rentalDocuments, jobs, ...rest } = deps
  const service = createRentalBillingService({
    ...rest,
    projects: rentalProjectsPort(rentalProjects),
    documents: rentalDocumentsPort(rentalDocuments),
  })
  // the list's export runs as a job, defined now (before the server starts)
  const exports = createSheetListExport({ db: rest.db, jobs })
  /** register with `app.register(rentalBilling.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(rentalBillingRoutes, { billing: service, exports })
  }
  const hooks = {
    rentalProjects: {
      onAssignmentsChanged: service.onAssignmentsChanged,
      hasSheetInProgress: service.hasSheetInProgress,
      frozenPeriods: service.frozenPeriods,
    },
    rentalDocuments: { billing: service.billingPort },
  }
  return { service, routes, hooks }
}
export type RentalBillingModule = ReturnType<typeof createRentalBillingModule>
export { billingSheetsFeed } from './billing-sheets-feed'
/** status names as the exports and reports write them */
export { STATUS_ES as billingSheetStatusEs } from './sheet-export'
