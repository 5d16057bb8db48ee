import { defineMessages } from '../i18n/messages'

/** The stored files' messages (docs/platform.md "Messages and languages"). */
export const filesMessages = defineMessages('files', {
  typeNotAllowed: {
    es: 'Tipo de archivo no permitido; se acepta: {kinds}',
    en: 'File type not allowed; accepted: {kinds}',
  },
  contentIsNot: {
    es: 'El contenido del archivo no es {kinds}',
    en: 'The content of the file is not {kinds}',
  },
  fileNotFound: { es: 'Archivo no encontrado', en: 'File not found' },
})
