import { defineMessages } from '../../platform/i18n/messages'

/** The equipment-condition module's messages (docs/platform.md "Messages and languages"). */
export const conditionMessages = defineMessages('equipmentCondition', {
  notRentalLine: {
    es: 'Tu organización no trabaja en esta línea de negocio',
    en: 'Your organization does not work in this line of business',
  },
  equipmentNotFound: { es: 'Equipo no encontrado', en: 'Equipment not found' },
  serviceHasNoStatus: { es: 'Un servicio no tiene estado técnico', en: 'A service has no technical status' },
  repeatedRow: { es: 'Repetido (fila {row})', en: 'Repeated (row {row})' },
  repeatedItems: { es: 'Hay elementos repetidos en la lista', en: 'The list has repeated items' },
  itemNotInList: { es: 'Elemento no encontrado en esta lista', en: 'Item not found in this list' },
  itemsNotInList: { es: 'Elementos que no son de esta lista', en: 'Items that are not in this list' },
  inspectionNotFound: { es: 'Inspección no encontrada', en: 'Inspection not found' },
  equipmentWithoutType: {
    es: 'El equipo no tiene tipo: asígnale uno para inspeccionarlo',
    en: 'The equipment has no type: give it one to inspect it',
  },
  noType: { es: 'Equipo sin tipo', en: 'Equipment without a type' },
  futureDate: { es: 'La fecha no puede ser futura', en: 'The date cannot be in the future' },
  noChecklist: {
    es: 'El tipo de equipo no tiene lista de verificación',
    en: 'The equipment type has no checklist',
  },
  noChecklistForType: {
    es: 'Sin lista de verificación para este tipo',
    en: 'No checklist for this type',
  },
  notInTypeList: { es: 'No es de la lista de este tipo', en: 'Not in this type’s list' },
  answeredTwice: { es: 'Respondido dos veces', en: 'Answered twice' },
  conditionRequired: {
    es: 'Indica el estado del elemento presente',
    en: 'Give the condition of the item present',
  },
  unanswered: { es: 'Sin responder: {items}', en: 'Unanswered: {items}' },
  inspectorRequired: { es: 'Indica quién inspeccionó', en: 'Say who inspected' },
  inspectionErrors: { es: 'La inspección tiene errores', en: 'The inspection has errors' },
  rentedNoRepair: {
    es: '{code} está rentado: retíralo del proyecto antes de enviarlo a reparación',
    en: '{code} is rented: retire it from the project before sending it to repair',
  },
  rented: { es: 'Equipo rentado', en: 'Equipment rented' },
  alreadyInRepair: { es: '{code} ya está en reparación', en: '{code} is already in repair' },
  inRepair: { es: 'Ya en reparación', en: 'Already in repair' },
  futureDateShort: { es: 'Fecha futura', en: 'Future date' },
  notInRepair: { es: '{code} no está en reparación', en: '{code} is not in repair' },
  notInRepairShort: { es: 'No está en reparación', en: 'Not in repair' },
  returnBeforeSent: {
    es: 'La devolución no puede ser antes del envío',
    en: 'The return cannot be before it was sent',
  },
  sentOn: { es: 'Enviado el {date}', en: 'Sent on {date}' },
})
