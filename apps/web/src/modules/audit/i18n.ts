import type { LINES_OF_BUSINESS } from '@faena/contracts'
import type { ModuleTranslations, TranslationShape } from '../../platform/i18n-types'

/**
 * Labels for audit rows. Other modules label their own actions/entities/fields in THEIR namespace
 * (`auditActions.<action>`, `auditEntities.<entityType>`, `auditFields.<field>`); these are the
 * fallbacks for the platform's own events. Unknown codes are shown as they are.
 */
const es = {
  title: 'Registro de actividad',
  subtitle: 'Quién cambió qué, cuándo y desde dónde.',
  caption: 'Entradas del registro de actividad',
  filters: {
    user: 'Usuario',
    allUsers: 'Todos los usuarios',
    module: 'Módulo',
    allModules: 'Todos los módulos',
    entityType: 'Tipo de entidad',
    entityId: 'ID de entidad',
    action: 'Acción',
    actionPlaceholder: 'p. ej. user.',
    from: 'Desde',
    to: 'Hasta',
  },
  columns: {
    at: 'Fecha y hora',
    user: 'Usuario',
    action: 'Acción',
    module: 'Módulo',
    entity: 'Entidad',
    ip: 'IP',
  },
  detail: {
    changes: 'Cambios',
    field: 'Campo',
    old: 'Antes',
    new: 'Después',
    noChanges: 'Esta acción no modificó campos.',
    data: 'Datos',
    requestId: 'Solicitud',
    userAgent: 'Navegador',
    ip: 'IP',
    entityId: 'ID',
  },
  system: 'Sistema',
  noSession: 'sin sesión',
  exportFailed: 'No se pudo exportar',
  empty: 'No hay actividad registrada.',
  history: {
    title: 'Historial',
    empty: 'Sin actividad registrada.',
    more: 'Ver más',
    by: 'por {{user}}',
  },
  modules: {
    auth: 'Acceso',
    users: 'Usuarios',
    tenancy: 'Organización',
    files: 'Archivos',
    catalogs: 'Catálogos',
    proposals: 'Propuestas',
    'work-orders': 'Órdenes de trabajo',
    concepts: 'Catálogo de conceptos',
    schedules: 'Programas',
    production: 'Producción',
    estimates: 'Estimaciones',
    'work-order-concepts': 'Anexo C de la OT',
    'rental-projects': 'Clientes, proyectos y equipos',
    'rental-documents': 'Documentos de campo',
    'field-staff': 'Técnicos y vehículos',
    'rental-billing': 'Planillas',
    backup: 'Respaldos',
  },
  entities: { user: 'Usuario', organization: 'Organización', file: 'Archivo' },
  fields: {
    email: 'Correo',
    name: 'Nombre',
    role: 'Rol',
    active: 'Activo',
    locale: 'Idioma',
    reason: 'Motivo',
    status: 'Estado',
  },
  actions: {
    auth: {
      login: 'Inicio de sesión',
      login_failed: 'Intento de acceso fallido',
      logout: 'Cierre de sesión',
      password_changed: 'Contraseña cambiada',
    },
    user: {
      created: 'Usuario creado',
      updated: 'Usuario modificado',
      deactivated: 'Usuario desactivado',
      reactivated: 'Usuario reactivado',
      preferences_changed: 'Preferencias cambiadas',
    },
    organization: { created: 'Organización creada' },
    file: { uploaded: 'Archivo subido' },
  },
  values: {
    unknown_email: 'Correo desconocido',
    wrong_password: 'Contraseña incorrecta',
    inactive_user: 'Usuario inactivo',
    unknownRecord: '(registro eliminado)',
  },
  summary: { reason: 'motivo: {{reason}}' },
}

const en: TranslationShape<typeof es> = {
  title: 'Activity log',
  subtitle: 'Who changed what, when and from where.',
  caption: 'Activity log entries',
  filters: {
    user: 'User',
    allUsers: 'All users',
    module: 'Module',
    allModules: 'All modules',
    entityType: 'Entity type',
    entityId: 'Entity ID',
    action: 'Action',
    actionPlaceholder: 'e.g. user.',
    from: 'From',
    to: 'To',
  },
  columns: {
    at: 'Date and time',
    user: 'User',
    action: 'Action',
    module: 'Module',
    entity: 'Entity',
    ip: 'IP',
  },
  detail: {
    changes: 'Changes',
    field: 'Field',
    old: 'Before',
    new: 'After',
    noChanges: 'This action changed no fields.',
    data: 'Data',
    requestId: 'Request',
    userAgent: 'Browser',
    ip: 'IP',
    entityId: 'ID',
  },
  system: 'System',
  noSession: 'no session',
  exportFailed: 'The export failed',
  empty: 'No activity recorded.',
  history: {
    title: 'History',
    empty: 'No activity recorded.',
    more: 'Show more',
    by: 'by {{user}}',
  },
  modules: {
    auth: 'Access',
    users: 'Users',
    tenancy: 'Organization',
    files: 'Files',
    catalogs: 'Catalogs',
    proposals: 'Proposals',
    'work-orders': 'Work orders',
    concepts: 'Concept catalog',
    schedules: 'Schedules',
    production: 'Production',
    estimates: 'Estimates',
    'work-order-concepts': 'Work order Annex C',
    'rental-projects': 'Clients, projects and equipment',
    'rental-documents': 'Field documents',
    'field-staff': 'Technicians and vehicles',
    'rental-billing': 'Billing sheets',
    backup: 'Backups',
  },
  entities: { user: 'User', organization: 'Organization', file: 'File' },
  fields: {
    email: 'Email',
    name: 'Name',
    role: 'Role',
    active: 'Active',
    locale: 'Language',
    reason: 'Reason',
    status: 'Status',
  },
  actions: {
    auth: {
      login: 'Sign-in',
      login_failed: 'Failed sign-in attempt',
      logout: 'Sign-out',
      password_changed: 'Password changed',
    },
    user: {
      created: 'User created',
      updated: 'User changed',
      deactivated: 'User deactivated',
      reactivated: 'User reactivated',
      preferences_changed: 'Preferences changed',
    },
    organization: { created: 'Organization created' },
    file: { uploaded: 'File uploaded' },
  },
  values: {
    unknown_email: 'Unknown email',
    wrong_password: 'Wrong password',
    inactive_user: 'Inactive user',
    unknownRecord: '(deleted record)',
  },
  summary: { reason: 'reason: {{reason}}' },
}

export const i18n: ModuleTranslations<typeof es> = { es, en }

type TLineOfBusiness = (typeof LINES_OF_BUSINESS)[number]

/** The line of business of each module that belongs to one; the others (access, users, files…) are common. */
const MODULE_LINE: Partial<Record<keyof typeof es.modules, TLineOfBusiness>> = {
  catalogs: 'offshore',
  proposals: 'offshore',
  'work-orders': 'offshore',
  concepts: 'offshore',
  schedules: 'offshore',
  production: 'offshore',
  estimates: 'offshore',
  'work-order-concepts': 'offshore',
  'rental-projects': 'rental',
  'rental-documents': 'rental',
  'field-staff': 'rental',
  'rental-billing': 'rental',
}

/** Module codes offered in the filter to an organization (the label comes from `modules.*`). */
export const auditModulesFor = (linesOfBusiness: readonly TLineOfBusiness[]): string[] =>
  (Object.keys(es.modules) as (keyof typeof es.modules)[]).filter((m) => {
    const line = MODULE_LINE[m]
    return !line || linesOfBusiness.includes(line)
  })

/** Known action codes, suggested in the action filter. */
export const KNOWN_ACTIONS = Object.entries(es.actions).flatMap(([prefix, group]) =>
  Object.keys(group).map((a) => `${prefix}.${a}`),
)
