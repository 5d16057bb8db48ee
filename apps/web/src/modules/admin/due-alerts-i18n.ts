/** Texts of the due-date alerts screen (docs/platform.md#due-and-overdue), merged into the admin module's namespace. */
export const dueAlertsEs = {
  title: 'Avisos de vencimiento',
  subtitle:
    'Cada día Faena avisa de los pasos de PTE y OT y de las OT que están por vencer o ya vencieron: al responsable del paso; si no tiene, al usuario del jefe de proyecto; si no, a los gerentes. Una sola vez por elemento y tipo de aviso.',
  settings: 'Anticipación',
  daysBefore: 'Días de anticipación',
  daysBeforeHint:
    'El aviso «por vencer» sale cuando la fecha de entrega está entre hoy y dentro de estos días (0 a 60; 0 = solo el mismo día).',
  schedule: 'La revisión se hace cada día desde las {{hour}}:00, hora de la organización ({{zone}}).',
  preferences: 'Cada persona elige si los recibe en la aplicación, por correo o ambos en',
  preferencesLink: 'Cuenta → Avisos',
  save: 'Guardar',
  saved: 'Avisos de vencimiento guardados',
  errors: { daysBefore: 'Días de anticipación: escribe un número entero entre 0 y 60.' },
}

export const dueAlertsEn: typeof dueAlertsEs = {
  title: 'Due-date alerts',
  subtitle:
    'Every day Faena warns about proposal and work-order steps and work orders that are about to be due or are overdue: to the step’s responsible user; if none, to the project manager’s user; else to the managers. Once per item and kind of alert.',
  settings: 'Notice',
  daysBefore: 'Days before',
  daysBeforeHint:
    'The “due soon” alert goes when the delivery date is between today and this many days ahead (0 to 60; 0 = the same day only).',
  schedule: 'The check runs every day from {{hour}}:00, the organization’s time ({{zone}}).',
  preferences: 'Each person chooses in-app, e-mail or both in',
  preferencesLink: 'Account → Notifications',
  save: 'Save',
  saved: 'Due-date alerts saved',
  errors: { daysBefore: 'Days before: type a whole number from 0 to 60.' },
}
