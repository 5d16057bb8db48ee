import { findProjectIds, getProject, listAssignments } from '../rental-projects'
import type { RentalProjectsPort } from './rental-documents.ports'

const CARDINAL_ES: Record<string, string> = {
  north: 'NORTE',
  south: 'SUR',
  east: 'ESTE',
  west: 'OESTE',
  northeast: 'NORESTE',
  northwest: 'NOROESTE',
  southeast: 'SURESTE',
  southwest: 'SUROESTE',
}

/** The rental-projects module (through its index.ts) as this module's projects port. */
export const rentalProjectsPort: RentalProjectsPort = {
  async getProject(trx, orgId, projectId) {
    const p = await getProject(trx, orgId, projectId)
    if (!p) return null
    const location =
      [p.location, p.cardinalPoint ? CARDINAL_ES[p.cardinalPoint] : null].filter(Boolean).join(' – ') || null
    return {
      id: p.id,
      name: p.name,
      clientName: p.client.name,
      location,
      startDate: p.startDate,
      endDate: p.endDate,
      closed: p.closed,
    }
  },
  async listAssignments(trx, orgId, projectId) {
    return (await listAssignments(trx, orgId, projectId)).map((a) => ({
      id: a.id,
      kind: a.kind,
      itemId: a.equipmentId,
      itemCode: a.equipmentCode,
      itemName: a.equipmentName,
      linkedEquipmentId: a.linkedEquipmentId,
      linkedEquipmentCode: a.linkedEquipmentCode,
      linkedEquipmentName: a.linkedEquipmentName,
      description: a.description,
      retiredOn: a.retiredOn,
    }))
  },
  findProjectIds: (trx, orgId, q) => findProjectIds(trx, orgId, q),
}
