import { defineMessages } from '../../platform/i18n/messages'

/** The rental-dossiers module's messages (docs/platform.md "Messages and languages"). */
export const dossiersMessages = defineMessages('rentalDossiers', {
  nothingToJoin: {
    es: 'No hay archivos subidos que unir en este alcance',
    en: 'There are no uploaded files to join in this scope',
  },
  sheetOfOtherProject: {
    es: 'La planilla no es de este proyecto',
    en: 'The billing sheet does not belong to this project',
  },
})
