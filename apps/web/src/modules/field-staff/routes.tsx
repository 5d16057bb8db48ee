import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { FIELD_STAFF_SORTS, VEHICLE_SORTS, ZComplianceOwnerKind, ZComplianceStatus } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const dir = searchParam(z.enum(['asc', 'desc']))
const active = searchParam(z.enum(['true', 'false']))

export const ZStaffSearch = z.object({
  q: searchText(200),
  status: searchParam(ZComplianceStatus),
  active,
  sort: searchParam(z.enum(FIELD_STAFF_SORTS)),
  dir,
  ...pageSearch,
})
export type StaffSearch = z.infer<typeof ZStaffSearch>

export const ZVehiclesSearch = z.object({
  q: searchText(200),
  status: searchParam(ZComplianceStatus),
  active,
  sort: searchParam(z.enum(VEHICLE_SORTS)),
  dir,
  ...pageSearch,
})
export type VehiclesSearch = z.infer<typeof ZVehiclesSearch>

export const ZReportSearch = z.object({
  q: searchText(200),
  status: searchParam(ZComplianceStatus),
  ownerKind: searchParam(ZComplianceOwnerKind),
  kindId: searchParam(z.uuid()),
  sort: searchParam(z.enum(['expiresOn', 'owner', 'kind'])),
  dir,
  ...pageSearch,
})
export type ReportSearch = z.infer<typeof ZReportSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/staff',
      beforeLoad: requirePermission('fieldStaff.read'),
      validateSearch: (s: Record<string, unknown>): StaffSearch => ZStaffSearch.parse(s),
      component: lazyPage('field-staff', () => import('./staff-pages'), 'StaffPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/staff/$id',
      beforeLoad: requirePermission('fieldStaff.read'),
      component: lazyPage('field-staff', () => import('./staff-pages'), 'PersonPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/vehicles',
      beforeLoad: requirePermission('fieldStaff.read'),
      validateSearch: (s: Record<string, unknown>): VehiclesSearch => ZVehiclesSearch.parse(s),
      component: lazyPage('field-staff', () => import('./vehicle-pages'), 'VehiclesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/vehicles/$id',
      beforeLoad: requirePermission('fieldStaff.read'),
      component: lazyPage('field-staff', () => import('./vehicle-pages'), 'VehiclePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/compliance',
      beforeLoad: requirePermission('fieldStaff.read'),
      validateSearch: (s: Record<string, unknown>): ReportSearch => ZReportSearch.parse(s),
      component: lazyPage('field-staff', () => import('./compliance-page'), 'CompliancePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/compliance/kinds',
      beforeLoad: requirePermission('fieldStaff.read'),
      component: lazyPage('field-staff', () => import('./kinds-page'), 'KindsPage'),
    }),
  ] as const
