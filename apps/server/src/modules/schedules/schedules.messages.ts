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
  // The MSPDI and .mpp readers' refusals (MspdiError / MppError carry one of these as `msg`).
  fileEmpty: { es: 'El archivo está vacío.', en: 'The file is empty.' },
  fileTooLargeMb: {
    es: 'El archivo supera el tamaño máximo de {mb} MB.',
    en: 'The file is larger than the {mb} MB limit.',
  },
  xmlTooManyElements: {
    es: 'El archivo tiene más de {max} elementos XML (límite por archivo). Divide el archivo o quita lo que sobra.',
    en: 'The file has more than {max} XML elements (limit per file). Split the file or remove what is not needed.',
  },
  xmlTooDeep: {
    es: 'El archivo anida elementos XML a más de {max} niveles (límite de anidamiento).',
    en: 'The file nests XML elements more than {max} levels deep (nesting limit).',
  },
  mppBinary: {
    es: 'El archivo es un proyecto binario de MS Project (.mpp), que no se puede leer directamente. Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The file is a binary MS Project file (.mpp), which cannot be read directly. Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  zipNotXml: {
    es: 'El archivo es un ZIP u otro documento de Office, no un XML de MS Project. Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The file is a ZIP or another Office document, not an MS Project XML file. Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  unsafeXml: {
    es: 'El XML contiene una declaración DOCTYPE/ENTITY, que un archivo de MS Project no lleva.',
    en: 'The XML contains a DOCTYPE/ENTITY declaration, which an MS Project file never has.',
  },
  invalidXmlAtLine: {
    es: 'El archivo no es un XML válido (línea {line}: {reason}). Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The file is not valid XML (line {line}: {reason}). Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  invalidXml: {
    es: 'El archivo no es un XML válido ({reason}). Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The file is not valid XML ({reason}). Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  notMspdiRoot: {
    es: 'El XML no es un proyecto de MS Project: su raíz es <{root}>, no <Project>. Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The XML is not an MS Project file: its root is <{root}>, not <Project>. Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  notMspdiNamespace: {
    es: 'El XML no es un proyecto de MS Project: falta el espacio de nombres {namespace}. Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo.',
    en: 'The XML is not an MS Project file: the {namespace} namespace is missing. Save the file as MS Project XML (File → Save As → XML) and upload it again.',
  },
  mppTooLarge: {
    es: 'El archivo supera el tamaño máximo permitido.',
    en: 'The file is larger than the size limit.',
  },
  mppNotOle2: {
    es: 'El archivo no es un proyecto de MS Project (.mpp).',
    en: 'The file is not an MS Project file (.mpp).',
  },
  mppCorrupt: {
    es: 'El archivo .mpp está dañado o incompleto y no se puede leer. Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML), o de nuevo como .mpp, y vuelve a subirlo.',
    en: 'The .mpp file is damaged or truncated and cannot be read. Save the file as MS Project XML (File → Save As → XML), or again as .mpp, and upload it again.',
  },
  mppNotProject: {
    es: 'El archivo es un documento de Office, pero no un proyecto de MS Project.',
    en: 'The file is an Office document, but not an MS Project file.',
  },
  mppUnsupportedVersion: {
    es: 'El archivo fue guardado en un formato de MS Project que no se lee (Project 98 o anterior). Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML), o de nuevo como .mpp, y vuelve a subirlo.',
    en: 'The file was saved in an MS Project format that is not read (Project 98 or older). Save the file as MS Project XML (File → Save As → XML), or again as .mpp, and upload it again.',
  },
  mppEncrypted: {
    es: 'El proyecto está protegido con contraseña (cifrado). Guárdalo sin contraseña o súbelo como XML.',
    en: 'The project is password-protected (encrypted). Save it without a password or upload it as XML.',
  },
  mppSubprojects: {
    es: 'El proyecto contiene subproyectos insertados, que no se importan. Súbelos por separado o guarda el proyecto sin subproyectos.',
    en: 'The project contains inserted subprojects, which are not imported. Upload them separately or save the project without subprojects.',
  },
  mppTooManyRecords: {
    es: 'El proyecto supera el número máximo de registros que se importan.',
    en: 'The project has more records than the import accepts.',
  },
})
