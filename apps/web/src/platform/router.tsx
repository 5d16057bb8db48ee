/**
 * Routes (TanStack Router, code-based, no codegen).
 *
 * HOW A MODULE ADDS ITS SCREENS
 *
 * 1. In `src/modules/<domain>/routes.tsx` export a function that receives the authenticated layout
 *    route and returns its routes as a tuple (`as const` keeps paths typed for <Link to>):
 *
 *        import { createRoute } from '@tanstack/react-router'
 *        import type { AppRoute } from '../../platform/root-routes'
 *        import { lazyPage } from '../../platform/lazy'
 *        import { requirePermission } from '../../platform/route-guards'
 *        export const routes = (parent: AppRoute) =>
 *          [
 *            createRoute({
 *              getParentRoute: () => parent,
 *              path: '/catalogs',
 *              beforeLoad: requirePermission('catalog.read'),
 *              validateSearch: (s) => ZCatalogSearch.parse(s),   // list filters in the URL
 *              // loaded on first visit with its namespace: never import a page statically here
 *              component: lazyPage('catalogs', () => import('./catalogs-page'), 'CatalogsPage'),
 *            }),
 *          ] as const
 *
 *    Pages read their params/search without importing the route (no import cycles):
 *        const search = useSearch({ from: '/app/catalogs' })      // route id = 'app' + path
 *        const { id } = useParams({ from: '/app/catalogs/$id' })
 *        const navigate = useNavigate({ from: '/catalogs' })      // full path
 * 2. Re-export it from the module's `index.ts`: `export { routes } from './routes'`.
 * 3. Add ONE spread below: `...catalogs.routes(appRoute),` (and its translations in i18n-resources.ts,
 *    and a nav item in nav.ts if it needs one).
 * Every route runs under the shell with the session loaded; `context.me` is available in beforeLoad/loader.
 */
import { createRoute, createRouter } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import * as admin from '../modules/admin'
import * as audit from '../modules/audit'
import * as catalogs from '../modules/catalogs'
import * as concepts from '../modules/concepts'
import * as insights from '../modules/insights'
import * as production from '../modules/production'
import * as equipmentCondition from '../modules/equipment-condition'
import * as estimates from '../modules/estimates'
import * as proposals from '../modules/proposals'
import * as rentalBilling from '../modules/rental-billing'
import * as eInvoicing from '../modules/e-invoicing'
import * as rentalProjects from '../modules/rental-projects'
import * as fieldStaff from '../modules/field-staff'
import * as rentalDocuments from '../modules/rental-documents'
import * as workOrders from '../modules/work-orders'
import { HomePage } from './pages/home-page'
import { NotificationPreferencesPage } from './pages/notification-preferences-page'
import { PasswordPage } from './pages/password-page'
import { NotFoundPage, PendingPage, RouteError } from './pages/route-error'
import { appRoute, loginRoute, rootRoute } from './root-routes'

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage })

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/password',
  component: PasswordPage,
})

const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/notifications',
  component: NotificationPreferencesPage,
})

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    passwordRoute,
    notificationPreferencesRoute,
    ...proposals.routes(appRoute),
    ...workOrders.routes(appRoute),
    ...production.routes(appRoute),
    ...estimates.routes(appRoute),
    ...concepts.routes(appRoute),
    ...catalogs.routes(appRoute),
    ...rentalDocuments.routes(appRoute),
    ...rentalBilling.routes(appRoute),
    ...eInvoicing.routes(appRoute),
    ...rentalProjects.routes(appRoute),
    ...fieldStaff.routes(appRoute),
    ...equipmentCondition.routes(appRoute),
    ...insights.routes(appRoute),
    ...audit.routes(appRoute),
    ...admin.routes(appRoute),
  ]),
])

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is React Query's job; the router only orchestrates.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    scrollRestoration: true,
  })

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
