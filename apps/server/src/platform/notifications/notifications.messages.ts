import { defineMessages } from '../i18n/messages'

/** The notifications' messages (docs/platform.md "Messages and languages"). */
export const notificationsMessages = defineMessages('notifications', {
  notFound: { es: 'Notificación no encontrada', en: 'Notification not found' },
  unknownKind: { es: 'Tipo de aviso desconocido', en: 'Unknown kind of notice' },
  kindNotForRole: {
    es: 'No hay avisos «{kind}» para tu rol',
    en: 'There are no “{kind}” notices for your role',
  },
})
