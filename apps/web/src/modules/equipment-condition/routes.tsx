import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { EQUIPMENT_STATUS_SORTS, ZRentalEquipmentType, ZTechnicalStatus } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZStatusSearch = z.object({
  q: searchText(200),
  status: searchParam(ZTechnicalStatus),
  type: searchParam(ZRentalEquipmentType),
  sort: searchParam(z.enum(EQUIPMENT_STATUS_SORTS)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type StatusSearch = z.infer<typeof ZStatusSearch>

export const ZChecklistSearch = z.object({ type: searchParam(ZRentalEquipmentType) })
export type ChecklistSearch = z.infer<typeof ZChecklistSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/equipment-status',
      beforeLoad: requirePermission('equipmentCondition.read'),
      validateSearch: (s: Record<string, unknown>): StatusSearch => ZStatusSearch.parse(s),
      component: lazyPage('equipment-condition', () => import('./status-page'), 'StatusPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/equipment-checklists',
      beforeLoad: requirePermission('equipmentCondition.read'),
      validateSearch: (s: Record<string, unknown>): ChecklistSearch => ZChecklistSearch.parse(s),
      component: lazyPage('equipment-condition', () => import('./checklists-page'), 'ChecklistsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/rental/equipment/$id/condition',
      beforeLoad: requirePermission('equipmentCondition.read'),
      component: lazyPage('equipment-condition', () => import('./unit-page'), 'UnitConditionPage'),
    }),
  ] as const
