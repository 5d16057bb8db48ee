import { describe, expect, it } from 'vitest'
import { historyImportMessage } from './work-order-import-messages'
import { parseWorkOrderHistory } from './work-order-history'
import { mapHistoryRow } from './work-order-import'
import { workOrderHistoryWorkbook } from '../../../test/fixtures/work-order-history-workbook'

describe('historical import messages in Spanish and English', () => {
  it.each([
    ['orden_trabajo is empty', 'orden_trabajo está vacío'],
    ['descripcion_trabajo is empty', 'descripcion_trabajo está vacío'],
    ['num_reprogramacion is empty', 'num_reprogramacion está vacío'],
    ['id_estatus_ot_id: empty', 'id_estatus_ot_id: vacío'],
    [
      'fecha_inicio_programado: not a date: "13/112023" (expected YYYY-MM-DD or DD/MM/YYYY)',
      'fecha_inicio_programado: no es una fecha: "13/112023" (se espera AAAA-MM-DD o DD/MM/AAAA)',
    ],
    [
      'fecha_inicio_programado: date out of range: 0204-04-15; imported as empty',
      'fecha_inicio_programado: fecha fuera de rango: 0204-04-15; se importa vacío',
    ],
    ['fecha_inicio_programado: not a date', 'fecha_inicio_programado: no es una fecha'],
    ['monto_mn: negative amount -5', 'monto_mn: importe negativo -5'],
    ['monto_usd: not an amount: "abc"', 'monto_usd: no es un importe: "abc"'],
    ['plazo_dias: not a whole number: "x"', 'plazo_dias: no es un número entero: "x"'],
    [
      'id_tipo_id "7" is not 4 (initial) or 5 (reprogramming)',
      'id_tipo_id "7" no es 4 (inicial) ni 5 (reprogramación)',
    ],
    ['id_estatus_ot_id 9 is not a work-order status', 'id_estatus_ot_id 9 no es un estatus de OT'],
    ['num_reprogramacion 0 is not 1 or more', 'num_reprogramacion 0 no es 1 o más'],
    [
      'fecha_fin_programado 2024-01-01 is before fecha_inicio_programado 2024-02-01',
      'fecha_fin_programado 2024-01-01 es anterior a fecha_inicio_programado 2024-02-01',
    ],
    [
      'estatus 0 is outside the domain {1} and is ignored',
      'el estatus 0 está fuera del dominio {1} y se ignora',
    ],
    ['initial work order OT-1 repeats row 3', 'la OT inicial OT-1 repite la fila 3'],
    ['no valid initial work order OT-9 in the file', 'no hay una OT inicial OT-9 válida en el archivo'],
    ['reprogramming 2 of OT-1 repeats row 5', 'la reprogramación 2 de OT-1 repite la fila 5'],
    [
      "the folio differs from its initial work order's (OT-1)",
      'el folio difiere del de su OT inicial (OT-1)',
    ],
    [
      "the proposal differs from its initial work order's (P-1)",
      'la PTE difiere de la de su OT inicial (P-1)',
    ],
    [
      'ot_principal is empty; the family is taken from orden_trabajo',
      'ot_principal está vacío; la familia se toma de orden_trabajo',
    ],
    ['longer than 100 characters', 'más de 100 caracteres'],
    [
      'plazo_dias 0 is outside 1–3650; imported as empty',
      'plazo_dias 0 está fuera de 1–3650; se importa vacío',
    ],
    [
      'id_frente 9 has no front here; imported as empty',
      'id_frente 9 no tiene frente aquí; se importa vacío',
    ],
    [
      'no header row with orden_trabajo, id_tipo_id and id_estatus_ot_id in the first 20 rows',
      'Ninguna fila de encabezados con orden_trabajo, id_tipo_id e id_estatus_ot_id en las primeras 20 filas',
    ],
  ])('%s', (english, spanish) => {
    expect(historyImportMessage(english)).toBe(spanish)
    expect(historyImportMessage(english, 'es')).toBe(spanish)
    expect(historyImportMessage(english, 'en')).toBe(english)
  })

  it('leaves a message it does not know (or one already in Spanish) as it is', () => {
    expect(
      historyImportMessage('Se eliminó 1 carácter de control del texto de la fila (la fila se importa)'),
    ).toBe('Se eliminó 1 carácter de control del texto de la fila (la fila se importa)')
  })

  it('translates every message the built workbook produces: none is left in English', async () => {
    const parsed = await parseWorkOrderHistory(await workOrderHistoryWorkbook())
    const messages = [
      ...parsed.errors.map((e) => e.message),
      ...parsed.rows
        .flatMap((r) => mapHistoryRow(r, { frontIdByLegacy: new Map(), proposalId: null }).issues)
        .map((i) => i.message),
    ]
    expect(messages.length).toBeGreaterThan(0)
    const english =
      /\b(is empty|not a date|date out of range|is before|imported as empty|repeats row|has no front)\b/u
    for (const m of messages) expect(historyImportMessage(m), m).not.toMatch(english)
  })
})
