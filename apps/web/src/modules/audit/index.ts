// Public entry of the audit web module. The shell reads `routes` and `i18n`; other modules use
// <AuditHistory entityType="proposal" entityId={id} /> to show a record's history.
export { routes } from './routes'
export { i18n } from './i18n'
export { AuditHistory, type AuditHistoryProps } from './audit-history'
