import { defineMessages } from '../i18n/messages'

/** Outgoing e-mail's messages (docs/platform.md "Messages and languages"). */
export const mailMessages = defineMessages('mail', {
  messageGone: { es: 'El correo ya no existe', en: 'The e-mail no longer exists' },
  noServer: {
    es: 'No hay servidor de correo configurado (Administración → Correo saliente)',
    en: 'No mail server is configured (Administration → Outgoing e-mail)',
  },
  sendFailed: { es: 'No se pudo enviar el correo: {error}', en: 'The e-mail could not be sent: {error}' },
  noSecretsKey: {
    es: 'El servidor no tiene su clave de secretos',
    en: 'The server does not have its secrets key',
  },
  passwordUnreadable: {
    es: 'La contraseña SMTP guardada no se puede leer (cambió la clave del servidor): escríbela de nuevo',
    en: 'The stored SMTP password cannot be read (the server key changed): type it again',
  },
  noSecretsKeyToSave: {
    es: 'El servidor no tiene su clave de secretos; no puede guardar contraseñas',
    en: 'The server does not have its secrets key; it cannot save passwords',
  },
  recipients: { es: 'Indica entre 1 y 50 destinatarios', en: 'Give between 1 and 50 recipients' },
  saveSettingsFirst: {
    es: 'Guarda primero la configuración del servidor de correo',
    en: 'Save the mail server settings first',
  },
})
