import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { WORK_ORDER_SORTS, ZWorkOrderStatus, ZWorkOrderType } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const isoDate = searchParam(z.iso.date())

export const ZWorkOrdersSearch = z.object({
  q: searchText(200),
  type: searchParam(ZWorkOrderType),
  status: searchParam(ZWorkOrderStatus),
  frontId: searchParam(z.uuid()),
  siteId: searchParam(z.uuid()),
  clientId: searchParam(z.uuid()),
  projectManagerId: searchParam(z.uuid()),
  proposalId: searchParam(z.uuid()),
  familyId: searchParam(z.uuid()),
  from: isoDate,
  to: isoDate,
  /**
   * `overdue`, or `N`: due within N days (the API's bounds). The router parses `?due=7` as the number 7;
   * the quoted form `?due="7"` is accepted too.
   */
  due: searchParam(
    z.union([
      z.literal('overdue'),
      z.number().int().min(0).max(3650),
      z
        .string()
        .regex(/^\d{1,4}$/)
        .transform(Number)
        .pipe(z.number().max(3650)),
    ]),
  ),
  /** `?assignedToMe=true` arrives as a boolean; the quoted string form is accepted too */
  assignedToMe: searchParam(z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])),
  sort: searchParam(z.enum(WORK_ORDER_SORTS)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type WorkOrdersSearch = z.infer<typeof ZWorkOrdersSearch>

export const DETAIL_TABS = [
  'data',
  'steps',
  'concepts',
  'schedule',
  'progress',
  'reprogrammings',
  'activity',
] as const
export type DetailTab = (typeof DETAIL_TABS)[number]
export const ZWorkOrderDetailSearch = z.object({ tab: searchParam(z.enum(DETAIL_TABS)) })
export const ZWorkOrderNewSearch = z.object({ proposalId: searchParam(z.uuid()) })

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/work-orders',
      beforeLoad: requirePermission('workOrder.read'),
      validateSearch: (s: Record<string, unknown>): WorkOrdersSearch => ZWorkOrdersSearch.parse(s),
      component: lazyPage('work-orders', () => import('./work-orders-list-page'), 'WorkOrdersListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/work-orders/new',
      beforeLoad: requirePermission('workOrder.create'),
      validateSearch: (s: Record<string, unknown>) => ZWorkOrderNewSearch.parse(s),
      component: lazyPage('work-orders', () => import('./work-order-new-page'), 'WorkOrderNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/work-orders/import',
      beforeLoad: requirePermission('workOrder.import'),
      component: lazyPage('work-orders', () => import('./work-order-import-page'), 'WorkOrderImportPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/work-orders/$id',
      beforeLoad: requirePermission('workOrder.read'),
      validateSearch: (s: Record<string, unknown>) => ZWorkOrderDetailSearch.parse(s),
      component: lazyPage('work-orders', () => import('./work-order-detail-page'), 'WorkOrderDetailPage'),
    }),
  ] as const
