// Public entry of the field-staff web module: the shell reads `routes` and `loadI18n`; the home page shows
// `HomeCompliance` ("Vencimientos"); other modules import only from here.
export { routes } from './routes'
export { HomeCompliance } from './home-compliance'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
