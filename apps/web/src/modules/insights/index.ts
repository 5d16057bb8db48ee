// Public entry of the insights web module (docs/insights.md): the dashboards of both lines of business.
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
