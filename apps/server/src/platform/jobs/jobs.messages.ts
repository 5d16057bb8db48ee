import { defineMessages } from '../i18n/messages'

/** Background jobs (docs/jobs.md; docs/platform.md "Messages and languages"). */
export const jobsMessages = defineMessages('jobs', {
  notRunning: { es: 'Las tareas en segundo plano no están activas', en: 'Background jobs are not running' },
  notFound: { es: 'Tarea no encontrada', en: 'Job not found' },
  failed: { es: 'La tarea falló; no tiene resultado', en: 'The job failed; it has no result' },
  notDone: { es: 'La tarea aún no termina', en: 'The job has not finished yet' },
  noFile: { es: 'La tarea no dejó un archivo', en: 'The job left no file' },
  requesterGone: {
    es: 'Quien pidió la tarea ya no tiene acceso',
    en: 'Whoever requested the job no longer has access',
  },
})
