/** Strings of the dossier buttons (expedientes): namespace `rental-dossiers`. Spanish is the source. */
import type { ModuleTranslations, TranslationShape } from '../../platform/i18n-types'

const es = {
  sheetButton: 'Expediente PDF',
  sheetDone: 'Expediente descargado',
  projectButton: 'Expediente PDF',
  projectDone: 'Documentos descargados',
  scope: 'Documentos del expediente',
  scopes: {
    all: 'Todos los archivos subidos',
    sheet_files: 'Archivos de las planillas (facturas)',
    custody_chains: 'Cadenas de custodia',
    shipping_guides: 'Guías de remisión',
  },
}

const en: TranslationShape<typeof es> = {
  sheetButton: 'Dossier PDF',
  sheetDone: 'Dossier downloaded',
  projectButton: 'Dossier PDF',
  projectDone: 'Documents downloaded',
  scope: 'Documents in the dossier',
  scopes: {
    all: 'All uploaded files',
    sheet_files: 'Billing sheet files (invoices)',
    custody_chains: 'Custody chains',
    shipping_guides: 'Shipping guides',
  },
}

export const i18n: ModuleTranslations<typeof es> = { es, en }
