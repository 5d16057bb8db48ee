import type { Lang } from '../../platform/i18n/messages'

/**
 * The Anexo C parser (annex-c-parser.ts), its catalog look-up (annex-c-lookup.ts) and the concepts matcher
 * (concepts/concept-matcher.ts) word their file errors, row reasons and warnings in Spanish, as the error
 * workbook and the stored reading keep them. `annexCMessage` gives one in the requester's language: Spanish as
 * written, or English (the same approach as work-orders/work-order-import-messages.ts the other way round;
 * docs/platform.md "Messages and languages"). Pure; an unknown message is returned as it is.
 */

type Rule = [RegExp, (m: RegExpExecArray) => string]
const g = (m: RegExpExecArray, i: number) => m[i] ?? ''

/** `la columna 15/03/2025` → `the column 15/03/2025`; the fixed column names stay as the file writes them. */
const column = (name: string) => name.replace(/^la columna /u, 'the column ')

const RULES: Rule[] = [
  // the file
  [
    /^El archivo es un libro de Excel 97-2003 \(\.xls\)\. Guárdalo como \.xlsx y vuelve a subirlo\.$/u,
    () => 'The file is an Excel 97-2003 workbook (.xls). Save it as .xlsx and upload it again.',
  ],
  [
    /^El archivo no es un libro de Excel \(\.xlsx o \.xlsm\)\.$/u,
    () => 'The file is not an Excel workbook (.xlsx or .xlsm).',
  ],
  [
    /^El archivo no se pudo leer como libro de Excel \(\.xlsx o \.xlsm\)\.$/u,
    () => 'The file could not be read as an Excel workbook (.xlsx or .xlsm).',
  ],
  [
    /^No se encontró tabla válida con columna PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P\.U\. M\.N\. Revisado: (.*)$/su,
    (m) =>
      'No valid table with the columns PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. was found. Checked: ' +
      (g(m, 1) === 'el libro no tiene hojas con datos.'
        ? 'the workbook has no sheets with data.'
        : g(m, 1).replaceAll(']: Sin cabeceras completas.', ']: no complete headers.')),
  ],
  [
    /^La hoja "(.*)" tiene más de (\d+) filas de datos; divide el archivo\.$/su,
    (m) => `Sheet "${g(m, 1)}" has more than ${g(m, 2)} data rows; split the file.`,
  ],
  [/^Falta la columna obligatoria: ANEXO$/u, () => 'The required column is missing: ANEXO'],
  [/^Faltan columnas: (\[.*\])$/su, (m) => `Missing columns: ${g(m, 1)}`],
  [/^Falta columna P\.U\. M\.N\.$/u, () => 'Missing column: P.U. M.N.'],
  [
    /^El archivo no contenía partidas válidas\.( \(Se detectó columna OK, pero ninguna fila tenía el valor "OK"\))?$/u,
    (m) =>
      'The file contained no valid items.' +
      (m[1] ? ' (An OK column was found, but no row had the value "OK")' : ''),
  ],
  // a row
  [/^Valor negativo en (.+?): '(.*)'\.$/su, (m) => `Negative value in ${column(g(m, 1))}: '${g(m, 2)}'.`],
  [
    /^Valor no numérico en (.+?): '(.*)'\.$/su,
    (m) => `Non-numeric value in ${column(g(m, 1))}: '${g(m, 2)}'.`,
  ],
  [/^Unidad '(.*)' no existe en el sistema\.$/su, (m) => `Unit '${g(m, 1)}' does not exist in the system.`],
  [/^Posible duplicidad en catálogo\.$/u, () => 'Possible duplicate in the catalog.'],
  [
    /^UNIDAD DIFERENTE\. Excel: '(.*)' vs Catálogo: '(.*)'(\.?)$/su,
    (m) => `DIFFERENT UNIT. Excel: '${g(m, 1)}' vs catalog: '${g(m, 2)}'${g(m, 3)}`,
  ],
  [/^DESCRIPCIÓN DIFERENTE\.$/u, () => 'DIFFERENT DESCRIPTION.'],
  [
    /^DESCRIPCIÓN DIFERENTE: la partida '(.*)' está en el catálogo con otra descripción\.$/su,
    (m) => `DIFFERENT DESCRIPTION: item '${g(m, 1)}' is in the catalog with another description.`,
  ],
  [
    /^CÓDIGO INCORRECTO\. Partida '(.*)' no existe\.$/su,
    (m) => `WRONG CODE. Item '${g(m, 1)}' does not exist.`,
  ],
  [
    /^CÓDIGO INCORRECTO\. La partida '(.*)' no existe; la descripción está en el catálogo como (.*)$/su,
    (m) => `WRONG CODE. Item '${g(m, 1)}' does not exist; the description is in the catalog as ${g(m, 2)}`,
  ],
  [/^NO ENCONTRADO en (el )?catálogo\.$/u, () => 'NOT FOUND in the catalog.'],
  // warnings
  [
    /^La partida (.*) aparece en las filas (\d+) y (\d+)\.$/su,
    (m) => `Item ${g(m, 1)} appears in rows ${g(m, 2)} and ${g(m, 3)}.`,
  ],
  [
    /^Fila (\d+): Se eliminó 1 carácter de control del texto de la fila \(la fila se importa\)$/u,
    (m) => `Row ${g(m, 1)}: 1 control character was removed from the row's text (the row is imported)`,
  ],
  [
    /^Fila (\d+): Se eliminaron (\d+) caracteres de control del texto de la fila \(la fila se importa\)$/u,
    (m) =>
      `Row ${g(m, 1)}: ${g(m, 2)} control characters were removed from the row's text (the row is imported)`,
  ],
]

function english(message: string): string {
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message)
    if (m) return render(m)
  }
  return message
}

/** An Anexo C file error, row reason or warning in `lang` (as written in Spanish; English translated). */
export function annexCMessage(message: string, lang: Lang = 'es'): string {
  if (lang === 'es') return message
  // the matcher joins the reasons of one miss with " | "
  return message.split(' | ').map(english).join(' | ')
}
