import { createAssignmentRetirementUseCases } from './assignment-retirement.service'
import { createAssignmentUseCases } from './assignments.service'
import { createCalendarUseCases } from './calendar.service'
import { createClientUseCases } from './clients.service'
import { createEquipmentImportUseCases } from './equipment-import.service'
import { createEquipmentUseCases } from './equipment.service'
import { createProjectUseCases } from './projects.service'
import { createRentalProjectsContext, type RentalProjectsServiceDeps } from './rental-projects.context'

export type { RentalProjectsHooks, RentalProjectsServiceDeps } from './rental-projects.context'

/**
 * The rental projects service: one use-case file per aggregate, all built on one shared context
 * (rental-projects.context.ts) — clients.service.ts, projects.service.ts, equipment.service.ts,
 * equipment-import.service.ts, assignments.service.ts, assignment-retirement.service.ts (with
 * assignment-checks.ts), calendar.service.ts (docs/rental-projects.md).
 */
export function createRentalProjectsService(deps: RentalProjectsServiceDeps) {
  const ctx = createRentalProjectsContext(deps)
  return {
    ...createClientUseCases(ctx),
    ...createProjectUseCases(ctx),
    ...createEquipmentUseCases(ctx),
    ...createEquipmentImportUseCases(ctx),
    ...createAssignmentUseCases(ctx),
    ...createAssignmentRetirementUseCases(ctx),
    ...createCalendarUseCases(ctx),
  }
}

export type RentalProjectsService = ReturnType<typeof createRentalProjectsService>
