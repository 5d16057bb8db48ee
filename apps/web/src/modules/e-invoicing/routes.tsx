import { createRoute } from '@tanstack/react-router'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/admin/e-invoicing',
      beforeLoad: requirePermission('eInvoicing.configure'),
      component: lazyPage('e-invoicing', () => import('./settings-page'), 'EInvoicingSettingsPage'),
    }),
  ] as const
