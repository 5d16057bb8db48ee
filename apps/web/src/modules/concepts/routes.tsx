import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { CONCEPT_SORTS, ZConceptKind, ZPueStatus } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

/** The list's filters, kept in the URL. Bad values are dropped. */
export const ZConceptsSearch = z.object({
  kind: searchParam(ZConceptKind),
  q: searchText(200),
  annex: searchParam(z.string().max(20)),
  status: searchParam(ZPueStatus),
  sort: searchParam(z.enum(CONCEPT_SORTS)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type ConceptsSearch = z.infer<typeof ZConceptsSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/concepts',
      beforeLoad: requirePermission('concept.read'),
      validateSearch: (s: Record<string, unknown>): ConceptsSearch => ZConceptsSearch.parse(s),
      component: lazyPage('concepts', () => import('./concepts-page'), 'ConceptsPage'),
    }),
  ] as const
