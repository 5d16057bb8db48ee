// Public entry of the SRI e-invoicing web module (docs/e-invoicing.md): the shell reads `routes` and
// `loadI18n`; the billing sheet page shows `EInvoiceCard`, the shipping guide page `EGuideCard`.
export { routes } from './routes'
export { EInvoiceCard } from './e-invoice-card'
export { EGuideCard } from './e-guide-card'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
