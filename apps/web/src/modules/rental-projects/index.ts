// Public entry of the rental projects web module: the shell reads `routes` and `i18n`; other modules import only from here.
export { routes } from './routes'
export { i18n } from './i18n'
