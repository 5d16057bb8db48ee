import { defineMessages } from '../../platform/i18n/messages'

/** The work-order-concepts module's messages (docs/platform.md "Messages and languages"). */
export const workOrderConceptsMessages = defineMessages('workOrderConcepts', {
  workOrderNotFound: { es: 'Orden de trabajo no encontrada', en: 'Work order not found' },
  versionNotFound: { es: 'Versión del Anexo C no encontrada', en: 'Annex C version not found' },
  noConfirmedAnnex: {
    es: 'La orden de trabajo no tiene un Anexo C confirmado',
    en: 'The work order has no confirmed Annex C',
  },
  noConfirmedAnnexField: { es: 'Sin Anexo C confirmado', en: 'No confirmed Annex C' },
  pendingVersion: {
    es: 'La orden de trabajo tiene una versión del Anexo C pendiente de confirmar; confírmala o descártala antes',
    en: 'The work order has an Annex C version waiting for confirmation; confirm or discard it first',
  },
  conceptNotInCatalog: { es: 'El concepto no está en el catálogo', en: 'The concept is not in the catalog' },
  conceptNotFoundField: {
    es: 'Concepto no encontrado o cancelado',
    en: 'Concept not found or cancelled',
  },
  conceptWithoutAnnex: {
    es: 'El concepto {code} no tiene anexo en el catálogo',
    en: 'Concept {code} has no annex in the catalog',
  },
  conceptWithoutAnnexField: { es: 'El concepto no tiene anexo', en: 'The concept has no annex' },
  conceptInAnnex: {
    es: 'El concepto {code} ya está en el Anexo C',
    en: 'Concept {code} is already in Annex C',
  },
  onlyPendingConfirmed: {
    es: 'Solo se confirma una versión pendiente de confirmación',
    en: 'Only a version waiting for confirmation can be confirmed',
  },
  onlyPendingDiscarded: {
    es: 'Solo se descarta una versión pendiente de confirmación',
    en: 'Only a version waiting for confirmation can be discarded',
  },
  activeVersionChanged: {
    es: 'La versión activa cambió desde que se importó este archivo; vuelve a importarlo',
    en: 'The active version changed since this file was imported; import it again',
  },
  rejectedOneRow: {
    es: 'Se encontraron inconsistencias en 1 fila; no se importó nada. Descarga el archivo con observaciones, corrígelo y vuelve a subirlo.',
    en: 'Inconsistencies were found in 1 row; nothing was imported. Download the file with remarks, fix it and upload it again.',
  },
  rejectedRows: {
    es: 'Se encontraron inconsistencias en {count} filas; no se importó nada. Descarga el archivo con observaciones, corrígelo y vuelve a subirlo.',
    en: 'Inconsistencies were found in {count} rows; nothing was imported. Download the file with remarks, fix it and upload it again.',
  },
})
