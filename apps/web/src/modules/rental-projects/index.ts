// Public entry of the rental projects web module: the shell reads `routes` and `loadI18n`; other modules import only from here
// (field-staff: the create / edit dialog of a deletable record).
export { routes } from './routes'
export { RecordDialog, useErrorLine, type RecordDialogProps } from './record-dialog'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
