/**
 * The historical work-order parser (work-order-history.ts) and row mapping (work-order-import.ts) explain
 * rows in plain English; the people who fix the workbook read Spanish. `historyImportMessage` gives a
 * message in Spanish (the default) or English (as written) — the same approach as the concept imports'
 * concept-import-messages.ts (docs/imports.md#historical-work-orders). Pure, no I/O; an unknown message is
 * returned as it is.
 */

export type MessageLanguage = 'es' | 'en'

type Rule = [RegExp, (m: RegExpExecArray) => string]
const g = (m: RegExpExecArray, i: number) => m[i] ?? ''

/** Why a cell could not be read (the part after "column: "). */
const REASONS: Rule[] = [
  [/^empty$/u, () => 'vacío'],
  [/^not a whole number: (.+)$/u, (m) => `no es un número entero: ${g(m, 1)}`],
  [/^not a finite number$/u, () => 'no es un número finito'],
  [/^negative amount (.+)$/u, (m) => `importe negativo ${g(m, 1)}`],
  [/^not an amount$/u, () => 'no es un importe'],
  [/^not an amount: (.+)$/u, (m) => `no es un importe: ${g(m, 1)}`],
  [/^invalid date$/u, () => 'fecha no válida'],
  [
    /^not a date: (.+?) \(expected YYYY-MM-DD or DD\/MM\/YYYY\)$/u,
    (m) => `no es una fecha: ${g(m, 1)} (se espera AAAA-MM-DD o DD/MM/AAAA)`,
  ],
  [/^not a date: (.+)$/u, (m) => `no es una fecha: ${g(m, 1)}`],
  [/^not a date$/u, () => 'no es una fecha'],
  [/^date out of range: (.+)$/u, (m) => `fecha fuera de rango: ${g(m, 1)}`],
]

function reason(text: string): string {
  for (const [pattern, render] of REASONS) {
    const m = pattern.exec(text)
    if (m) return render(m)
  }
  return text
}

/** Whole messages. */
const MESSAGES: Rule[] = [
  [/^(\S+) is empty$/u, (m) => `${g(m, 1)} está vacío`],
  [
    /^ot_principal is empty; the family is taken from orden_trabajo$/u,
    () => 'ot_principal está vacío; la familia se toma de orden_trabajo',
  ],
  [
    /^id_tipo_id (.+) is not 4 \(initial\) or 5 \(reprogramming\)$/u,
    (m) => `id_tipo_id ${g(m, 1)} no es 4 (inicial) ni 5 (reprogramación)`,
  ],
  [
    /^id_estatus_ot_id (.+) is not a work-order status$/u,
    (m) => `id_estatus_ot_id ${g(m, 1)} no es un estatus de OT`,
  ],
  [/^num_reprogramacion (.+) is not 1 or more$/u, (m) => `num_reprogramacion ${g(m, 1)} no es 1 o más`],
  [/^(\S+ \S+) is before (\S+ \S+)$/u, (m) => `${g(m, 1)} es anterior a ${g(m, 2)}`],
  [
    /^estatus (.+) is outside the domain \{1\} and is ignored$/u,
    (m) => `el estatus ${g(m, 1)} está fuera del dominio {1} y se ignora`,
  ],
  [
    /^an initial work order has no principal; ignored$/u,
    () => 'una OT inicial no lleva OT principal; se ignora',
  ],
  [
    /^an initial work order has no reprogramming number; ignored$/u,
    () => 'una OT inicial no lleva número de reprogramación; se ignora',
  ],
  [
    /^no header row with orden_trabajo, id_tipo_id and id_estatus_ot_id in the first (\d+) rows$/u,
    (m) =>
      `Ninguna fila de encabezados con orden_trabajo, id_tipo_id e id_estatus_ot_id en las primeras ${g(m, 1)} filas`,
  ],
  [
    /^initial work order (.+) repeats row (\d+)$/u,
    (m) => `la OT inicial ${g(m, 1)} repite la fila ${g(m, 2)}`,
  ],
  [
    /^no valid initial work order (.+) in the file$/u,
    (m) => `no hay una OT inicial ${g(m, 1)} válida en el archivo`,
  ],
  [
    /^reprogramming (.+) of (.+) repeats row (\d+)$/u,
    (m) => `la reprogramación ${g(m, 1)} de ${g(m, 2)} repite la fila ${g(m, 3)}`,
  ],
  [
    /^the folio differs from its initial work order's \((.+)\)$/u,
    (m) => `el folio difiere del de su OT inicial (${g(m, 1)})`,
  ],
  [
    /^the proposal differs from its initial work order's \((.+)\)$/u,
    (m) => `la PTE difiere de la de su OT inicial (${g(m, 1)})`,
  ],
  [/^longer than (\d+) characters$/u, (m) => `más de ${g(m, 1)} caracteres`],
  [
    /^plazo_dias (.+) is outside 1–3650; imported as empty$/u,
    (m) => `plazo_dias ${g(m, 1)} está fuera de 1–3650; se importa vacío`,
  ],
  [
    /^id_frente (.+) has no front here; imported as empty$/u,
    (m) => `id_frente ${g(m, 1)} no tiene frente aquí; se importa vacío`,
  ],
  [
    /^(.+) rounded half-up to 6 decimals: (.+)$/u,
    (m) => `${g(m, 1)} redondeado (mitad hacia arriba) a 6 decimales: ${g(m, 2)}`,
  ],
  // "column: reason" and "column: reason; imported as empty"
  [/^([\w ]+): (.+); imported as empty$/u, (m) => `${g(m, 1)}: ${reason(g(m, 2))}; se importa vacío`],
  [/^([\w ]+): (.+)$/u, (m) => `${g(m, 1)}: ${reason(g(m, 2))}`],
]

/** A parser or row-mapping message in the given language (Spanish by default); unknown messages as they are. */
export function historyImportMessage(message: string, language: MessageLanguage = 'es'): string {
  if (language === 'en') return message
  for (const [pattern, render] of MESSAGES) {
    const m = pattern.exec(message)
    if (m) return render(m)
  }
  return message
}
