import { createEInvoicingModule, createFakeSriClient, createSriSoapClient } from './modules/e-invoicing'
import {
  catalogReferenceSources,
  createCatalogsModule,
  getNames as getCatalogNames,
} from './modules/catalogs'
import { createConceptsModule } from './modules/concepts'
import { createEquipmentConditionModule } from './modules/equipment-condition'
import { billedCells, createEstimatesModule } from './modules/estimates'
import {
  checkFieldAssignment,
  createFieldStaffModule,
  fieldStaffReferenceSources,
} from './modules/field-staff'
import { createInsightsModule } from './modules/insights'
import { createProductionModule, productionReferenceSources } from './modules/production'
import { createProposalsService, proposalsFeed } from './modules/proposals'
import {
  billingSheetsFeed,
  createRentalBillingModule,
  rentalBillingReferenceSources,
} from './modules/rental-billing'
import {
  closeDraftDocuments,
  createRentalDocumentsModule,
  chainsOfAssignment,
  hasDocumentsForAssignment,
  linkDocumentsToSheet,
  listDocumentsForPeriod,
  rentalDocumentsReferenceSources,
  unlinkDocumentsFromSheet,
} from './modules/rental-documents'
import { createRentalDossiersModule } from './modules/rental-dossiers'
import {
  createRentalProjectsModule,
  getProject,
  getEquipment,
  listAssignments,
  listEquipmentUnits,
  rentalProjectsReferenceSources,
} from './modules/rental-projects'
import { createSchedulesModule } from './modules/schedules'
import { createSearchModule, searchReferenceSource } from './modules/search'
import { createWorkOrderConceptsModule, familyAuthorizedVolumes } from './modules/work-order-concepts'
import { createWorkOrdersService, workOrdersFeed } from './modules/work-orders'
import { platformReferenceSources } from './platform/audit/audit-references'
import { createAuditExport } from './platform/audit/audit-export'
import { createAuditService } from './platform/audit/audit.service'
import { createAuthService } from './platform/auth/auth.service'
import { createUsersService } from './platform/auth/users.service'
import { createBackupService, type BackupSettings } from './platform/backup'
import type { Database } from './platform/db/create-db'
import type { FileStore } from './platform/files/file-store'
import { createFilesService } from './platform/files/files.service'
import { createJobsService, type JobsOptions } from './platform/jobs'
import { createFeedsService } from './platform/feeds'
import { createMailService } from './platform/mail'
import { createNotificationsService } from './platform/notifications'
import { createSecretBox } from './platform/secret-box'
import { createTimeZoneLookup } from './platform/tenancy/organizations'

export type ServicesDeps = {
  database: Database
  fileStore: FileStore
  clock?: () => Date
  /** where the jobs platform and the backups report (the server's logger; the CLI and benchmarks: console) */
  log: {
    error: (obj: object, msg: string) => void
    warn: (obj: object, msg: string) => void
    info: (obj: object, msg: string) => void
  }
  /** the jobs platform's polling and clean-up settings (docs/jobs.md) */
  jobs?: JobsOptions | undefined
  /** the daily backup (docs/backups.md); null: none scheduled, no runs listed */
  backup?: BackupSettings | null | undefined
  faenaVersion: string
  /** seals secrets the server keeps (the SMTP password; docs/mail.md); absent: none can be stored */
  secretKey?: Buffer | null | undefined
  /** waits before the second, third… try of a failing SMTP server (docs/mail.md) */
  mailRetryDelaysMs?: readonly number[] | undefined
  /** the app's public address (FAENA_PUBLIC_ORIGIN), for links in e-mails */
  publicOrigin?: string | undefined
}

/**
 * The one place every service is built, with every port handed over at construction (none is filled in
 * later, none is optional): the server (app.ts), the CLI (main.ts) and the benchmarks (bench/) all use it.
 * Module dependencies run one way: rental-billing is built first on the read/link functions of
 * rental-projects and rental-documents; those two are then built with billing's ports
 * (docs/architecture.md).
 */
export function buildServices(deps: ServicesDeps) {
  const { database, fileStore: store, log } = deps
  const db = database.db
  const clock = deps.clock ?? (() => new Date())
  const timeZoneOf = createTimeZoneLookup(db)

  // platform
  const auth = createAuthService({ db, clock })
  const users = createUsersService({ db, clock })
  // histories name the records they mention: each module that owns named records gives a source
  const audit = createAuditService({
    db,
    timeZoneOf,
    referenceSources: [
      ...platformReferenceSources,
      ...catalogReferenceSources,
      searchReferenceSource,
      ...productionReferenceSources,
      ...rentalProjectsReferenceSources,
      ...rentalBillingReferenceSources,
      ...rentalDocumentsReferenceSources,
      ...fieldStaffReferenceSources,
    ],
  })
  const files = createFilesService({ db, store })
  // long work runs as jobs on pg-boss; the server starts and stops them (docs/jobs.md)
  const jobs = createJobsService({ database, store, clock, log, options: deps.jobs })
  // the activity log's export runs as a job (docs/jobs.md)
  const auditExport = createAuditExport({ db, jobs, timeZoneOf })
  // outgoing e-mail through each organization's SMTP server, sent by a job (docs/mail.md)
  const mail = createMailService({
    db,
    clock,
    jobs,
    files,
    secrets: deps.secretKey ? createSecretBox(deps.secretKey) : null,
    retryDelaysMs: deps.mailRetryDelaysMs,
  })
  // notifications: producers call `notifications.notify` in their own transaction; in the app, and by
  // e-mail for those who asked (docs/platform.md#notifications)
  const notifications = createNotificationsService({
    db,
    clock,
    email: { isConfigured: mail.isConfigured, send: mail.sendNotification },
    publicOrigin: deps.publicOrigin,
  })
  const backups = createBackupService({
    database,
    store,
    clock,
    log,
    settings: deps.backup ?? null,
    faenaVersion: deps.faenaVersion,
    notify: notifications.notify,
  })

  // offshore line
  const catalogs = createCatalogsModule({ db, clock, jobs })
  const proposals = createProposalsService({
    db,
    clock,
    files,
    timeZoneOf,
    catalogs: { ...catalogs.service, getNames: getCatalogNames },
    auditEntries: audit.readEntries,
    notify: notifications.notify,
    jobs,
  })
  const concepts = createConceptsModule({ db, clock, catalogs: catalogs.service, jobs })
  const workOrders = createWorkOrdersService({
    db,
    clock,
    timeZoneOf,
    familyVolumes: familyAuthorizedVolumes,
    notify: notifications.notify,
    jobs,
  })
  const workOrderConcepts = createWorkOrderConceptsModule({ db, clock, files })
  const schedules = createSchedulesModule({ db, clock, files, timeZoneOf })
  // daily status and production per site (docs/production.md): reads work orders and their Anexo C
  const production = createProductionModule({
    db,
    clock,
    files,
    listWorkOrders: workOrders.listWorkOrders,
    listConcepts: workOrderConcepts.service.listConcepts,
    addAnnexConcept: workOrderConcepts.service.addCatalogConcept,
    notify: notifications.notify,
    // billed production is frozen in the grid: estimates answers which cells are billed (production reads no
    // estimates table and does not import estimates)
    billedCells,
  })
  // progress billing from production (docs/estimates.md): reads production through its index.ts
  const estimates = createEstimatesModule({ db, clock, notify: notifications.notify })
  // global search: reads the index the database triggers keep (docs/search.md)
  const search = createSearchModule({ db })
  // dashboards: read the other modules through their index.ts (docs/insights.md)
  // dashboards and the weekly digest (e-mailed through the mail platform)
  const insights = createInsightsModule({
    db,
    clock,
    timeZoneOf,
    mail,
    files,
    notify: notifications.notify,
  })
  // read-only feeds for BI tools, read with tokens (docs/feeds.md): each module gives its datasets
  const feeds = createFeedsService({
    db,
    clock,
    datasets: [proposalsFeed, workOrdersFeed, billingSheetsFeed],
  })

  // rental line: billing first (it reads projects and documents), then the modules it guards
  const rentalBilling = createRentalBillingModule({
    db,
    clock,
    timeZoneOf,
    files,
    notify: notifications.notify,
    rentalProjects: { getProject, listAssignments },
    rentalDocuments: {
      listDocumentsForPeriod,
      linkDocumentsToSheet,
      unlinkDocumentsFromSheet,
      closeDraftDocuments,
    },
    jobs,
  })
  const rentalProjects = createRentalProjectsModule({
    db,
    clock,
    timeZoneOf,
    hooks: { ...rentalBilling.hooks.rentalProjects, hasDocumentsForAssignment, chainsOfAssignment },
    jobs,
  })
  // field staff and vehicles with their compliance documents (docs/field-staff.md)
  const fieldStaff = createFieldStaffModule({
    db,
    clock,
    timeZoneOf,
    files,
    mail,
    notify: notifications.notify,
    publicOrigin: deps.publicOrigin,
    jobs,
  })
  // equipment condition: checklists, inspections, repairs and the technical status (docs/equipment-condition.md)
  const equipmentCondition = createEquipmentConditionModule({
    db,
    clock,
    timeZoneOf,
    equipment: { listEquipmentUnits, getEquipment },
    fieldStaff: { checkFieldAssignment },
    jobs,
  })
  const rentalDocuments = createRentalDocumentsModule({
    db,
    clock,
    files,
    jobs,
    billing: rentalBilling.hooks.rentalDocuments.billing,
    fieldStaff: { checkFieldAssignment },
  })

  // SRI electronic invoices of liquidated billing sheets (docs/e-invoicing.md): the SRI's web services when
  // FAENA_SRI_CLIENT=sri, else a local fake SRI (tests, demo, machines without the SRI's network)
  const eInvoicing = createEInvoicingModule({
    db,
    clock,
    timeZoneOf,
    files,
    secrets: deps.secretKey ? createSecretBox(deps.secretKey) : null,
    sri: process.env.FAENA_SRI_CLIENT === 'sri' ? createSriSoapClient() : createFakeSriClient({ clock }),
    sheets: { getSheet: rentalBilling.service.getSheet, invoice: rentalBilling.service.invoice },
    guides: { getShippingGuide: rentalDocuments.service.getShippingGuide },
  })
  // the dossiers (expedientes): one PDF per billing sheet or project, built by a job (docs/rental-dossiers.md)
  const rentalDossiers = createRentalDossiersModule({
    db,
    jobs,
    billing: rentalBilling.service,
    documents: rentalDocuments.service,
    projects: rentalProjects.service,
    eInvoicing: eInvoicing.service,
    files,
  })

  return {
    clock,
    timeZoneOf,
    auth,
    users,
    audit,
    auditExport,
    files,
    notifications,
    jobs,
    mail,
    backups,
    catalogs,
    proposals,
    concepts,
    workOrders,
    workOrderConcepts,
    schedules,
    production,
    estimates,
    rentalBilling,
    rentalProjects,
    rentalDocuments,
    fieldStaff,
    eInvoicing,
    rentalDossiers,
    equipmentCondition,
    search,
    insights,
    feeds,
  }
}
export type Services = ReturnType<typeof buildServices>
