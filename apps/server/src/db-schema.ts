import type { CatalogTables } from './modules/catalogs'
import type { ConceptTables } from './modules/concepts'
import type { EquipmentConditionTables } from './modules/equipment-condition'
import type { EstimateTables } from './modules/estimates'
import type { FieldStaffTables } from './modules/field-staff'
import type { EInvoicingTables } from './modules/e-invoicing'
import type { DigestTables } from './modules/insights'
import type { ProductionEvidenceTables, ProductionTables } from './modules/production'
import type { ProposalTables } from './modules/proposals'
import type { WorkOrderTables } from './modules/work-orders'
import type { WorkOrderConceptTables } from './modules/work-order-concepts'
import type { ScheduleTables } from './modules/schedules'
import type { RentalDocumentTables } from './modules/rental-documents'
import type { RentalProjectTables } from './modules/rental-projects'
import type { RentalBillingTables } from './modules/rental-billing'
import type { SearchTables } from './modules/search'
import type { PlatformTables } from './platform/db/tables'
import type { JobTables } from './platform/jobs'
import type { FeedTables } from './platform/feeds'
import type { MailTables } from './platform/mail'
import type { NotificationTables } from './platform/notifications'

/**
 * The database as Kysely sees it: the platform's tables plus each module's, one line per module.
 * A module's table types live in its own `<module>.tables.ts` and are exported through its index.ts.
 */
export type DB = PlatformTables &
  JobTables &
  NotificationTables &
  MailTables &
  FeedTables &
  CatalogTables &
  ConceptTables &
  ProposalTables &
  WorkOrderTables &
  WorkOrderConceptTables &
  ScheduleTables &
  ProductionTables &
  ProductionEvidenceTables &
  EstimateTables &
  RentalDocumentTables &
  RentalProjectTables &
  RentalBillingTables &
  SearchTables &
  DigestTables &
  FieldStaffTables &
  EquipmentConditionTables &
  EInvoicingTables
