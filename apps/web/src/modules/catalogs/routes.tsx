import { createRoute, notFound, redirect } from '@tanstack/react-router'
import { z } from 'zod'
import { CATALOG_NAMES, ZClientType, type TCatalogName } from '@faena/contracts'
import { pageSearch, searchFlag, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZCatalogSearch = z.object({
  q: searchText(200),
  includeInactive: searchFlag,
  sort: searchParam(z.enum(['name', 'createdAt', 'key'])),
  dir: searchParam(z.enum(['asc', 'desc'])),
  clientType: searchParam(ZClientType),
  level: searchParam(z.string().max(40)),
  kind: searchParam(z.string().max(40)),
  ...pageSearch,
})
export type CatalogSearch = z.infer<typeof ZCatalogSearch>

const isCatalogName = (s: string): s is TCatalogName => (CATALOG_NAMES as readonly string[]).includes(s)

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogs',
      beforeLoad: (ctx) => {
        requirePermission('catalog.read')(ctx)
        throw redirect({ to: '/catalogs/$name', params: { name: 'clients' }, replace: true })
      },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/catalogs/$name',
      beforeLoad: (ctx) => {
        requirePermission('catalog.read')(ctx)
        if (!isCatalogName(ctx.params.name)) throw notFound()
      },
      validateSearch: (s: Record<string, unknown>): CatalogSearch => ZCatalogSearch.parse(s),
      component: lazyPage('catalogs', () => import('./catalog-page'), 'CatalogPage'),
    }),
  ] as const
