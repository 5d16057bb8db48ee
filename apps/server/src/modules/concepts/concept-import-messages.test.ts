import { describe, expect, it } from 'vitest'
import { conceptImportMessage, skipReasonCode, spanishErrorMessage } from './concept-import-messages'

describe('conceptImportMessage', () => {
  it('gives a parser message in Spanish by default and as the parser writes it in English', () => {
    expect(conceptImportMessage('PARTIDA is empty')).toBe('La PARTIDA está vacía')
    expect(conceptImportMessage('PARTIDA is empty', 'es')).toBe('La PARTIDA está vacía')
    expect(conceptImportMessage('P.U. MN: negative value -5', 'en')).toBe('P.U. MN: negative value -5')
  })
})

describe('spanishErrorMessage', () => {
  it.each([
    ['PARTIDA is empty', 'La PARTIDA está vacía'],
    ['P.U. MN: negative value -5', 'P.U. MN: valor negativo -5'],
    ['P.U. M.N.: not a number: "ten"', 'P.U. M.N.: no es un número: "ten"'],
    [
      'CANTIDADES DE REFERENCIA: not a number: a date',
      'CANTIDADES DE REFERENCIA: es una fecha, no un número',
    ],
    [
      'FECHA SANCION: not a calendar date: "31/02/2024"',
      'FECHA SANCIÓN: no es una fecha del calendario: "31/02/2024"',
    ],
    [
      'FECHA SANCION: not a date: "mañana" (expected YYYY-MM-DD or DD/MM/YYYY)',
      'FECHA SANCIÓN: no es una fecha: "mañana" (se espera AAAA-MM-DD o DD/MM/AAAA)',
    ],
    [
      'PARTIDA EXT "C3EXT-97" is not a PUE code C<n>EXT-NNNN',
      'La PARTIDA EXT "C3EXT-97" no es una clave de PUE C<n>EXT-NNNN',
    ],
    ['PARTIDA EXT C2EXT-0002 repeats row 2', 'La PARTIDA EXT C2EXT-0002 repite la fila 2'],
    [
      'ESTATUS "PENDIENTE" is not EN ELABORACION, AUTORIZADO or CANCELADA',
      'El ESTATUS "PENDIENTE" no es EN ELABORACION, AUTORIZADO ni CANCELADA',
    ],
    ['something new', 'something new'],
  ])('%s', (en, es) => expect(spanishErrorMessage(en)).toBe(es))
})

describe('skipReasonCode', () => {
  it.each([
    ['above the header row (title)', 'title'],
    ['above the header row', 'title'],
    ['header row', 'header'],
    ['repeated header row', 'header'],
    ['annex title row (code and concept, no unit or prices)', 'annexTitle'],
    ['section heading (concept without code or unit)', 'section'],
    ['TOTAL row', 'total'],
    ['after the TOTAL row (place and date line, signature block)', 'footer'],
    ['no concept and no unit (note or footer)', 'note'],
  ])('%s', (reason, code) => expect(skipReasonCode(reason)).toBe(code))
})
