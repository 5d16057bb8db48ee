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
})
