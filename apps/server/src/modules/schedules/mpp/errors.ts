/**
 * Why a `.mpp` file is refused. `code` is stable (the API puts it in `details[].reason`); `message` is
 * Spanish (what the user sees), `messageEn` the same in English.
 */
export type MppErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'NOT_OLE2'
  | 'CORRUPT'
  | 'NOT_MPP'
  | 'UNSUPPORTED_VERSION'
  | 'ENCRYPTED'
  | 'SUBPROJECTS'
  | 'NO_TASKS'
  | 'TOO_MANY_RECORDS'

const SAVE_AS =
  'Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML), o de nuevo como .mpp, y vuelve a subirlo.'
const SAVE_AS_EN =
  'Save the file as MS Project XML (File → Save As → XML), or again as .mpp, and upload it again.'

const MESSAGES: Record<MppErrorCode, [es: string, en: string]> = {
  EMPTY: ['El archivo está vacío.', 'The file is empty.'],
  TOO_LARGE: ['El archivo supera el tamaño máximo permitido.', 'The file is larger than the size limit.'],
  NOT_OLE2: [
    'El archivo no es un proyecto de MS Project (.mpp).',
    'The file is not an MS Project file (.mpp).',
  ],
  CORRUPT: [
    `El archivo .mpp está dañado o incompleto y no se puede leer. ${SAVE_AS}`,
    `The .mpp file is damaged or truncated and cannot be read. ${SAVE_AS_EN}`,
  ],
  NOT_MPP: [
    'El archivo es un documento de Office, pero no un proyecto de MS Project.',
    'The file is an Office document, but not an MS Project file.',
  ],
  UNSUPPORTED_VERSION: [
    `El archivo fue guardado en un formato de MS Project que no se lee (Project 98 o anterior). ${SAVE_AS}`,
    `The file was saved in an MS Project format that is not read (Project 98 or older). ${SAVE_AS_EN}`,
  ],
  ENCRYPTED: [
    'El proyecto está protegido con contraseña (cifrado). Guárdalo sin contraseña o súbelo como XML.',
    'The project is password-protected (encrypted). Save it without a password or upload it as XML.',
  ],
  SUBPROJECTS: [
    'El proyecto contiene subproyectos insertados, que no se importan. Súbelos por separado o guarda el proyecto sin subproyectos.',
    'The project contains inserted subprojects, which are not imported. Upload them separately or save the project without subprojects.',
  ],
  NO_TASKS: ['El proyecto no tiene tareas.', 'The project has no tasks.'],
  TOO_MANY_RECORDS: [
    'El proyecto supera el número máximo de registros que se importan.',
    'The project has more records than the import accepts.',
  ],
}

export class MppError extends Error {
  override readonly name = 'MppError'
  readonly messageEn: string
  constructor(
    readonly code: MppErrorCode,
    readonly details: Record<string, unknown> = {},
    extra?: { es: string; en: string },
  ) {
    const [es, en] = MESSAGES[code]
    super(extra ? `${es} ${extra.es}` : es)
    this.messageEn = extra ? `${en} ${extra.en}` : en
  }
}

/** A container or record problem: the file is refused as damaged, with the reason in `details.reason`. */
export const corrupt = (reason: string, details: Record<string, unknown> = {}) =>
  new MppError('CORRUPT', { reason, ...details })
