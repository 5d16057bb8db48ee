// Public entry of the estimates (estimaciones) web module: the shell reads `routes` and `loadI18n`.
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
