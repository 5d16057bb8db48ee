import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import type { Frequency } from './billing-dates'
import type { CustodyChainInput, MaintenanceSheetInput, ShippingGuideInput } from './billing-lines'
import type { RateEntry } from './rate-history'

/**
 * What the billing sheets need from the other rental modules, as plain data. `rental-ports.ts` adapts the
 * functions of rental-projects and rental-documents (handed over by `services.ts`) to these ports; every
 * call runs inside the caller's transaction (`trx`).
 */

export type BillingProject = {
  id: string
  name: string
  clientName: string
  clientTaxId: string | null
  /** location / camp and cardinal point, as printed */
  location: string | null
  contactName: string | null
  startDate: string
  endDate: string | null
  closed: boolean
}

/** An assignment of the project (equipment or service), active or retired. */
export type BillingAssignment = {
  id: string
  kind: 'equipment' | 'service'
  /** equipment: the physical unit; service: the equipment it attends, when linked */
  equipmentId: string | null
  equipmentCode: string | null
  equipmentName: string | null
  /** daily rate (equipment) or price per service day, a plain decimal string */
  dailyRate: string
  /** rate history (docs/rental-projects.md#rate-history); empty = `dailyRate` from the start */
  rates: readonly RateEntry[]
  frequency: Frequency
  operationStart: string
  operationEnd: string | null
  /** retirement date (inclusive last day) when retired */
  retiredOn: string | null
  /** billing text of the line */
  description: string
  /** changes whenever the assignment changes (updated_at or a counter): invalidates day edits */
  version: string
}

export type BillingCustodyChain = CustodyChainInput & {
  /** the chain's consecutive as printed */
  number: string
  wasteDescription?: string | null
  treatment?: string | null
  /** the sheet that bills it, when linked */
  billingSheetId?: string | null
}
export type BillingMaintenanceSheet = MaintenanceSheetInput & { billingSheetId?: string | null }
export type BillingShippingGuide = ShippingGuideInput & { billingSheetId?: string | null }

/** The documents of the project dated inside the period (void / cancelled ones left out), with their link. */
export type BillingDocuments = {
  maintenanceSheets: BillingMaintenanceSheet[]
  shippingGuides: BillingShippingGuide[]
  custodyChains: BillingCustodyChain[]
}

export type SheetScope = { projectId: string; sheetId: string; periodStart: string; periodEnd: string }

export type RentalProjectsPort = {
  /** the project of the caller's organization, or null */
  getProject(trx: Executor, actor: Actor, projectId: string): Promise<BillingProject | null>
  listAssignments(trx: Executor, actor: Actor, projectId: string): Promise<BillingAssignment[]>
}

export type RentalDocumentsPort = {
  listDocumentsForPeriod(trx: Executor, actor: Actor, scope: SheetScope): Promise<BillingDocuments>
  /**
   * Makes these documents exactly the ones the sheet bills (a document is billed by one sheet only; a guide
   * is linked, never matched by date twice).
   */
  linkDocumentsToSheet(
    trx: Executor,
    actor: Actor,
    scope: SheetScope,
    ids: { guideIds: string[]; chainIds: string[]; maintenanceSheetIds: string[] },
  ): Promise<void>
  /** a sheet deleted or cancelled bills nothing: its documents are released */
  unlinkDocumentsFromSheet(trx: Executor, actor: Actor, scope: SheetScope): Promise<void>
  /** liquidation: the draft documents of the period become closed */
  closeDraftDocuments(trx: Executor, actor: Actor, scope: SheetScope): Promise<void>
}

/**
 * The read/link functions of rental-projects and rental-documents these ports are built on, as this module
 * needs them (their index.ts exports functions of these shapes; the composition root hands them over).
 * Declared here, not imported: the rental modules depend on the billing engine, never the other way round.
 */
export type RentalProjectsFunctions = {
  getProject: (
    trx: Executor,
    orgId: string,
    projectId: string,
  ) => Promise<
    | {
        id: string
        name: string
        client: { name: string; taxId: string | null }
        location: string | null
        cardinalPoint: string | null
        contactName: string | null
        startDate: string
        endDate: string | null
        closed: boolean
      }
    | null
    | undefined
  >
  listAssignments: (
    trx: Executor,
    orgId: string,
    projectId: string,
  ) => Promise<
    {
      id: string
      kind: 'equipment' | 'service'
      equipmentId: string
      equipmentCode: string
      equipmentName: string
      linkedEquipmentId: string | null
      linkedEquipmentCode: string | null
      linkedEquipmentName: string | null
      dailyRate: string
      rates: readonly RateEntry[]
      frequency: Frequency
      operationStart: string
      operationEnd: string | null
      retiredOn: string | null
      description: string
      version: number
    }[]
  >
}

type PeriodScope = { projectId: string; from: string; to: string }
export type RentalDocumentsFunctions = {
  listDocumentsForPeriod(trx: Executor, orgId: string, scope: PeriodScope): Promise<BillingDocuments>
  linkDocumentsToSheet(
    trx: Executor,
    orgId: string,
    sheetId: string,
    ids: { guideIds: string[]; chainIds: string[]; maintenanceSheetIds: string[] },
  ): Promise<void>
  unlinkDocumentsFromSheet(trx: Executor, orgId: string, sheetId: string): Promise<void>
  closeDraftDocuments(trx: Executor, actor: Actor, scope: PeriodScope & { sheetId: string }): Promise<unknown>
}
