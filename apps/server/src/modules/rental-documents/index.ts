/** The rental field-documents module (maintenance sheets, custody chains, shipping guides): its only public entry. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { createDocumentExports } from './documents-export'
import type { BillingPort, FieldStaffPort, FilesPort } from './rental-documents.ports'
import { rentalDocumentsRoutes } from './rental-documents.routes'
import { createRentalDocumentsService } from './rental-documents.service'
import { rentalProjectsPort } from './rental-projects-port'

export {
  createRentalDocumentsService,
  type RentalDocumentsService,
  type RentalDocumentsServiceDeps,
} from './rental-documents.service'
export { rentalDocumentsRoutes } from './rental-documents.routes'
export { EXPORT_JOBS, type DocumentExports } from './documents-export'
export type {
  BillingPort,
  DocumentAssignment,
  DocumentProject,
  FieldStaffPort,
  RentalProjectsPort,
} from './rental-documents.ports'
export type { RentalDocumentTables } from './rental-documents.tables'
/** For the dossiers (rental-dossiers): the chains and guides of a project with their files, and the PDF merge. */
export {
  listDossierChains,
  listDossierGuides,
  type DossierAttachment,
  type DossierChain,
  type DossierGuide,
  type DossierDocumentsScope,
} from './rental-documents.dossier'
export { appendPages, type AppendOutcome } from './pdf-pages'
export { seedDemoRentalDocuments } from './rental-documents.seed'
/** Names of the field documents (and their attachments) for the audit history. */
export { rentalDocumentsReferenceSources } from './rental-documents.repository'
/** For the billing sheets and rental-projects: read and link documents inside the caller's transaction. */
export {
  closeDraftDocuments,
  hasDocumentsForAssignment,
  chainsOfAssignment,
  linkDocumentsToSheet,
  linkGuidesToSheet,
  listDocumentsForPeriod,
  unlinkDocumentsFromSheet,
  wasteDescription,
  type BillableCustodyChain,
  type BillableMaintenanceSheet,
  type BillableShippingGuide,
  type PeriodDocuments,
  type PeriodScope,
} from './rental-documents.billing'

/**
 * Builds the service, the export jobs and the routes. Every port is required: `billing` (the billing
 * sheets' period guard and recompute hook) comes from rental-billing, built first by services.ts; the
 * projects are read through rental-projects' index.ts (rental-projects-port.ts).
 */
export function createRentalDocumentsModule(deps: {
  db: Db
  clock: () => Date
  files: FilesPort
  /** the jobs platform: the list exports run as jobs (docs/jobs.md) */
  jobs: Pick<JobsService, 'define'>
  billing: BillingPort
  /** field-staff's check of linked drivers and vehicles (docs/field-staff.md) */
  fieldStaff: FieldStaffPort
}) {
  const projects = rentalProjectsPort
  const service = createRentalDocumentsService({ ...deps, projects })
  const exports = createDocumentExports({ db: deps.db, projects, jobs: deps.jobs })
  /** register with `app.register(rentalDocuments.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(rentalDocumentsRoutes, { documents: service, exports })
  }
  return { service, exports, routes }
}
export type RentalDocumentsModule = ReturnType<typeof createRentalDocumentsModule>
