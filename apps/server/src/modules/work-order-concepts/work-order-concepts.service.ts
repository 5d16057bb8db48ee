import { createAnnexAdditionUseCases } from './annex-additions.service'
import { createAnnexImportUseCases } from './annex-import.service'
import { createAnnexReadUseCases } from './annex-reads.service'
import { createAnnexVersionUseCases } from './annex-versions.service'
import {
  createWorkOrderConceptsContext,
  type WorkOrderConceptsServiceDeps,
} from './work-order-concepts.context'

export type { FilesPort, WorkOrderConceptsServiceDeps } from './work-order-concepts.context'
export type { ImportAnnexOptions, ImportAnnexResult } from './annex-import.service'
export type { AddCatalogConceptInput } from './annex-additions.service'
export {
  familyAuthorizedVolumes,
  listActiveWorkOrderConcepts,
  listPlannedVolumes,
} from './work-order-concepts.read'

/**
 * The work-order concepts service: one use-case file per use case on one shared context
 * (work-order-concepts.context.ts) — annex-import.service.ts (import or reject a workbook),
 * annex-versions.service.ts (confirm, discard), annex-reads.service.ts (versions, lines in force),
 * annex-additions.service.ts (a concept added from the catalog, for other modules' transactions); the reads
 * other modules use in work-order-concepts.read.ts (docs/work-order-concepts.md#files).
 */
export function createWorkOrderConceptsService(deps: WorkOrderConceptsServiceDeps) {
  const ctx = createWorkOrderConceptsContext(deps)
  return {
    requireWorkOrder: ctx.requireWorkOrder,
    ...createAnnexImportUseCases(ctx),
    ...createAnnexVersionUseCases(ctx),
    ...createAnnexReadUseCases(ctx),
    ...createAnnexAdditionUseCases(ctx),
  }
}

export type WorkOrderConceptsService = ReturnType<typeof createWorkOrderConceptsService>
