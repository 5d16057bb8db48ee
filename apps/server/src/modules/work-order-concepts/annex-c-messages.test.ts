import { describe, expect, it } from 'vitest'
import { matchConcept, type CatalogConcept as MatcherConcept } from '../concepts'
import { controlCharactersWarning } from '../../platform/spreadsheet/read-workbook'
import { annexCMessage } from './annex-c-messages'
import { createAnnexCCatalog, interpretAnnexCTable, locateAnnexCTable } from './annex-c-parser'

describe('Anexo C messages in Spanish and English', () => {
  it.each([
    [
      'El archivo es un libro de Excel 97-2003 (.xls). Guárdalo como .xlsx y vuelve a subirlo.',
      'The file is an Excel 97-2003 workbook (.xls). Save it as .xlsx and upload it again.',
    ],
    [
      'El archivo no se pudo leer como libro de Excel (.xlsx o .xlsm).',
      'The file could not be read as an Excel workbook (.xlsx or .xlsm).',
    ],
    [
      'No se encontró tabla válida con columna PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. Revisado: [Hoja1]: Sin cabeceras completas., [Hoja2]: Sin cabeceras completas.',
      'No valid table with the columns PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. was found. Checked: [Hoja1]: no complete headers., [Hoja2]: no complete headers.',
    ],
    [
      'No se encontró tabla válida con columna PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. Revisado: el libro no tiene hojas con datos.',
      'No valid table with the columns PARTIDA, CONCEPTO, UNIDAD, VOLUMEN PTE, P.U. M.N. was found. Checked: the workbook has no sheets with data.',
    ],
    [
      'La hoja "ANEXO C" tiene más de 20000 filas de datos; divide el archivo.',
      'Sheet "ANEXO C" has more than 20000 data rows; split the file.',
    ],
    ["Faltan columnas: ['UNIDAD', 'VOLUMEN PTE']", "Missing columns: ['UNIDAD', 'VOLUMEN PTE']"],
    ['Falta columna P.U. M.N.', 'Missing column: P.U. M.N.'],
    [
      'El archivo no contenía partidas válidas. (Se detectó columna OK, pero ninguna fila tenía el valor "OK")',
      'The file contained no valid items. (An OK column was found, but no row had the value "OK")',
    ],
    ["Valor negativo en VOLUMEN PTE: '-3'.", "Negative value in VOLUMEN PTE: '-3'."],
    ["Valor no numérico en la columna 15/03/2025: 'x'.", "Non-numeric value in the column 15/03/2025: 'x'."],
    ["Unidad 'PZA' no existe en el sistema.", "Unit 'PZA' does not exist in the system."],
    ['Posible duplicidad en catálogo.', 'Possible duplicate in the catalog.'],
    ['La partida 2.8. aparece en las filas 2 y 3.', 'Item 2.8. appears in rows 2 and 3.'],
    [
      `Fila 7: ${controlCharactersWarning(2)}`,
      "Row 7: 2 control characters were removed from the row's text (the row is imported)",
    ],
    [
      `Fila 8: ${controlCharactersWarning(1)}`,
      "Row 8: 1 control character was removed from the row's text (the row is imported)",
    ],
  ])('%s', (spanish, english) => {
    expect(annexCMessage(spanish)).toBe(spanish)
    expect(annexCMessage(spanish, 'es')).toBe(spanish)
    expect(annexCMessage(spanish, 'en')).toBe(english)
  })

  it('translates the file errors the parser gives', async () => {
    const notXlsx = await locateAnnexCTable(Buffer.from('hola'))
    const noAnnex = interpretAnnexCTable(
      { sheet: 'S', headerRowNumber: 1, headerCells: ['PARTIDA', 'CONCEPTO'], rows: [] },
      createAnnexCCatalog({ units: [], concepts: [] }),
    )
    expect(
      [notXlsx, noAnnex].map((r) => (r.ok ? '' : annexCMessage(r.kind === 'file' ? r.message : '', 'en'))),
    ).toEqual([
      'The file is not an Excel workbook (.xlsx or .xlsm).',
      'The required column is missing: ANEXO',
    ])
  })

  it('translates every reason of the in-memory catalog and of the concepts matcher', () => {
    const units = [
      { id: 'u1', key: 'PIEZA', description: 'Pieza' },
      { id: 'u2', key: 'TON', description: 'Tonelada' },
    ]
    const concept = { annex: 'C-2', priceMxn: '1', priceUsd: '0', unitId: 'u1' }
    const catalog = createAnnexCCatalog({
      units,
      concepts: [
        { ...concept, id: 'c1', code: '2.1', description: 'TUBO' },
        { ...concept, id: 'c2', code: '2.2', description: 'VALVULA' },
      ],
    })
    const reasons = (code: string, description: string, unit = units[0]!) => {
      const m = catalog.matchConcept({ code, description, unit, unitRaw: unit.key, annex: 'C-2' })
      return m.ok ? [] : m.reasons.map((r) => annexCMessage(r, 'en'))
    }
    expect(reasons('2.1', 'TUBO', units[1])).toEqual(["DIFFERENT UNIT. Excel: 'TON' vs catalog: 'PIEZA'"])
    expect(reasons('2.1', 'OTRO', units[1])).toEqual([
      'DIFFERENT DESCRIPTION.',
      "DIFFERENT UNIT. Excel: 'TON' vs catalog: 'PIEZA'",
    ])
    expect(reasons('9.9', 'TUBO')).toEqual(["WRONG CODE. Item '9.9' does not exist."])
    expect(reasons('9.9', 'NADA')).toEqual(['NOT FOUND in the catalog.'])

    const candidate: MatcherConcept = {
      id: 'k1',
      kind: 'ordinary',
      annex: 'C-2',
      code: '2.1',
      codeKey: '2.1',
      description: 'TUBO',
      descriptionKey: 'TUBO',
      unit: 'PIEZA',
      unitKey: 'PIEZA',
      unitId: 'u1',
      quantity: '1',
      unitPriceMxn: '1',
      unitPriceUsd: '0',
      occurrence: 1,
      status: null,
      convertedCode: null,
      convertedCodeKey: null,
    }
    const said = (code: string, description: string, unit: string) => {
      const r = matchConcept({ code, description, unit }, [candidate])
      return r.found ? '' : annexCMessage(r.message, 'en')
    }
    expect(said('2.1', 'OTRO', 'TON')).toBe(
      "DIFFERENT DESCRIPTION: item '2.1' is in the catalog with another description. | DIFFERENT UNIT. Excel: 'TON' vs catalog: 'PIEZA'.",
    )
    expect(said('9.9', 'TUBO', 'PIEZA')).toBe(
      "WRONG CODE. Item '9.9' does not exist; the description is in the catalog as 2.1.",
    )
    expect(said('9.9', 'NADA', 'PIEZA')).toBe('NOT FOUND in the catalog.')
  })

  it('leaves a message it does not know as it is', () => {
    expect(annexCMessage('algo nuevo', 'en')).toBe('algo nuevo')
  })
})
