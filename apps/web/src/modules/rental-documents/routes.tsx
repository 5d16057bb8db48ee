import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { ZGuideType, ZMaintenanceType, ZWasteType } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const isoDate = searchParam(z.iso.date())

/** List filters in the URL (one shape for the three lists; each uses its own extras). */
export const ZDocsSearch = z.object({
  q: searchText(200),
  projectId: searchParam(z.uuid()),
  status: searchParam(z.enum(['draft', 'closed', 'void', 'cancelled'])),
  from: isoDate,
  to: isoDate,
  maintenanceType: searchParam(ZMaintenanceType),
  wasteType: searchParam(ZWasteType),
  guideType: searchParam(ZGuideType),
  billed: searchParam(z.enum(['true', 'false'])),
  sort: searchParam(z.string().max(40)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type DocsSearch = z.infer<typeof ZDocsSearch>
const validateSearch = (s: Record<string, unknown>): DocsSearch => ZDocsSearch.parse(s)
export const ZNewDocSearch = z.object({ projectId: searchParam(z.uuid()) })
const validateNew = (s: Record<string, unknown>) => ZNewDocSearch.parse(s)

const read = requirePermission('rental.read')
const manage = requirePermission('fieldDocument.manage')

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/maintenance-sheets',
      beforeLoad: read,
      validateSearch,
      component: lazyPage('rental-documents', () => import('./maintenance'), 'MaintenanceListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/maintenance-sheets/new',
      beforeLoad: manage,
      validateSearch: validateNew,
      component: lazyPage('rental-documents', () => import('./maintenance'), 'MaintenanceNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/maintenance-sheets/$id',
      beforeLoad: read,
      component: lazyPage('rental-documents', () => import('./maintenance'), 'MaintenanceDetailPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/maintenance-sheets/$id/edit',
      beforeLoad: manage,
      component: lazyPage('rental-documents', () => import('./maintenance'), 'MaintenanceEditPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/custody-chains',
      beforeLoad: read,
      validateSearch,
      component: lazyPage('rental-documents', () => import('./chains'), 'ChainsListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/custody-chains/new',
      beforeLoad: manage,
      validateSearch: validateNew,
      component: lazyPage('rental-documents', () => import('./chains'), 'ChainNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/custody-chains/$id',
      beforeLoad: read,
      component: lazyPage('rental-documents', () => import('./chains'), 'ChainDetailPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/custody-chains/$id/edit',
      beforeLoad: manage,
      component: lazyPage('rental-documents', () => import('./chains'), 'ChainEditPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/shipping-guides',
      beforeLoad: read,
      validateSearch,
      component: lazyPage('rental-documents', () => import('./guides'), 'GuidesListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/shipping-guides/new',
      beforeLoad: manage,
      validateSearch: validateNew,
      component: lazyPage('rental-documents', () => import('./guides'), 'GuideNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/shipping-guides/$id',
      beforeLoad: read,
      component: lazyPage('rental-documents', () => import('./guides'), 'GuideDetailPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/shipping-guides/$id/edit',
      beforeLoad: manage,
      component: lazyPage('rental-documents', () => import('./guides'), 'GuideEditPage'),
    }),
  ] as const
