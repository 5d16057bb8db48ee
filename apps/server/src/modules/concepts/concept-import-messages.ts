import type { Lang } from '../../platform/i18n/messages'

/**
 * The parsers (contract-workbook.ts, pue-workbook.ts) explain rows in plain English; the people who fix the
 * workbook read Spanish. These are the Spanish versions of their messages and skip reasons (pure, no I/O).
 * An unknown message is returned as it is.
 */

const DECIMAL_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^negative value (.+)$/u, (m) => `valor negativo ${m[1] ?? ''}`],
  [/^not a number: a date$/u, () => 'es una fecha, no un número'],
  [/^not a number: (.+)$/u, (m) => `no es un número: ${m[1] ?? ''}`],
  [/^not a finite number$/u, () => 'no es un número finito'],
]
const DATE_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^date out of range: (.+)$/u, (m) => `fecha fuera de rango: ${m[1] ?? ''}`],
  [/^not a calendar date: (.+)$/u, (m) => `no es una fecha del calendario: ${m[1] ?? ''}`],
  [
    /^not a date: (.+?)(?: \(expected YYYY-MM-DD or DD\/MM\/YYYY\))?$/u,
    (m) => `no es una fecha: ${m[1] ?? ''} (se espera AAAA-MM-DD o DD/MM/AAAA)`,
  ],
  [/^invalid date$/u, () => 'fecha no válida'],
]

function translateReason(reason: string, table: [RegExp, (m: RegExpExecArray) => string][]): string {
  for (const [pattern, render] of table) {
    const m = pattern.exec(reason)
    if (m) return render(m)
  }
  return reason
}

const FIXED: Record<string, string> = {
  'no ANEXO value and the sheet name carries no annex key':
    'Sin valor en ANEXO y el nombre de la hoja no indica el anexo',
  'PARTIDA is empty': 'La PARTIDA está vacía',
  'CONCEPTO is empty': 'El CONCEPTO está vacío',
  'UNIDAD is empty': 'La UNIDAD está vacía',
  'PARTIDA EXT is empty': 'La PARTIDA EXT está vacía',
  'a converted PUE needs both ANEXO and PARTIDA':
    'Un PUE convertido necesita ANEXO y PARTIDA (los dos o ninguno)',
}

/** The Spanish text of a parser error message. */
export function spanishErrorMessage(message: string): string {
  const fixed = FIXED[message]
  if (fixed) return fixed
  let m = /^(CANTIDADES DE REFERENCIA|P\.U\. MN|P\.U\. M\.N\.|P\.U\. USD): (.+)$/u.exec(message)
  if (m) return `${m[1] ?? ''}: ${translateReason(m[2] ?? '', DECIMAL_REASONS)}`
  m = /^FECHA SANCION: (.+)$/u.exec(message)
  if (m) return `FECHA SANCIÓN: ${translateReason(m[1] ?? '', DATE_REASONS)}`
  m = /^PARTIDA EXT (.+) is not a PUE code C<n>EXT-NNNN$/u.exec(message)
  if (m) return `La PARTIDA EXT ${m[1] ?? ''} no es una clave de PUE C<n>EXT-NNNN`
  m = /^PARTIDA EXT (.+) repeats row (\d+)$/u.exec(message)
  if (m) return `La PARTIDA EXT ${m[1] ?? ''} repite la fila ${m[2] ?? ''}`
  m = /^ESTATUS (.+) is not EN ELABORACION, AUTORIZADO or CANCELADA$/u.exec(message)
  if (m) return `El ESTATUS ${m[1] ?? ''} no es EN ELABORACION, AUTORIZADO ni CANCELADA`
  m = /^no sheet has a header row with PARTIDA EXT, CONCEPTO and UNIDAD in its first (\d+) rows$/u.exec(
    message,
  )
  if (m)
    return `Ninguna hoja tiene una fila de encabezados con PARTIDA EXT, CONCEPTO y UNIDAD en sus primeras ${m[1] ?? ''} filas`
  return message
}

/**
 * A parser error message in the requester's language: Spanish (the default) or English, as the parsers
 * write it (docs/platform.md "Messages and languages").
 */
export function conceptImportMessage(message: string, lang: Lang = 'es'): string {
  return lang === 'en' ? message : spanishErrorMessage(message)
}

/** Stable codes of the parsers' skip reasons (the web shows them translated). */
export const SKIP_REASONS = ['title', 'header', 'annexTitle', 'section', 'total', 'footer', 'note'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

export function skipReasonCode(reason: string): SkipReason {
  if (reason.startsWith('above the header row')) return 'title'
  if (reason === 'header row' || reason === 'repeated header row') return 'header'
  if (reason.startsWith('annex title row')) return 'annexTitle'
  if (reason.startsWith('section heading')) return 'section'
  if (reason === 'TOTAL row') return 'total'
  if (reason.startsWith('after the TOTAL row')) return 'footer'
  return 'note'
}
