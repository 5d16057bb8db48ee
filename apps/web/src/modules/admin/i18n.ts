import type { ModuleTranslations, TranslationShape } from '../../platform/i18n-types'
import { backupsEn, backupsEs } from './backups-i18n'
import { digestEn, digestEs } from './digest-i18n'
import { dueAlertsEn, dueAlertsEs } from './due-alerts-i18n'
import { feedsEn, feedsEs } from './feeds-i18n'
import { mailEn, mailEs } from './mail-i18n'

const es = {
  backups: backupsEs,
  mail: mailEs,
  digest: digestEs,
  dueAlerts: dueAlertsEs,
  feeds: feedsEs,
  users: {
    title: 'Usuarios',
    subtitle: 'Cuentas de tu organización, su rol y su acceso.',
    caption: 'Usuarios de la organización',
    newUser: 'Nuevo usuario',
    searchLabel: 'Buscar por nombre o correo',
    role: 'Rol',
    status: 'Estado',
    active: 'Activo',
    inactive: 'Inactivo',
    allRoles: 'Todos los roles',
    allStatuses: 'Todos',
    name: 'Nombre',
    email: 'Correo electrónico',
    lastLogin: 'Último acceso',
    never: 'Nunca',
    createdAt: 'Alta',
    you: 'tú',
    empty: 'Todavía no hay usuarios.',
  },
  create: {
    title: 'Nuevo usuario',
    password: 'Contraseña inicial',
    passwordHint:
      'Al menos 10 caracteres. Compártela por un canal seguro; la persona puede cambiarla después.',
    submit: 'Crear usuario',
    done: 'Usuario {{name}} creado',
  },
  edit: {
    title: 'Editar usuario',
    saved: 'Cambios guardados',
    noChanges: 'No hay cambios que guardar',
    deactivate: 'Desactivar',
    reactivate: 'Reactivar',
    selfNote: 'No puedes cambiar tu propio rol ni desactivar tu cuenta.',
    inactiveNote: 'Esta cuenta está desactivada: no puede iniciar sesión.',
    confirmDeactivateTitle: '¿Desactivar a {{name}}?',
    confirmDeactivateBody:
      'No podrá iniciar sesión y sus sesiones abiertas se cerrarán. Su historial se conserva y puedes reactivarla después.',
    deactivated: 'Usuario {{name}} desactivado',
    reactivated: 'Usuario {{name}} reactivado',
  },
}

const en: TranslationShape<typeof es> = {
  backups: backupsEn,
  mail: mailEn,
  digest: digestEn,
  dueAlerts: dueAlertsEn,
  feeds: feedsEn,
  users: {
    title: 'Users',
    subtitle: 'Accounts of your organization, their role and access.',
    caption: 'Organization users',
    newUser: 'New user',
    searchLabel: 'Search by name or email',
    role: 'Role',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    allRoles: 'All roles',
    allStatuses: 'All',
    name: 'Name',
    email: 'Email',
    lastLogin: 'Last sign-in',
    never: 'Never',
    createdAt: 'Created',
    you: 'you',
    empty: 'No users yet.',
  },
  create: {
    title: 'New user',
    password: 'Initial password',
    passwordHint: 'At least 10 characters. Share it through a safe channel; the person can change it later.',
    submit: 'Create user',
    done: 'User {{name}} created',
  },
  edit: {
    title: 'Edit user',
    saved: 'Changes saved',
    noChanges: 'There are no changes to save',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    selfNote: 'You cannot change your own role or deactivate your own account.',
    inactiveNote: 'This account is deactivated: it cannot sign in.',
    confirmDeactivateTitle: 'Deactivate {{name}}?',
    confirmDeactivateBody:
      'They will not be able to sign in and their open sessions will end. Their history is kept and you can reactivate them later.',
    deactivated: 'User {{name}} deactivated',
    reactivated: 'User {{name}} reactivated',
  },
}

export const i18n: ModuleTranslations<typeof es> = { es, en }
