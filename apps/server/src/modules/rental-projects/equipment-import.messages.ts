import { defineMessages } from '../../platform/i18n/messages'

/**
 * The equipment list import's messages (docs/platform.md "Messages and languages"): the file's refusals and
 * each row's changes, warnings and errors, rendered in the requester's language. The review note a flagged
 * unit keeps is stored in Spanish (it is the unit's data, read by everyone).
 */
export const equipmentImportMessages = defineMessages('rentalProjects.equipmentImport', {
  // the file
  jsonNotAList: {
    es: 'El archivo JSON debe contener una lista de equipos',
    en: 'The JSON file must contain a list of equipment',
  },
  noEquipment: { es: 'El archivo no contiene equipos', en: 'The file contains no equipment' },
  maxRows: { es: 'Máximo {max} equipos por archivo', en: 'At most {max} units per file' },
  itemNotObject: { es: 'El elemento {item} no es un objeto', en: 'Item {item} is not an object' },
  unreadableWorkbook: { es: 'No se pudo leer el libro de Excel', en: 'The Excel workbook could not be read' },
  notXlsx: { es: 'El archivo no es un .xlsx válido', en: 'The file is not a valid .xlsx' },
  noDataRows: { es: 'Sin filas de datos bajo el encabezado', en: 'No data rows below the header' },
  fileTooLarge: { es: 'Archivo demasiado grande', en: 'File too large' },
  unknownFormat: { es: 'Formato no reconocido', en: 'Unrecognised format' },
  uploadJsonOrXlsx: {
    es: 'Sube un archivo JSON (lista de equipos) o un Excel .xlsx con encabezados',
    en: 'Upload a JSON file (a list of equipment) or an Excel .xlsx with headers',
  },
  rejected: {
    es: '{count} fila(s) con errores; no se importó ningún equipo',
    en: '{count} row(s) with errors; no equipment was imported',
  },
  // a row
  missingCode: { es: 'Falta el código', en: 'The code is missing' },
  codeTooLong: { es: 'El código tiene más de 50 caracteres', en: 'The code is longer than 50 characters' },
  codeChanged: { es: 'Código «{raw}» → «{code}»', en: 'Code "{raw}" → "{code}"' },
  codeWithoutNumber: {
    es: 'Código «{code}» sin número (S/N): asignar un código real',
    en: 'Code "{code}" has no number (S/N): give it a real code',
  },
  codeRepeated: { es: 'Código «{code}» repetido (fila {row})', en: 'Code "{code}" repeated (row {row})' },
  kindUnknown: {
    es: 'Tipo «{kind}» no reconocido: se importa como equipo',
    en: 'Type "{kind}" not recognised: imported as equipment',
  },
  codeSuggestsOtherType: {
    es: 'El código «{code}» sugiere {byCode} pero el nombre dice {byName}',
    en: 'Code "{code}" suggests {byCode} but the name says {byName}',
  },
  typeUnknown: {
    es: 'Tipo de equipo no reconocido: indicar el tipo',
    en: 'Equipment type not recognised: state the type',
  },
  nameFromType: { es: 'Nombre vacío → «{name}» (por el tipo)', en: 'Empty name → "{name}" (from the type)' },
  missingName: { es: 'Falta el nombre', en: 'The name is missing' },
  nameTooLong: { es: 'El nombre tiene más de 200 caracteres', en: 'The name is longer than 200 characters' },
  statusChanged: { es: 'Estado «{raw}» → {condition}', en: 'Status "{raw}" → {condition}' },
  statusStandBy: {
    es: 'Estado «{raw}» (en espera) → operativo',
    en: 'Status "{raw}" (standing by) → operative',
  },
  statusRetired: {
    es: 'Estado «{raw}» → retirado (ya no pertenece a la flota)',
    en: 'Status "{raw}" → retired (no longer part of the fleet)',
  },
  statusSearch: {
    es: 'Estado «BUSCAR»: el equipo no está ubicado; revisar antes de rentarlo',
    en: 'Status "BUSCAR": the unit has not been located; review it before renting it',
  },
  statusUndefined: {
    es: 'Estado «INDEFINIDO»: revisar el estado real del equipo',
    en: 'Status "INDEFINIDO": check the unit\'s actual condition',
  },
  statusUnknown: {
    es: 'Estado «{raw}» no reconocido: revisar el estado del equipo',
    en: 'Status "{raw}" not recognised: check the unit\'s condition',
  },
  locationChanged: { es: 'Ubicación «{raw}» → «{location}»', en: 'Location "{raw}" → "{location}"' },
  locationUnknown: {
    es: 'Ubicación desconocida («BUSCAR»): ubicar el equipo',
    en: 'Unknown location ("BUSCAR"): locate the unit',
  },
  notesDuplicate: {
    es: 'Las notas indican un posible duplicado: «{notes}»',
    en: 'The notes point to a possible duplicate: "{notes}"',
  },
  notesDoubtCode: {
    es: 'Las notas ponen en duda el código: «{notes}»',
    en: 'The notes cast doubt on the code: "{notes}"',
  },
  notesRetire: {
    es: 'Las notas piden dar de baja el equipo: «{notes}»',
    en: 'The notes ask for the unit to be written off: "{notes}"',
  },
  existsAsService: { es: 'Ya existe «{code}» como servicio', en: '"{code}" already exists as a service' },
  existsAsEquipment: { es: 'Ya existe «{code}» como equipo', en: '"{code}" already exists as equipment' },
})
