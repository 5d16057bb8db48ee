/**
 * Component-test harness (vitest `web` project, jsdom): i18n as the app sets it up (platform bundled,
 * module namespaces loaded on demand), a session in the query cache (organization locale and
 * currencies), and a router on the page's history so components that use the router (links, unsaved-changes guard) work.
 */
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  RouterProvider,
  createBrowserHistory,
  createRootRoute,
  createRoute,
  createRouter,
} from '@tanstack/react-router'
import { render, screen } from '@testing-library/react'
import i18next from 'i18next'
import type { TMe } from '@faena/contracts'
import { applyLanguage, initI18n, loadNamespaces, type Language } from '../platform/i18n'
import { bundledResources, namespaceLoaders, type NamespaceName } from '../platform/i18n-resources'
import { ME_QUERY_KEY } from '../platform/session'

export const meFixture = (org: { locale: string; currencies: string[]; timeZone?: string }): TMe => ({
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ana@test',
    name: 'Ana',
    role: 'admin',
    locale: 'es',
  },
  organization: {
    id: '00000000-0000-4000-8000-000000000002',
    slug: 'test',
    name: 'Test',
    country: org.locale.slice(3),
    timeZone: org.timeZone ?? 'America/Guayaquil',
    locale: org.locale,
    currencies: org.currencies,
    taxRate: '0.15',
    linesOfBusiness: ['offshore', 'rental'],
  },
  permissions: ['rental.read', 'billingSheet.manage'],
})

export const ES_EC = { locale: 'es-EC', currencies: ['USD'] }
export const ES_MX = { locale: 'es-MX', currencies: ['MXN', 'USD'], timeZone: 'America/Mexico_City' }

let i18nReady: Promise<void> | null = null

/** i18n as in the app, in `language`, with the namespaces the component needs loaded. */
export const setupI18n = async (language: Language = 'es', namespaces: NamespaceName[] = []) => {
  i18nReady ??= initI18n(bundledResources, namespaceLoaders)
  await i18nReady
  await applyLanguage(language, { remember: false })
  if (namespaces.length > 0) await loadNamespaces(namespaces)
  return i18next
}

export type RenderOptions = {
  org?: { locale: string; currencies: string[]; timeZone?: string }
  /** Extra route the test can navigate to (to try leaving the page). */
  otherPath?: string
}

/** Renders `ui` at `/` inside the app's providers; `/elsewhere` is another page to leave to. */
export const renderInApp = async (ui: ReactNode, opts: RenderOptions = {}) => {
  window.history.replaceState(null, '', '/')
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  queryClient.setQueryData(ME_QUERY_KEY, meFixture(opts.org ?? ES_EC))
  const rootRoute = createRootRoute()
  const page = createRoute({
    getParentRoute: () => rootRoute,
    path: '/',
    component: () => <div data-testid="test-page">{ui}</div>,
  })
  const other = createRoute({
    getParentRoute: () => rootRoute,
    path: opts.otherPath ?? '/elsewhere',
    component: () => <p>elsewhere</p>,
  })
  const router = createRouter({
    routeTree: rootRoute.addChildren([page, other]),
    // the browser history, as in the app (it also installs the `beforeunload` guard)
    history: createBrowserHistory(),
  })
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  await router.load()
  // the page is mounted once the router has resolved the first location
  await screen.findByTestId('test-page', {}, { timeout: 5000 }).catch(() => undefined)
  /** Navigates to the other page as a link would (through the history, where leave guards run). */
  const leave = () => router.history.push(opts.otherPath ?? '/elsewhere')
  return { ...result, router, queryClient, leave }
}
