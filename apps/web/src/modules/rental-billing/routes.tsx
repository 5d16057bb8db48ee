import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { BILLING_SHEET_SORTS, ZBillingSheetStatus } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const isoDate = searchParam(z.iso.date())

export const ZSheetsSearch = z.object({
  q: searchText(200),
  status: searchParam(ZBillingSheetStatus),
  projectId: searchParam(z.uuid()),
  periodFrom: isoDate,
  periodTo: isoDate,
  sort: searchParam(z.enum(BILLING_SHEET_SORTS)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type SheetsSearch = z.infer<typeof ZSheetsSearch>

export const ZNewSheetSearch = z.object({ projectId: searchParam(z.uuid()) })

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/billing-sheets',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): SheetsSearch => ZSheetsSearch.parse(s),
      component: lazyPage('rental-billing', () => import('./sheets-list-page'), 'BillingSheetsListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/billing-sheets/new',
      beforeLoad: requirePermission('billingSheet.manage'),
      validateSearch: (s: Record<string, unknown>) => ZNewSheetSearch.parse(s),
      component: lazyPage('rental-billing', () => import('./sheet-new-page'), 'BillingSheetNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/billing-sheets/$id',
      beforeLoad: requirePermission('rental.read'),
      component: lazyPage('rental-billing', () => import('./sheet-detail-page'), 'BillingSheetDetailPage'),
    }),
  ] as const
