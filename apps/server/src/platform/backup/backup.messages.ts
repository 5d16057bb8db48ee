import { defineMessages } from '../i18n/messages'

/** The backups' messages (docs/platform.md "Messages and languages"). */
export const backupMessages = defineMessages('backup', {
  lastFailed: { es: 'El último respaldo falló: {error}', en: 'The last backup failed: {error}' },
  noDetail: { es: 'sin detalle', en: 'no details' },
  stale: {
    es: 'Ningún respaldo terminó bien en los últimos dos días',
    en: 'No backup succeeded in the last two days',
  },
  notConfigured: {
    es: 'Este servidor no tiene respaldos configurados',
    en: 'This server has no backups configured',
  },
  orgNotFound: { es: 'Organización no encontrada', en: 'Organization not found' },
})
