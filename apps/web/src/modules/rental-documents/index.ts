// Public entry of the rental field-documents web module (maintenance sheets, custody chains, shipping guides).
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
