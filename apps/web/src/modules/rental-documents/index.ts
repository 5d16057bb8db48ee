// Public entry of the rental field-documents web module (maintenance sheets, custody chains, shipping guides).
export { routes } from './routes'
export { i18n } from './i18n'
