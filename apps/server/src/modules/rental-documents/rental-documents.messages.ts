import { defineMessages } from '../../platform/i18n/messages'

/** The rental-documents module's messages (docs/platform.md "Messages and languages"). */
export const documentMessages = defineMessages('rentalDocuments', {
  required: { es: 'Requerido', en: 'Required' },
  projectNotFound: { es: 'Proyecto no encontrado', en: 'Project not found' },
  projectMissing: { es: 'El proyecto no existe', en: 'The project does not exist' },
  projectClosed: {
    es: 'El proyecto está cerrado; sus documentos ya no cambian',
    en: 'The project is closed; its documents no longer change',
  },
  dateOutsideProject: { es: 'Fecha fuera del proyecto', en: 'Date outside the project' },
  dateBetween: {
    es: 'La fecha debe estar entre el inicio del proyecto ({start}) y su fin ({end})',
    en: 'The date must be between the start of the project ({start}) and its end ({end})',
  },
  dateNotBefore: {
    es: 'La fecha no puede ser anterior al inicio del proyecto ({start})',
    en: 'The date cannot be before the start of the project ({start})',
  },
  documentChanged: {
    es: 'El documento cambió mientras se subía el archivo; inténtalo de nuevo',
    en: 'The document changed while the file was uploading; try again',
  },
  chooseDocuments: {
    es: 'Elige de 1 a 200 documentos distintos, en orden',
    en: 'Choose 1 to 200 distinct documents, in order',
  },
  idList: {
    es: 'Lista de identificadores separados por comas, sin repetir (máximo 200)',
    en: 'List of comma-separated identifiers, without repeats (at most 200)',
  },
  unreadablePdf: { es: 'El archivo no es un PDF legible', en: 'The file is not a readable PDF' },
  notReadablePdf: { es: 'No es un PDF legible', en: 'Not a readable PDF' },
  pageCountMismatch: {
    es: 'El PDF tiene {pages} página(s) y se eligieron {documents} documento(s): deben coincidir',
    en: 'The PDF has {pages} page(s) and {documents} document(s) were chosen: they must match',
  },
  pagesForDocuments: {
    es: '{pages} página(s) para {documents} documento(s)',
    en: '{pages} page(s) for {documents} document(s)',
  },
  alreadyScanned: {
    es: 'Ya tienen escaneo: {numbers}; confirma el reemplazo para subirlo de nuevo',
    en: 'Already scanned: {numbers}; confirm the replacement to upload it again',
  },
  attachmentNotFound: { es: 'Adjunto no encontrado', en: 'Attachment not found' },
  documentNotFound: { es: 'Documento no encontrado', en: 'Document not found' },
  billedElsewhere: {
    es: 'Hay documentos que ya factura otra planilla',
    en: 'Some documents are already billed by another billing sheet',
  },
  deadNotBilled: {
    es: 'Un documento anulado o cancelado no se factura',
    en: 'A voided or cancelled document is not billed',
  },
  serviceWindow: {
    es: 'El servicio {name} opera del {start} al {end}; la cadena del {date} queda fuera',
    en: 'Service {name} operates from {start} to {end}; the chain of {date} falls outside',
  },
  serviceFrom: {
    es: 'El servicio {name} opera desde el {start}; la cadena del {date} queda fuera',
    en: 'Service {name} operates from {start}; the chain of {date} falls outside',
  },
  volumeWithUnit: {
    es: 'Envía el volumen junto con su unidad',
    en: 'Send the volume together with its unit',
  },
  volumeMissing: { es: 'Falta el volumen', en: 'The volume is missing' },
  activityDateMissing: { es: 'Falta la fecha de la actividad', en: 'The activity date is missing' },
  endAfterStartTime: {
    es: 'La hora de salida debe ser posterior a la de llegada',
    en: 'The departure time must be after the arrival time',
  },
  notProjectAssignment: {
    es: 'No es una asignación de este proyecto',
    en: 'Not an assignment of this project',
  },
  chooseAttended: {
    es: 'Elige al menos un equipo o servicio atendido',
    en: 'Choose at least one attended unit or service',
  },
  checkChain: {
    es: 'Revisa los datos de la cadena de custodia',
    en: 'Check the custody chain data',
  },
  startDateMissing: { es: 'Falta la fecha de inicio', en: 'The start date is missing' },
  endBeforeStart: {
    es: 'La fecha de fin no puede ser anterior a la de inicio',
    en: 'The end date cannot be before the start date',
  },
  maintenanceTooLong: {
    es: 'Un mantenimiento dura como máximo {days} días',
    en: 'A maintenance lasts at most {days} days',
  },
  chooseAssignedUnit: {
    es: 'Elige un equipo asignado a este proyecto',
    en: 'Choose a unit assigned to this project',
  },
  checkMaintenance: {
    es: 'Revisa los datos de la hoja de mantenimiento',
    en: 'Check the maintenance sheet data',
  },
  issueDateMissing: { es: 'Falta la fecha de emisión', en: 'The issue date is missing' },
  transferEndBeforeStart: {
    es: 'El fin del traslado no puede ser anterior a su inicio',
    en: 'The end of the transfer cannot be before its start',
  },
  checkGuide: {
    es: 'Revisa los datos de la guía de remisión',
    en: 'Check the shipping guide data',
  },
  guideBilled: {
    es: 'La guía ya está en una planilla; anúlala en lugar de eliminarla',
    en: 'The guide is already on a billing sheet; void it instead of deleting it',
  },
})

/**
 * The messages that name the document's type, one set per type (the noun is part of the sentence):
 * custody chains, maintenance sheets and shipping guides.
 */
export const chainMessages = defineMessages('rentalDocuments.chain', {
  notFound: { es: 'Cadena de custodia no encontrada', en: 'Custody chain not found' },
  editOnlyDraft: {
    es: 'Solo se puede editar un documento en borrador (Cadena de custodia en estado {status})',
    en: 'Only a draft document can be edited (custody chain in status {status})',
  },
  deleteOnlyDraft: {
    es: 'Solo se puede eliminar un documento en borrador (Cadena de custodia en estado {status})',
    en: 'Only a draft document can be deleted (custody chain in status {status})',
  },
  cannotMove: {
    es: 'Cadena de custodia en estado {from} no puede pasar a {to}',
    en: 'A custody chain in status {from} cannot move to {to}',
  },
  noAttachments: {
    es: 'Cadena de custodia en estado {status}: ya no admite adjuntos',
    en: 'Custody chain in status {status}: it takes no more attachments',
  },
  attachmentsFixed: {
    es: 'Cadena de custodia en estado {status}: sus adjuntos ya no cambian',
    en: 'Custody chain in status {status}: its attachments no longer change',
  },
})

export const maintenanceMessages = defineMessages('rentalDocuments.maintenance', {
  notFound: { es: 'Hoja de mantenimiento no encontrada', en: 'Maintenance sheet not found' },
  editOnlyDraft: {
    es: 'Solo se puede editar un documento en borrador (Hoja de mantenimiento en estado {status})',
    en: 'Only a draft document can be edited (maintenance sheet in status {status})',
  },
  deleteOnlyDraft: {
    es: 'Solo se puede eliminar un documento en borrador (Hoja de mantenimiento en estado {status})',
    en: 'Only a draft document can be deleted (maintenance sheet in status {status})',
  },
  cannotMove: {
    es: 'Hoja de mantenimiento en estado {from} no puede pasar a {to}',
    en: 'A maintenance sheet in status {from} cannot move to {to}',
  },
  noAttachments: {
    es: 'Hoja de mantenimiento en estado {status}: ya no admite adjuntos',
    en: 'Maintenance sheet in status {status}: it takes no more attachments',
  },
  attachmentsFixed: {
    es: 'Hoja de mantenimiento en estado {status}: sus adjuntos ya no cambian',
    en: 'Maintenance sheet in status {status}: its attachments no longer change',
  },
})

export const guideMessages = defineMessages('rentalDocuments.guide', {
  notFound: { es: 'Guía de remisión no encontrada', en: 'Shipping guide not found' },
  editOnlyDraft: {
    es: 'Solo se puede editar un documento en borrador (Guía de remisión en estado {status})',
    en: 'Only a draft document can be edited (shipping guide in status {status})',
  },
  deleteOnlyDraft: {
    es: 'Solo se puede eliminar un documento en borrador (Guía de remisión en estado {status})',
    en: 'Only a draft document can be deleted (shipping guide in status {status})',
  },
  cannotMove: {
    es: 'Guía de remisión en estado {from} no puede pasar a {to}',
    en: 'A shipping guide in status {from} cannot move to {to}',
  },
  noAttachments: {
    es: 'Guía de remisión en estado {status}: ya no admite adjuntos',
    en: 'Shipping guide in status {status}: it takes no more attachments',
  },
  attachmentsFixed: {
    es: 'Guía de remisión en estado {status}: sus adjuntos ya no cambian',
    en: 'Shipping guide in status {status}: its attachments no longer change',
  },
})

/** What a document type's lifecycle says about it. */
export type DocumentTypeMessages = typeof chainMessages
