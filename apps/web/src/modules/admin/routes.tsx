import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { ZMailStatus, ZRole } from '@faena/contracts'
import { pageSearch, searchParam, searchText } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const ZUsersSearch = z.object({
  q: searchText(200),
  role: searchParam(ZRole),
  active: searchParam(z.enum(['true', 'false'])),
  ...pageSearch,
})
export type UsersSearch = z.infer<typeof ZUsersSearch>

export const ZMailSearch = z.object({ status: searchParam(ZMailStatus), ...pageSearch })
export type MailSearch = z.infer<typeof ZMailSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/users',
      beforeLoad: requirePermission('user.manage'),
      validateSearch: (s: Record<string, unknown>): UsersSearch => ZUsersSearch.parse(s),
      component: lazyPage('admin', () => import('./users-page'), 'UsersPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/backups',
      beforeLoad: requirePermission('backup.manage'),
      component: lazyPage('admin', () => import('./backups-page'), 'BackupsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/mail',
      beforeLoad: requirePermission('mail.configure'),
      validateSearch: (s: Record<string, unknown>): MailSearch => ZMailSearch.parse(s),
      component: lazyPage('admin', () => import('./mail-page'), 'MailPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/digest',
      beforeLoad: requirePermission('mail.configure'),
      component: lazyPage('admin', () => import('./digest-page'), 'DigestPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/due-alerts',
      beforeLoad: requirePermission('mail.configure'),
      component: lazyPage('admin', () => import('./due-alerts-page'), 'DueAlertsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/feeds',
      beforeLoad: requirePermission('apiToken.manage'),
      component: lazyPage('admin', () => import('./feeds-page'), 'FeedsPage'),
    }),
  ] as const
