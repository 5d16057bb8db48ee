// Public entry of the audit web module. The shell reads `routes` and `loadI18n`; other modules use
// <AuditHistory entityType="proposal" entityId={id} /> to show a record's history.
import { lazyComponent } from '../../platform/lazy'
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
export type { AuditHistoryProps } from './audit-history'
/** Loaded with its own chunk when first rendered (see platform/lazy.tsx). */
export const AuditHistory = lazyComponent('audit', () => import('./audit-history'), 'AuditHistory')
