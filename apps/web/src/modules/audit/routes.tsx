import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZAuditSearch = z.object({
  userId: searchParam(z.uuid()),
  module: searchText(60),
  entityType: searchText(60),
  entityId: searchText(100),
  action: searchText(100),
  from: searchParam(z.iso.date()),
  to: searchParam(z.iso.date()),
  ...pageSearch,
})
export type AuditSearch = z.infer<typeof ZAuditSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/audit',
      beforeLoad: requirePermission('audit.read'),
      validateSearch: (s: Record<string, unknown>): AuditSearch => ZAuditSearch.parse(s),
      component: lazyPage('all', () => import('./audit-page'), 'AuditPage'),
    }),
  ] as const
