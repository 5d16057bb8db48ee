import { defineMessages } from '../../platform/i18n/messages'

/** The schedules module's messages (docs/platform.md "Messages and languages"). */
export const schedulesMessages = defineMessages('schedules', {
  workOrderNotFound: { es: 'Orden de trabajo no encontrada', en: 'Work order not found' },
  noActiveSchedule: {
    es: 'La orden de trabajo no tiene un programa activo',
    en: 'The work order has no active schedule',
  },
  versionNotFound: { es: 'Versión del programa no encontrada', en: 'Schedule version not found' },
  noPreviousVersion: {
    es: 'No hay una versión anterior con la cual comparar',
    en: 'There is no earlier version to compare with',
  },
  noTasks: { es: 'El proyecto no tiene tareas.', en: 'The project has no tasks.' },
  taskNotInSchedule: {
    es: 'La tarea {task} no está en el programa activo',
    en: 'Task {task} is not in the active schedule',
  },
  summaryTask: {
    es: '«{name}» es una tarea resumen: su avance se calcula de sus subtareas',
    en: '"{name}" is a summary task: its progress is rolled up from its subtasks',
  },
  taskRepeated: { es: 'La tarea {task} está repetida', en: 'Task {task} is repeated' },
  dateAfterToday: {
    es: 'La fecha no puede ser posterior a hoy ({today})',
    en: 'The date cannot be after today ({today})',
  },
})
