import type { TSiteKind } from '@faena/contracts'
import { defineMessages, type Message } from '../../platform/i18n/messages'

/** The work-orders module's messages (docs/platform.md "Messages and languages"). */
export const workOrdersMessages = defineMessages('workOrders', {
  notFound: { es: 'Orden de trabajo no encontrada', en: 'Work order not found' },
  stepNotFound: { es: 'Paso no encontrado', en: 'Step not found' },
  proposalNotFound: { es: 'Propuesta no encontrada', en: 'Proposal not found' },
  numberTaken: {
    es: 'Ya existe una OT inicial con el número {number}',
    en: 'An initial work order numbered {number} already exists',
  },
  numberTakenField: {
    es: 'Ya existe una OT inicial con este número',
    en: 'An initial work order with this number already exists',
  },
  duplicate: {
    es: 'El registro ya existe (número o versión repetidos)',
    en: 'The record already exists (repeated number or version)',
  },
  invalidData: { es: 'Datos no válidos', en: 'Invalid data' },
  invalidDates: { es: 'Fechas no válidas', en: 'Invalid dates' },
  clientInactive: {
    es: 'El cliente no existe o está inactivo',
    en: 'The client does not exist or is inactive',
  },
  projectManagerInactive: {
    es: 'El responsable de proyecto no existe o está inactivo',
    en: 'The project manager does not exist or is inactive',
  },
  plannedEndBeforeStart: {
    es: 'El término programado no puede ser anterior al inicio',
    en: 'The planned end cannot be before the start',
  },
  actualEndBeforeStart: {
    es: 'El término real no puede ser anterior al inicio real',
    en: 'The actual end cannot be before the actual start',
  },
  yardEndBeforeStart: {
    es: 'El fin de la fase de patio no puede ser anterior a su inicio',
    en: 'The end of the yard phase cannot be before its start',
  },
  frontInactive: { es: 'El frente no existe o está inactivo', en: 'The front does not exist or is inactive' },
  siteInactive: { es: 'El sitio no existe o está inactivo', en: 'The site does not exist or is inactive' },
  frontBeforeSites: { es: 'Elige el frente antes de los sitios', en: 'Choose the front before the sites' },
  yardPhaseNeedsYard: { es: 'La fase de patio necesita el patio', en: 'The yard phase needs the yard' },
  frontNoYardPhase: { es: 'El frente no admite fase de patio', en: 'The front takes no yard phase' },
  siteMustBeVessel: { es: 'El sitio debe ser una embarcación', en: 'The site must be a vessel' },
  siteMustBePlatform: { es: 'El sitio debe ser una plataforma', en: 'The site must be a platform' },
  siteMustBeYard: { es: 'El sitio debe ser un patio', en: 'The site must be a yard' },
  siteMustBeInterconnection: {
    es: 'El sitio debe ser una interconexión',
    en: 'The site must be an interconnection',
  },
  frontNoVessel: { es: 'El frente no admite una embarcación', en: 'The front takes no vessel' },
  frontNoPlatform: { es: 'El frente no admite una plataforma', en: 'The front takes no platform' },
  frontNoYard: { es: 'El frente no admite un patio', en: 'The front takes no yard' },
  frontNoInterconnection: {
    es: 'El frente no admite una interconexión',
    en: 'The front takes no interconnection',
  },
  reasonRequired: { es: 'Indica el motivo', en: 'Give the reason' },
  reasonRequiredField: {
    es: 'El motivo es obligatorio para pasar a {status}',
    en: 'A reason is required to move to {status}',
  },
  noStepTemplates: {
    es: 'No hay plantillas de pasos de OT para clientes de tipo {clientType}',
    en: 'There are no work-order step templates for clients of type {clientType}',
  },
  noStepTemplatesField: {
    es: 'No hay plantillas de pasos de OT para clientes de tipo {clientType}; agrégalas en Catálogos',
    en: 'There are no work-order step templates for clients of type {clientType}; add them in Catalogs',
  },
  proposalCancelled: {
    es: 'La PTE está cancelada; no puede generar una OT',
    en: 'The proposal is cancelled; it cannot produce a work order',
  },
  proposalNotComplete: {
    es: 'La PTE debe estar al 100 % para crear una OT (está al {progress} %)',
    en: 'The proposal must be at 100 % to create a work order (it is at {progress} %)',
  },
  cancelledSteps: {
    es: 'La OT está cancelada; sus pasos ya no cambian',
    en: 'The work order is cancelled; its steps no longer change',
  },
  notXlsx: {
    es: 'El archivo no es un libro de Excel (.xlsx)',
    en: 'The file is not an Excel workbook (.xlsx)',
  },
  uploadHistoryXlsx: {
    es: 'Sube el libro .xlsx del histórico de OT',
    en: 'Upload the .xlsx workbook of the work-order history',
  },
  unreadableWorkbook: { es: 'No se pudo leer el libro de Excel', en: 'The Excel workbook could not be read' },
  damagedFile: {
    es: 'El archivo está dañado o no es un .xlsx válido',
    en: 'The file is damaged or not a valid .xlsx',
  },
  noHistoryHeader: {
    es: 'El libro no tiene el encabezado del histórico de OT',
    en: 'The workbook does not have the work-order history header',
  },
  rowsWithErrors: {
    es: '{count} filas con errores; no se importó nada',
    en: '{count} rows with errors; nothing was imported',
  },
  noContractClient: { es: 'No hay cliente de tipo CONTRATO', en: 'There is no client of type CONTRATO' },
  addContractClient: {
    es: 'Da de alta el cliente del contrato en Catálogos antes de importar',
    en: "Add the contract's client in Catalogs before importing",
  },
})

const M = workOrdersMessages
const SITE_MUST_BE: Record<TSiteKind, () => Message> = {
  vessel: M.siteMustBeVessel,
  platform: M.siteMustBePlatform,
  yard: M.siteMustBeYard,
  interconnection: M.siteMustBeInterconnection,
}
const FRONT_REFUSES: Record<TSiteKind, () => Message> = {
  vessel: M.frontNoVessel,
  platform: M.frontNoPlatform,
  yard: M.frontNoYard,
  interconnection: M.frontNoInterconnection,
}
/** "The site must be a <kind>". */
export const siteMustBe = (kind: TSiteKind): Message => SITE_MUST_BE[kind]()
/** "The front takes no <kind>". */
export const frontRefuses = (kind: TSiteKind): Message => FRONT_REFUSES[kind]()
