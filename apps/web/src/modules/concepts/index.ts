// Public entry of the concepts web module (contract concept catalog): the shell reads `routes` and `i18n`.
export { routes } from './routes'
export { i18n } from './i18n'
