import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import {
  RENTAL_CLIENT_SORTS,
  RENTAL_EQUIPMENT_SORTS,
  RENTAL_PROJECT_SORTS,
  ZRentalAvailability,
  ZRentalCondition,
  ZRentalEquipmentKind,
  ZRentalEquipmentType,
} from '@faena/contracts'
import { pageSearch, searchFlag, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

const dir = searchParam(z.enum(['asc', 'desc']))

export const ZClientsSearch = z.object({
  q: searchText(200),
  sort: searchParam(z.enum(RENTAL_CLIENT_SORTS)),
  dir,
  ...pageSearch,
})
export type ClientsSearch = z.infer<typeof ZClientsSearch>

export const ZProjectsSearch = z.object({
  q: searchText(200),
  status: searchParam(z.enum(['open', 'closed'])),
  clientId: searchParam(z.uuid()),
  sort: searchParam(z.enum(RENTAL_PROJECT_SORTS)),
  dir,
  ...pageSearch,
})
export type ProjectsSearch = z.infer<typeof ZProjectsSearch>

export const ZProjectSearch = z.object({
  tab: searchParam(z.enum(['assignments', 'calendar'])),
  month: searchParam(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  retired: searchFlag,
})
export type ProjectSearch = z.infer<typeof ZProjectSearch>

export const ZEquipmentSearch = z.object({
  q: searchText(200),
  kind: searchParam(ZRentalEquipmentKind),
  type: searchParam(ZRentalEquipmentType),
  condition: searchParam(ZRentalCondition),
  availability: searchParam(ZRentalAvailability),
  review: searchFlag,
  sort: searchParam(z.enum(RENTAL_EQUIPMENT_SORTS)),
  dir,
  ...pageSearch,
})
export type EquipmentSearch = z.infer<typeof ZEquipmentSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/clients',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): ClientsSearch => ZClientsSearch.parse(s),
      component: lazyPage('rental-projects', () => import('./clients-page'), 'ClientsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/projects',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): ProjectsSearch => ZProjectsSearch.parse(s),
      component: lazyPage('rental-projects', () => import('./projects-page'), 'ProjectsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/projects/$id',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): ProjectSearch => ZProjectSearch.parse(s),
      component: lazyPage('rental-projects', () => import('./project-detail-page'), 'ProjectDetailPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/equipment',
      beforeLoad: requirePermission('rental.read'),
      validateSearch: (s: Record<string, unknown>): EquipmentSearch => ZEquipmentSearch.parse(s),
      component: lazyPage('rental-projects', () => import('./equipment-page'), 'EquipmentPage'),
    }),
  ] as const
