import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { ZBillingSheetStatus, ZProposalStatus, ZWorkOrderStatus } from '@faena/contracts'
import { searchParam } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const isoDate = searchParam(z.iso.date())

/** The offshore dashboard's filters, in the URL so a view can be bookmarked and shared (docs/insights.md). */
export const ZOffshoreSearch = z.object({
  from: isoDate,
  to: isoDate,
  clientId: searchParam(z.uuid()),
  frontId: searchParam(z.uuid()),
  siteId: searchParam(z.uuid()),
  proposalStatus: searchParam(ZProposalStatus),
  workOrderStatus: searchParam(ZWorkOrderStatus),
})
export type OffshoreSearch = z.infer<typeof ZOffshoreSearch>

export const ZRentalSearch = z.object({
  from: isoDate,
  to: isoDate,
  clientId: searchParam(z.uuid()),
  sheetStatus: searchParam(ZBillingSheetStatus),
})
export type RentalSearch = z.infer<typeof ZRentalSearch>

/** The dashboard pages (and ECharts with them) load only when a dashboard route is entered. */
export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/insights/offshore',
      beforeLoad: requirePermission('workOrder.read'),
      validateSearch: (s: Record<string, unknown>): OffshoreSearch => ZOffshoreSearch.parse(s),
      component: lazyPage('insights', () => import('./offshore-dashboard-page'), 'OffshoreDashboardPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/insights/rental',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): RentalSearch => ZRentalSearch.parse(s),
      component: lazyPage('insights', () => import('./rental-dashboard-page'), 'RentalDashboardPage'),
    }),
  ] as const
