/**
 * The equipment-condition module's only public entry: checklists of parts per equipment type, inspections of
 * a unit, repair marks, the technical status derived from them, the status report and its export, and the
 * printable checklists (docs/equipment-condition.md). It reads the equipment catalog and the technicians
 * through ports handed over by services.ts (rental-projects' and field-staff's index.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { equipmentConditionRoutes } from './equipment-condition.routes'
import { createEquipmentConditionService, type EquipmentConditionDeps } from './equipment-condition.service'

export type { EquipmentConditionTables } from './equipment-condition.tables'
export type { EquipmentConditionDeps, EquipmentConditionService } from './equipment-condition.service'
export { technicalStatus } from './technical-status'
export { EQUIPMENT_CONDITION_EXPORT_JOBS, TECHNICAL_STATUS_ES } from './status-report'
export { seedDemoEquipmentCondition } from './equipment-condition.seed'

/** Builds the service (its export job defined now, before the server starts) and its routes. */
export function createEquipmentConditionModule(deps: EquipmentConditionDeps) {
  const service = createEquipmentConditionService(deps)
  /** register with `app.register(equipmentCondition.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(equipmentConditionRoutes, { service })
  }
  return { service, routes }
}
export type EquipmentConditionModule = ReturnType<typeof createEquipmentConditionModule>
