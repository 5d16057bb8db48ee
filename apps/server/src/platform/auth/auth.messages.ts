import { defineMessages } from '../i18n/messages'

/** Sign-in, sessions, permissions and users (docs/platform.md "Messages and languages"). */
export const authMessages = defineMessages('auth', {
  tooManyAttempts: {
    es: 'Demasiados intentos fallidos; espera 15 minutos e inténtalo de nuevo',
    en: 'Too many failed attempts; wait 15 minutes and try again',
  },
  invalidSession: { es: 'Sesión no válida', en: 'Invalid session' },
  emailInSeveralOrgs: {
    es: 'Ese correo tiene cuenta en varias organizaciones: indica cuál',
    en: 'That e-mail has an account in several organizations: say which',
  },
  organizationRequired: {
    es: 'Indica la organización (su identificador)',
    en: 'Give the organization (its identifier)',
  },
  wrongCredentials: { es: 'Correo o contraseña incorrectos', en: 'Wrong e-mail or password' },
  wrongCurrentPassword: {
    es: 'La contraseña actual no es correcta',
    en: 'The current password is not correct',
  },
  samePassword: { es: 'La nueva contraseña debe ser distinta', en: 'The new password must be different' },
  samePasswordField: {
    es: 'La nueva contraseña debe ser distinta de la actual',
    en: 'The new password must differ from the current one',
  },
  signIn: { es: 'Inicia sesión para continuar', en: 'Sign in to continue' },
  feedNeedsToken: {
    es: 'Los feeds se leen con un token de acceso (Authorization: Bearer …)',
    en: 'Feeds are read with an access token (Authorization: Bearer …)',
  },
  missingToken: {
    es: 'Falta el token de acceso (Authorization: Bearer …)',
    en: 'The access token is missing (Authorization: Bearer …)',
  },
  badToken: {
    es: 'El token de acceso no es válido o fue revocado',
    en: 'The access token is not valid or was revoked',
  },
  routeWithoutPermission: { es: 'Ruta sin permiso declarado', en: 'Route without a declared permission' },
  forbidden: { es: 'No tienes permiso para esta acción', en: 'You do not have permission for this action' },
  emailTaken: {
    es: 'Ya existe un usuario con ese correo en la organización',
    en: 'A user with that e-mail already exists in the organization',
  },
  userNotFound: { es: 'Usuario no encontrado', en: 'User not found' },
  lastAdmin: {
    es: 'La organización debe conservar al menos un administrador activo',
    en: 'The organization must keep at least one active administrator',
  },
})
