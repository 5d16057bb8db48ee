import type { TStoredFile } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import type { FileKind } from '../../platform/files/file-type'

/**
 * What this module needs from the others, as plain data. The composition root (app.ts) adapts
 * rental-projects (through its index.ts) and the billing sheets to these ports; every call runs inside
 * the caller's transaction (`trx`) when one is open.
 */

export type DocumentProject = {
  id: string
  name: string
  clientName: string
  /** camp / location and cardinal point as printed */
  location: string | null
  startDate: string
  endDate: string | null
  closed: boolean
}

/** An assignment of the project (equipment or service), active or retired. */
export type DocumentAssignment = {
  id: string
  kind: 'equipment' | 'service'
  /** the catalog item assigned (for a service: the service item) */
  itemId: string
  itemCode: string
  itemName: string
  /** a service's linked physical equipment */
  linkedEquipmentId: string | null
  linkedEquipmentCode: string | null
  linkedEquipmentName: string | null
  /** billing text of the assignment */
  description: string
  /** operating window: first day, planned last day (the retirement date replaces it when retired) */
  operationStart: string
  operationEnd: string | null
  retiredOn: string | null
}

export type RentalProjectsPort = {
  /** the project of the organization, or null */
  getProject(trx: Executor, orgId: string, projectId: string): Promise<DocumentProject | null>
  /** projects by id, in one query (lists and exports); unknown ids are left out */
  getProjects(trx: Executor, orgId: string, ids: readonly string[]): Promise<DocumentProject[]>
  /** every assignment of the project (active or retired) */
  listAssignments(trx: Executor, orgId: string, projectId: string): Promise<DocumentAssignment[]>
  /** assignments by id (any project of the organization), in one query; unknown ids are left out */
  getAssignments(trx: Executor, orgId: string, ids: readonly string[]): Promise<DocumentAssignment[]>
  /** ids of the organization's projects whose name, location or client matches `q` (list search) */
  findProjectIds(trx: Executor, orgId: string, q: string): Promise<string[]>
}

/**
 * The billing sheets' guard and hook (wired by the billing module). Every create, update, status change
 * and deletion of a document calls `assertPeriodOpen` first (a liquidated, invoiced sheet covering the
 * document's project and date, or the sheet that bills it, → 409) and `afterDocumentChanged` last, both
 * inside the same transaction.
 */
export type BillingPort = {
  assertPeriodOpen(
    trx: Executor,
    actor: Actor,
    scope: { projectId: string; date: string; sheetId?: string },
  ): Promise<void>
  /** `field`: the document's amount input, named by a 400 when the sheet's totals would not fit */
  afterDocumentChanged(
    trx: Executor,
    actor: Actor,
    scope: { projectId: string; date: string; field?: string },
  ): Promise<void>
}

export type FilesPort = {
  uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly FileKind[] },
    trx?: Executor,
  ): Promise<TStoredFile>
}

/**
 * The field-staff module's check of the driver and vehicle a document names (docs/field-staff.md): the person
 * must be an active technician with a licence valid on `date`, the vehicle active with a registration valid on
 * `date`; else a 400 naming `field`. Answers their names for the document's free text.
 */
export type FieldStaffPort = {
  checkFieldAssignment(
    trx: Executor,
    orgId: string,
    p: {
      date: string
      driver?: { staffId: string; field: string; needsLicence: boolean } | null
      vehicle?: { vehicleId: string; field: string } | null
    },
  ): Promise<{ driver: { name: string; cedula: string } | null; vehicle: { plate: string } | null }>
}
