import { printedLocation } from '@faena/domain'
import type {
  RentalDocumentsFunctions,
  RentalDocumentsPort,
  RentalProjectsFunctions,
  RentalProjectsPort,
} from './rental-billing.ports'

/**
 * The billing sheets' ports implemented with the other rental modules' read/link functions (handed over by
 * `services.ts`; their shapes are declared in rental-billing.ports.ts, so this module imports neither
 * rental-projects nor rental-documents: they depend on it, not the other way round). Every call runs in the
 * caller's transaction; the organization is the actor's.
 */

export type { RentalDocumentsFunctions, RentalProjectsFunctions }

/** "location – cardinal point", as printed on the sheet and the certificate (the shared rule). */
export { printedLocation }

export const rentalProjectsPort = ({
  getProject,
  listAssignments,
}: RentalProjectsFunctions): RentalProjectsPort => ({
  async getProject(trx, actor, projectId) {
    const p = await getProject(trx, actor.orgId, projectId)
    if (!p) return null
    return {
      id: p.id,
      name: p.name,
      clientName: p.client.name,
      clientTaxId: p.client.taxId,
      location: printedLocation(p.location, p.cardinalPoint),
      contactName: p.contactName,
      startDate: p.startDate,
      endDate: p.endDate,
      closed: p.closed,
    }
  },
  async listAssignments(trx, actor, projectId) {
    const rows = await listAssignments(trx, actor.orgId, projectId)
    return rows.map((a) => {
      const service = a.kind === 'service'
      return {
        id: a.id,
        kind: a.kind,
        // a service bills against the equipment it attends; an equipment line is the unit itself
        equipmentId: service ? a.linkedEquipmentId : a.equipmentId,
        equipmentCode: service ? a.linkedEquipmentCode : a.equipmentCode,
        equipmentName: service ? a.linkedEquipmentName : a.equipmentName,
        dailyRate: a.dailyRate,
        rates: a.rates,
        frequency: a.frequency,
        operationStart: a.operationStart,
        operationEnd: a.operationEnd,
        retiredOn: a.retiredOn,
        description: a.description,
        version: String(a.version),
      }
    })
  },
})

const period = (s: { projectId: string; periodStart: string; periodEnd: string }) => ({
  projectId: s.projectId,
  from: s.periodStart,
  to: s.periodEnd,
})

export const rentalDocumentsPort = (fns: RentalDocumentsFunctions): RentalDocumentsPort => ({
  listDocumentsForPeriod: (trx, actor, scope) => fns.listDocumentsForPeriod(trx, actor.orgId, period(scope)),
  linkDocumentsToSheet: (trx, actor, scope, ids) =>
    fns.linkDocumentsToSheet(trx, actor.orgId, scope.sheetId, ids),
  unlinkDocumentsFromSheet: (trx, actor, scope) =>
    fns.unlinkDocumentsFromSheet(trx, actor.orgId, scope.sheetId),
  async closeDraftDocuments(trx, actor, scope) {
    await fns.closeDraftDocuments(trx, actor, { ...period(scope), sheetId: scope.sheetId })
  },
})
