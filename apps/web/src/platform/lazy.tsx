/**
 * Code splitting. The first download holds the platform (shell, login, home, route definitions) and the
 * `platform` translations only; every module's screens and translations arrive when first needed, so a
 * user of one line of business never downloads the other's screens.
 *
 * - Route pages, in a module's `routes.tsx`:
 *       component: lazyPage('rental-billing', () => import('./sheets-list-page'), 'BillingSheetsListPage'),
 *   The page and its namespace load together when the route is entered (or preloaded on link hover).
 * - Components other modules render, in a module's `index.ts`:
 *       export const AuditHistory = lazyComponent('audit', () => import('./audit-history'), 'AuditHistory')
 *   The caller imports it from the module's index as usual; it shows "Loading…" until its chunk is there.
 * - Translations, in a module's `index.ts`: `export const loadI18n = () => import('./i18n').then((m) => m.i18n)`,
 *   registered in `i18n-resources.ts`; never `export { i18n } from './i18n'` (it would pull every module's
 *   strings into the first download).
 */
import { Suspense, lazy, type ComponentType } from 'react'
import { lazyRouteComponent } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { loadNamespaces } from './i18n'
import type { NamespaceName } from './i18n-resources'

/** One namespace, several, or `'all'` (screens that label every module's records, such as the audit log). */
export type Namespaces = NamespaceName | readonly NamespaceName[] | 'all'

const withNamespaces = async <M,>(namespaces: Namespaces, load: () => Promise<M>): Promise<M> => {
  const [m] = await Promise.all([load(), loadNamespaces(namespaces)])
  return m
}

/** A route component loaded on first visit, together with its translation namespaces. */
export const lazyPage = <M extends Record<string, unknown>, K extends keyof M & string>(
  namespaces: Namespaces,
  load: () => Promise<M>,
  exportName: K,
) => lazyRouteComponent(() => withNamespaces(namespaces, load), exportName)

const Loading = () => {
  const { t } = useTranslation()
  return <p className="muted">{t('common.loading')}</p>
}

/** A component exported by a module's index for other modules, loaded when first rendered. */
export const lazyComponent = <M extends Record<string, unknown>, K extends keyof M & string>(
  namespaces: Namespaces,
  load: () => Promise<M>,
  exportName: K,
): M[K] => {
  const Lazy = lazy(async () => ({
    default: (await withNamespaces(namespaces, load))[exportName] as ComponentType<object>,
  }))
  const Wrapped = (props: object) => (
    <Suspense fallback={<Loading />}>
      <Lazy {...props} />
    </Suspense>
  )
  Wrapped.displayName = `Lazy(${exportName})`
  return Wrapped as unknown as M[K]
}
