// Public entry of the dossier (expediente) web module: the buttons the billing sheet and project pages show.
export { ProjectDossierButton, SheetDossierButton } from './dossier-buttons'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
