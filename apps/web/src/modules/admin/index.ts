// Public entry of the admin web module (users). The shell reads `routes` and `i18n`.
export { routes } from './routes'
export { i18n } from './i18n'
