import { defineMessages } from '../../platform/i18n/messages'

/** The insights module's messages (docs/platform.md "Messages and languages"). */
export const insightsMessages = defineMessages('insights', {
  organizationNotFound: { es: 'Organización no encontrada', en: 'Organization not found' },
  recipientsNeeded: {
    es: 'Indica al menos un destinatario para enviar el resumen',
    en: 'Give at least one recipient to send the digest to',
  },
  recipientNeeded: { es: 'Indica al menos un destinatario', en: 'Give at least one recipient' },
  finishedWeeks: {
    es: 'El resumen cubre semanas terminadas: elige un día anterior a hoy',
    en: 'The digest covers finished weeks: choose a day before today',
  },
  dayBeforeToday: { es: 'Elige un día anterior a hoy', en: 'Choose a day before today' },
  saveRecipientsFirst: {
    es: 'Guarda primero los destinatarios del resumen',
    en: "Save the digest's recipients first",
  },
  lineNotRun: {
    es: 'Tu organización no trabaja en esta línea de negocio',
    en: 'Your organization does not work in this line of business',
  },
})
