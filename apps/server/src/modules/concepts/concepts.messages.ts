import { defineMessages } from '../../platform/i18n/messages'

/** The concepts module's messages (docs/platform.md "Messages and languages"). */
export const conceptsMessages = defineMessages('concepts', {
  notFound: { es: 'Concepto no encontrado', en: 'Concept not found' },
  chooseCatalog: {
    es: 'Indica qué catálogo contiene el archivo',
    en: 'Say which catalog the file holds',
  },
  catalogKind: {
    es: 'Debe ser "contract" (catálogo del contrato) o "extraordinary" (PUE)',
    en: 'Must be "contract" (the contract catalog) or "extraordinary" (PUE)',
  },
  notXlsx: {
    es: 'El archivo no es un libro de Excel (.xlsx)',
    en: 'The file is not an Excel workbook (.xlsx)',
  },
  uploadXlsx: {
    es: 'Sube un libro de Excel .xlsx (el formato .xls antiguo no se admite)',
    en: 'Upload an Excel .xlsx workbook (the old .xls format is not accepted)',
  },
  unreadableWorkbook: { es: 'No se pudo leer el libro de Excel', en: 'The Excel workbook could not be read' },
  damagedFile: {
    es: 'El archivo está dañado o no es un libro de Excel válido ({reason})',
    en: 'The file is damaged or not a valid Excel workbook ({reason})',
  },
  readError: { es: 'error de lectura', en: 'read error' },
  importRaced: {
    es: 'Otra importación del catálogo terminó al mismo tiempo; vuelve a importar el archivo',
    en: 'Another import of the catalog finished at the same time; import the file again',
  },
  rejectedOneRow: {
    es: '1 fila con errores en {fileName}; no se guardó nada. Corrige el archivo y vuelve a importarlo.',
    en: '1 row with errors in {fileName}; nothing was saved. Fix the file and import it again.',
  },
  rejectedRows: {
    es: '{count} filas con errores en {fileName}; no se guardó nada. Corrige el archivo y vuelve a importarlo.',
    en: '{count} rows with errors in {fileName}; nothing was saved. Fix the file and import it again.',
  },
  // the import's row messages (the parsers' own are put in the requester's language by concept-import-messages.ts)
  repeatsRow: {
    es: 'Repite la fila {first} (misma partida, descripción y unidad en {annex}); se guarda como repetición {occurrence} de esa línea.',
    en: 'Repeats row {first} (same item, description and unit in {annex}); saved as repetition {occurrence} of that line.',
  },
  noContractHeader: {
    es: 'Ninguna hoja tiene una fila de encabezados con PARTIDA, CONCEPTO, UNIDAD y P.U. MN en sus primeras 20 filas, o no hay partidas con precio: no es un catálogo de conceptos del contrato',
    en: 'No sheet has a header row with PARTIDA, CONCEPTO, UNIDAD and P.U. MN in its first 20 rows, or no item has a price: this is not a contract concept catalog',
  },
  codeTooLong: {
    es: 'La partida tiene {length} caracteres (máximo {max})',
    en: 'The item code has {length} characters (at most {max})',
  },
  unitTooLong: {
    es: 'La unidad tiene {length} caracteres (máximo {max})',
    en: 'The unit has {length} characters (at most {max})',
  },
  descriptionTooLong: {
    es: 'El concepto tiene {length} caracteres (máximo {max})',
    en: 'The description has {length} characters (at most {max})',
  },
  annexTooLong: {
    es: 'El anexo tiene más de {max} caracteres',
    en: 'The annex is longer than {max} characters',
  },
  ordinaryCodeTooLong: {
    es: 'La partida ordinaria tiene más de {max} caracteres',
    en: 'The ordinary item code is longer than {max} characters',
  },
  unknownUnit: {
    es: "La unidad '{unit}' no existe en el catálogo de unidades de medida (créala en Catálogos → Unidades de medida o corrige el archivo)",
    en: "Unit '{unit}' is not in the units of measure catalog (add it in Catalogs → Units of measure or fix the file)",
  },
})
