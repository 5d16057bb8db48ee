import { createComplianceUseCases } from './compliance.service'
import { createDocumentUseCases } from './documents.service'
import { createFieldStaffExports } from './field-staff-export'
import { createFieldStaffContext, type FieldStaffServiceDeps } from './field-staff.context'
import { createStaffUseCases } from './staff.service'
import { createVehicleUseCases } from './vehicles.service'

export type { FieldStaffServiceDeps } from './field-staff.context'

/**
 * The field-staff service: one use-case file per aggregate on one shared context — staff.service.ts,
 * vehicles.service.ts, documents.service.ts (documents and files of both), compliance.service.ts (kinds,
 * report, summary, daily alert and notices), field-staff-export.ts (the list exports, as jobs). docs/field-staff.md.
 */
export function createFieldStaffService(deps: FieldStaffServiceDeps & { publicOrigin: string | undefined }) {
  const ctx = createFieldStaffContext(deps)
  return {
    ...createStaffUseCases(ctx),
    ...createVehicleUseCases(ctx),
    ...createDocumentUseCases(ctx),
    ...createComplianceUseCases({ ...ctx, publicOrigin: deps.publicOrigin }),
    ...createFieldStaffExports(ctx),
  }
}
export type FieldStaffService = ReturnType<typeof createFieldStaffService>
