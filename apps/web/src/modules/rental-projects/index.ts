// Public entry of the rental projects web module: the shell reads `routes` and `loadI18n`; other modules import only from here.
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
