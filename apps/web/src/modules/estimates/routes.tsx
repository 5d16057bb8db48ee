import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { ZEstimateStatus } from '@faena/contracts'
import { pageSearch, searchParam } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZEstimatesSearch = z.object({
  workOrderId: searchParam(z.uuid()),
  status: searchParam(ZEstimateStatus),
  ...pageSearch,
})
export type EstimatesSearch = z.infer<typeof ZEstimatesSearch>

export const ZEstimateReportsSearch = z.object({
  workOrderId: searchParam(z.uuid()),
  asOf: searchParam(z.iso.date()),
})
export type EstimateReportsSearch = z.infer<typeof ZEstimateReportsSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/estimates',
      beforeLoad: requirePermission('estimate.read'),
      validateSearch: (s: Record<string, unknown>): EstimatesSearch => ZEstimatesSearch.parse(s),
      component: lazyPage('estimates', () => import('./estimates-list-page'), 'EstimatesListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/estimates/reports',
      beforeLoad: requirePermission('estimate.read'),
      validateSearch: (s: Record<string, unknown>): EstimateReportsSearch => ZEstimateReportsSearch.parse(s),
      component: lazyPage('estimates', () => import('./estimate-reports-page'), 'EstimateReportsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/estimates/$id',
      beforeLoad: requirePermission('estimate.read'),
      component: lazyPage('estimates', () => import('./estimate-detail-page'), 'EstimateDetailPage'),
    }),
  ] as const
