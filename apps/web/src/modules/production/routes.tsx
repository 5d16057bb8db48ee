import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { ZMonth, ZTimeType } from '@faena/contracts'
import { searchParam } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZProductionSearch = z.object({
  month: searchParam(ZMonth),
  siteId: searchParam(z.uuid()),
  tab: searchParam(z.enum(['daily', 'grid', 'evidence', 'monthly', 'settings'])),
  workOrderId: searchParam(z.uuid()),
  timeType: searchParam(ZTimeType),
})
export type ProductionSearch = z.infer<typeof ZProductionSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/production',
      beforeLoad: requirePermission('production.read'),
      validateSearch: (s: Record<string, unknown>): ProductionSearch => ZProductionSearch.parse(s),
      component: lazyPage('production', () => import('./production-page'), 'ProductionPage'),
    }),
  ] as const
