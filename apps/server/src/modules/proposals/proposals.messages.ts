import { defineMessages } from '../../platform/i18n/messages'

/** The proposals module's messages (docs/platform.md "Messages and languages"). */
export const proposalsMessages = defineMessages('proposals', {
  notFound: { es: 'Propuesta no encontrada', en: 'Proposal not found' },
  stepNotFound: { es: 'Paso no encontrado', en: 'Step not found' },
  attachmentNotFound: { es: 'Adjunto no encontrado', en: 'Attachment not found' },
  fileNotFound: { es: 'Archivo no encontrado', en: 'File not found' },
  fileMissing: { es: 'El archivo no existe; súbelo primero', en: 'The file does not exist; upload it first' },
  noStepTemplates: {
    es: 'No hay plantillas de pasos de propuesta para clientes de tipo {clientType}',
    en: 'There are no proposal step templates for clients of type {clientType}',
  },
  noStepTemplatesField: {
    es: 'No hay plantillas de pasos de propuesta para clientes de tipo {clientType}; agrégalas en Catálogos',
    en: 'There are no proposal step templates for clients of type {clientType}; add them in Catalogs',
  },
  officialNumberTaken: {
    es: 'El número oficial ya lo tiene la PTE {number}; en esta organización no se repite',
    en: 'Proposal {number} already has this official number; this organization does not repeat them',
  },
  officialNumberShared: {
    es: 'Otra PTE tiene el mismo número oficial: {number}',
    en: 'Another proposal has the same official number: {number}',
  },
  transitionRefused: {
    es: 'Una propuesta en estado {from} no puede pasar a {to}',
    en: 'A proposal in status {from} cannot move to {to}',
  },
  reasonRequired: { es: 'Indica el motivo', en: 'Give the reason' },
  reasonRequiredField: {
    es: 'El motivo es obligatorio para pasar a {status}',
    en: 'A reason is required to move to {status}',
  },
  stepsClosed: {
    es: 'La propuesta está en estado {status}; sus pasos ya no cambian',
    en: 'The proposal is {status}; its steps no longer change',
  },
  clientInactive: {
    es: 'El cliente no existe o está inactivo',
    en: 'The client does not exist or is inactive',
  },
  typeInactive: { es: 'El tipo no existe o está inactivo', en: 'The type does not exist or is inactive' },
  notProposalType: { es: 'El tipo no es un tipo de propuesta', en: 'The type is not a proposal type' },
  projectManagerInactive: {
    es: 'El responsable de proyecto no existe o está inactivo',
    en: 'The project manager does not exist or is inactive',
  },
  invalidReferences: { es: 'Referencias no válidas', en: 'Invalid references' },
  invalidDates: { es: 'Fechas no válidas', en: 'Invalid dates' },
  deliveryBeforeRequest: {
    es: 'La fecha de entrega no puede ser anterior a la fecha de solicitud',
    en: 'The delivery date cannot be before the request date',
  },
  invalidResponsible: { es: 'Responsable no válido', en: 'Invalid person in charge' },
  responsibleInactive: {
    es: 'El usuario no existe en la organización o está inactivo',
    en: 'The user does not exist in the organization or is inactive',
  },
  invalidCompletedDate: { es: 'Fecha de término no válida', en: 'Invalid completion date' },
  completedNeedsDate: {
    es: 'Un paso completado lleva fecha de término',
    en: 'A completed step has a completion date',
  },
  onlyCompletedHasDate: {
    es: 'Solo un paso completado lleva fecha de término',
    en: 'Only a completed step has a completion date',
  },
})
