// Public entry of the billing sheet (planilla) web module: the shell reads `routes` and `i18n`.
export { routes } from './routes'
export { i18n } from './i18n'
