/**
 * The work-order concepts module's only public entry: the Anexo C of a work order in versions (import with
 * diff, confirm / discard, active lines with planned volumes per day). Rules: docs/work-order-concepts.md.
 *
 * For the work-orders family view: `familyAuthorizedVolumes` is its `familyVolumes` port. For production and
 * estimates: `listActiveWorkOrderConcepts(trx, orgId, workOrderIds)` (the lines in force of each work order) and
 * `listPlannedVolumes(trx, orgId, importIds, from, to)` (their programme in a date range). For
 * production: `service.addCatalogConcept(trx, actor, workOrderId, input)` (a concept added from the catalog with
 * its volume to authorize, as a new confirmed version, in the caller's transaction).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import { workOrderConceptsRoutes } from './work-order-concepts.routes'
import { createWorkOrderConceptsService, type FilesPort } from './work-order-concepts.service'

export type { WorkOrderConceptTables } from './work-order-concepts.tables'
export {
  createWorkOrderConceptsService,
  familyAuthorizedVolumes,
  listActiveWorkOrderConcepts,
  listPlannedVolumes,
  type AddCatalogConceptInput,
  type ImportAnnexOptions,
  type ImportAnnexResult,
  type WorkOrderConceptsService,
} from './work-order-concepts.service'
export { workOrderConceptsRoutes } from './work-order-concepts.routes'
/** The reading of a workbook against the organization's catalog (no writes), for benchmarks and tools. */
export { parseAnnexCWithCatalog } from './annex-c-lookup'
export { locateAnnexCTable } from './annex-c-parser'
/** The (annex, code, description) key lines of a family are consolidated by (docs/work-order-concepts.md#family-consolidation). */
export { annexLineKey } from './annex-c-diff'
export { OBSERVATIONS_HEADER } from './annex-c-error-workbook'

export function createWorkOrderConceptsModule(deps: { db: Db; clock: () => Date; files: FilesPort }) {
  const service = createWorkOrderConceptsService(deps)
  /** register with `app.register(workOrderConcepts.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(workOrderConceptsRoutes, { service })
  }
  return { service, routes }
}
export type WorkOrderConceptsModule = ReturnType<typeof createWorkOrderConceptsModule>
