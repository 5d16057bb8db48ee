import { defineMessages } from '../../platform/i18n/messages'

/** The catalogs module's messages (docs/platform.md "Messages and languages"). */
export const catalogsMessages = defineMessages('catalogs', {
  invalidData: { es: 'Datos no válidos', en: 'Invalid data' },

  clientNotFound: { es: 'Cliente no encontrado', en: 'Client not found' },
  projectManagerNotFound: {
    es: 'Responsable de proyecto no encontrado',
    en: 'Project manager not found',
  },
  typeNotFound: { es: 'Tipo no encontrado', en: 'Type not found' },
  statusNotFound: { es: 'Estatus no encontrado', en: 'Status not found' },
  frontNotFound: { es: 'Frente no encontrado', en: 'Front not found' },
  siteNotFound: { es: 'Sitio no encontrado', en: 'Site not found' },
  unitNotFound: { es: 'Unidad de medida no encontrada', en: 'Unit of measure not found' },
  stepNotFound: { es: 'Paso no encontrado', en: 'Step not found' },

  duplicateClient: {
    es: 'Ya existe un cliente activo con ese nombre',
    en: 'An active client with that name already exists',
  },
  duplicateProjectManager: {
    es: 'Ya existe un responsable activo con ese nombre',
    en: 'An active project manager with that name already exists',
  },
  duplicateType: {
    es: 'Ya existe un tipo activo con ese nombre en ese nivel',
    en: 'An active type with that name already exists at that level',
  },
  duplicateStatus: {
    es: 'Ya existe un estatus activo con ese nombre en ese nivel',
    en: 'An active status with that name already exists at that level',
  },
  duplicateFront: {
    es: 'Ya existe un frente activo con ese nombre',
    en: 'An active front with that name already exists',
  },
  duplicateSite: {
    es: 'Ya existe un sitio activo con ese nombre',
    en: 'An active site with that name already exists',
  },
  duplicateUnit: {
    es: 'Ya existe una unidad activa con esa clave (sin distinguir mayúsculas, acentos ni espacios)',
    en: 'An active unit with that key already exists (ignoring case, accents and spaces)',
  },
  duplicateStep: {
    es: 'Ya existe un paso activo con ese nombre en el mismo nivel y tipo de cliente',
    en: 'An active step with that name already exists at the same level and for the same client type',
  },

  userLinked: {
    es: 'Ese usuario ya está vinculado a otro responsable de proyecto',
    en: 'That user is already linked to another project manager',
  },
  userNotInOrg: {
    es: 'El usuario no existe en la organización o está inactivo',
    en: 'The user does not exist in the organization or is inactive',
  },

  stepHasSubSteps: {
    es: 'El paso tiene sub-pasos activos; desactívalos primero',
    en: 'The step has active sub-steps; deactivate them first',
  },
  stepHasSubStepsField: { es: 'El paso tiene sub-pasos activos', en: 'The step has active sub-steps' },
  parentInactive: {
    es: 'El paso padre está inactivo; reactívalo primero',
    en: 'The parent step is inactive; restore it first',
  },
  parentInactiveField: { es: 'El paso padre está inactivo', en: 'The parent step is inactive' },
  ownParent: {
    es: 'Un paso no puede ser su propio paso padre',
    en: 'A step cannot be its own parent step',
  },
  parentMissing: {
    es: 'El paso padre no existe o está inactivo',
    en: 'The parent step does not exist or is inactive',
  },
  parentNotMain: {
    es: 'El paso padre debe ser un paso principal (un solo nivel de sub-pasos)',
    en: 'The parent step must be a main step (sub-steps go one level deep only)',
  },
  parentOtherClientType: {
    es: 'El paso padre es de otro tipo de cliente',
    en: 'The parent step belongs to another client type',
  },
  subStepWithSubSteps: {
    es: 'Un paso con sub-pasos activos no puede ser sub-paso',
    en: 'A step with active sub-steps cannot be a sub-step',
  },
  clientTypeLocked: {
    es: 'No se puede cambiar el tipo de cliente de un paso con sub-pasos activos',
    en: 'The client type of a step with active sub-steps cannot be changed',
  },
})
