// Public entry of the rental field-documents web module (maintenance sheets, custody chains, shipping guides).
export { routes } from './routes'
/** the billing sheet page's "Subir escaneo de cadenas" (docs/rental-documents.md#bulk-scan) */
export { SheetChainScansButton } from './sheet-scan-dialog'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
