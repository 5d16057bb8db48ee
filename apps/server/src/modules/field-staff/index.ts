/**
 * The field-staff module's only public entry: technicians, vehicles, their compliance documents (credentials,
 * passes, vehicle papers), vaccines and scans, the compliance report, the daily alert and the notices
 * `compliance.expiring` (docs/field-staff.md).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { fieldStaffRoutes } from './field-staff.routes'
import { createFieldStaffService, type FieldStaffServiceDeps } from './field-staff.service'

export type { FieldStaffTables } from './field-staff.tables'
export type { FieldStaffService, FieldStaffServiceDeps } from './field-staff.service'
export { checkFieldAssignment, complianceSummary, COMPLIANCE_LINK } from './compliance.service'
export { classifyExpiry } from './compliance-rules'
export { fieldStaffReferenceSources, ensureDefaultKinds } from './field-staff.repository'
export { seedDemoFieldStaff } from './field-staff.seed'

/** Builds the service and its routes (every port required; services.ts hands them over). */
export function createFieldStaffModule(deps: FieldStaffServiceDeps & { publicOrigin: string | undefined }) {
  const service = createFieldStaffService(deps)
  /** register with `app.register(fieldStaff.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(fieldStaffRoutes, { service })
  }
  return { service, routes }
}
export type FieldStaffModule = ReturnType<typeof createFieldStaffModule>
