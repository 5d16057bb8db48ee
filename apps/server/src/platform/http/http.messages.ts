import { defineMessages } from '../i18n/messages'

/** What the HTTP layer answers by itself (docs/platform.md "Messages and languages"). */
export const httpMessages = defineMessages('http', {
  invalidData: { es: 'Datos no válidos', en: 'Invalid data' },
  invalidValue: { es: 'Valor no válido', en: 'Invalid value' },
  internal: { es: 'Error interno', en: 'Internal error' },
  internalWithReference: {
    es: 'Error interno; indica la referencia al soporte',
    en: 'Internal error; quote the reference to support',
  },
  outOfRange: {
    es: 'Un importe o una cantidad supera el máximo que se puede guardar',
    en: 'An amount or a quantity exceeds the largest that can be stored',
  },
  outOfRangeField: {
    es: 'Importe o cantidad fuera de rango: reduce el valor',
    en: 'Amount or quantity out of range: reduce the value',
  },
  duplicate: {
    es: 'Ya existe un registro con ese valor ({field}); otra petición pudo crearlo al mismo tiempo',
    en: 'A record with that value ({field}) already exists; another request may have created it at the same time',
  },
  inUse: {
    es: 'El registro está en uso por otros registros y no se puede quitar',
    en: 'The record is used by other records and cannot be removed',
  },
  missingReference: {
    es: 'El registro referido ({field}) no existe o ya no está disponible',
    en: 'The referenced record ({field}) does not exist or is no longer available',
  },
  badCharacters: {
    es: 'El texto contiene caracteres no admitidos',
    en: 'The text contains characters not allowed',
  },
  badCharactersField: {
    es: 'Quita los caracteres de control (p. ej. NUL) del texto',
    en: 'Remove the control characters (e.g. NUL) from the text',
  },
  tooLarge: {
    es: 'El archivo o la petición son demasiado grandes',
    en: 'The file or the request is too large',
  },
  unsupportedMedia: { es: 'Tipo de contenido no admitido', en: 'Content type not supported' },
  rateLimited: { es: 'Demasiadas peticiones', en: 'Too many requests' },
  invalidJson: { es: 'El cuerpo no es JSON válido', en: 'The body is not valid JSON' },
  emptyJson: { es: 'El cuerpo JSON está vacío', en: 'The JSON body is empty' },
  badRequest: { es: 'Petición no válida', en: 'Invalid request' },
  expectedMultipart: {
    es: 'Se esperaba un formulario multipart con un archivo',
    en: 'A multipart form with a file was expected',
  },
  missingFile: { es: 'Falta el archivo', en: 'The file is missing' },
  attachFile: {
    es: 'Adjunta un archivo no vacío en el campo "file"',
    en: 'Attach a non-empty file in the "file" field',
  },
  originNotAllowed: { es: 'Origen no permitido', en: 'Origin not allowed' },
  invalidField: { es: 'Datos no válidos: {field}', en: 'Invalid data: {field}' },
  nulCharacter: {
    es: 'El valor contiene un carácter nulo (NUL, \\u0000), que no se admite',
    en: 'The value contains a null character (NUL, \\u0000), which is not allowed',
  },
  routeNotFound: { es: 'Ruta no encontrada: {method} {path}', en: 'Route not found: {method} {path}' },
})
