/**
 * The fixed top of the route tree: root, /login, and the authenticated layout `appRoute`
 * (pathless, id 'app') under which every module mounts its screens. See router.tsx.
 */
import { Outlet, createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api'
import { Shell } from './layout/shell'
import { LoginPage } from './pages/login-page'
import { NotFoundPage, RouteError } from './pages/route-error'
import { meQueryOptions } from './session'

export type RouterContext = { queryClient: QueryClient }

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
})

/** Only same-site paths are accepted as post-login destinations. */
const safeRedirect = (v: unknown): string | undefined =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : undefined

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (
    s: Record<string, unknown>,
  ): { redirect?: string | undefined; expired?: boolean | undefined } => ({
    redirect: safeRedirect(s.redirect),
    expired: s.expired === true || s.expired === 'true' ? true : undefined,
  }),
  component: LoginPage,
})

/** Authenticated layout: loads the session (or sends to /login) and renders the shell. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQueryOptions)
      return { me }
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } })
      }
      throw e
    }
  },
  component: Shell,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
})

/** The parent every module route receives: `getParentRoute: () => parent`. Its context has `me`. */
export type AppRoute = typeof appRoute
