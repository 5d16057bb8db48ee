/**
 * The contract concept catalog module's only public entry: ordinary concepts of the contract's Anexo C and
 * extraordinary concepts (PUE), their imports, and the lookup other modules match workbook rows with.
 *
 * For the per-work-order Anexo C import (work-orders module):
 *   const results = await lookupConcepts(trx, actor.orgId, rows.map((r) => ({ code, description, unit, annex })))
 *   results[i].found ? results[i].concept (id, prices, unit…) : results[i].reasons / results[i].message
 * Rules: concept-matcher.ts and docs/imports.md (#concept-catalog, #matching-rows-against-the-catalog).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { createConceptsExport } from './concepts-export'
import { conceptsRoutes } from './concepts.routes'
import { createConceptsService, type CatalogsPort } from './concepts.service'

export type { ConceptTables } from './concepts.tables'
export {
  createConceptsService,
  getConceptsByIds,
  lookupConcepts,
  type CatalogsPort as ConceptsCatalogsPort,
  type ConceptsService,
  type ImportConceptsOptions,
} from './concepts.service'
export {
  matchConcept,
  type CatalogConcept,
  type ConceptLookupKey,
  type ConceptLookupResult,
  type ConceptMissReason,
} from './concept-matcher'
export { conceptsRoutes } from './concepts.routes'
export { CONCEPTS_EXPORT_JOB } from './concepts-export'

export function createConceptsModule(deps: {
  db: Db
  clock: () => Date
  catalogs: CatalogsPort
  jobs: Pick<JobsService, 'define'>
}) {
  const service = createConceptsService(deps)
  // the list's export runs as a job, defined now (before the server starts)
  const exports = createConceptsExport(deps)
  /** register with `app.register(concepts.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(conceptsRoutes, { concepts: service, exports })
  }
  return { service, routes }
}
export type ConceptsModule = ReturnType<typeof createConceptsModule>
/** The normalisations the catalog compares with (codes, descriptions, units, sub-annexes). */
export {
  foldText as foldConceptText,
  normalizeAnnex,
  normalizeCode,
  unitKey as conceptUnitKey,
} from './concept-text'
