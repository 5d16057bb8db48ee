/**
 * The global search module's only public entry (docs/search.md). Its table, `search_documents`, is kept by
 * database triggers on the searchable tables (migration 0018_search); this module only reads it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/executor'
import { searchRoutes } from './search.routes'
import { createSearchService } from './search.service'

export type { SearchTables } from './search.tables'
export { createSearchService, type SearchService, type SearchOptions } from './search.service'
export { searchReferenceSource } from './search.repository'
export { KIND_ACCESS as SEARCH_KIND_ACCESS, searchableKinds } from './search-rules'

export function createSearchModule(deps: { db: Db }) {
  const service = createSearchService(deps)
  /** register with `app.register(search.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(searchRoutes, { search: service })
  }
  return { service, routes }
}
export type SearchModule = ReturnType<typeof createSearchModule>
