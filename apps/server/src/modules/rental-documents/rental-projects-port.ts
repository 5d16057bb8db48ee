import { printedLocation } from '@faena/domain'
import { findProjectIds, getAssignments, getProject, getProjects, listAssignments } from '../rental-projects'
import type { DocumentAssignment, DocumentProject, RentalProjectsPort } from './rental-documents.ports'

type ProjectOf = NonNullable<Awaited<ReturnType<typeof getProject>>>
type AssignmentOf = Awaited<ReturnType<typeof listAssignments>>[number]

const toDocumentProject = (p: ProjectOf): DocumentProject => {
  const location = printedLocation(p.location, p.cardinalPoint)
  return {
    id: p.id,
    name: p.name,
    clientName: p.client.name,
    location,
    startDate: p.startDate,
    endDate: p.endDate,
    closed: p.closed,
  }
}

const toDocumentAssignment = (a: AssignmentOf): DocumentAssignment => ({
  id: a.id,
  kind: a.kind,
  itemId: a.equipmentId,
  itemCode: a.equipmentCode,
  itemName: a.equipmentName,
  linkedEquipmentId: a.linkedEquipmentId,
  linkedEquipmentCode: a.linkedEquipmentCode,
  linkedEquipmentName: a.linkedEquipmentName,
  description: a.description,
  operationStart: a.operationStart,
  operationEnd: a.operationEnd,
  retiredOn: a.retiredOn,
})

/** The rental-projects module (through its index.ts) as this module's projects port. */
export const rentalProjectsPort: RentalProjectsPort = {
  async getProject(trx, orgId, projectId) {
    const p = await getProject(trx, orgId, projectId)
    return p ? toDocumentProject(p) : null
  },
  async getProjects(trx, orgId, ids) {
    return (await getProjects(trx, orgId, ids)).map(toDocumentProject)
  },
  async listAssignments(trx, orgId, projectId) {
    return (await listAssignments(trx, orgId, projectId)).map(toDocumentAssignment)
  },
  async getAssignments(trx, orgId, ids) {
    return (await getAssignments(trx, orgId, ids)).map(toDocumentAssignment)
  },
  findProjectIds: (trx, orgId, q) => findProjectIds(trx, orgId, q),
}
