// Public entry of the equipment-condition web module: the shell reads `routes` and `loadI18n`; other modules
// import only from here (the equipment list links each unit to its condition page).
export { routes } from './routes'
export { TechnicalStatusLink } from './ui'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
