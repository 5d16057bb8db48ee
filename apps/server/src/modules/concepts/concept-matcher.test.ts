import { describe, expect, it } from 'vitest'
import { matchConcept, type CatalogConcept } from './concept-matcher'
import { foldText, normalizeCode, unitKey } from './concept-text'

let n = 0
function concept(
  over: Partial<CatalogConcept> & { code: string; description: string; unit: string },
): CatalogConcept {
  n++
  return {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    kind: 'ordinary',
    annex: 'C-2',
    codeKey: normalizeCode(over.code),
    descriptionKey: foldText(over.description),
    unitKey: unitKey(over.unit),
    unitId: null,
    quantity: '1',
    unitPriceMxn: '100',
    unitPriceUsd: '0',
    occurrence: 1,
    status: null,
    convertedCode: null,
    convertedCodeKey: null,
    ...over,
  }
}

const tubo = concept({ code: '2.1.', description: 'Tubo de acero al carbón de 8"Ø', unit: 'M' })
const opC4 = concept({ annex: 'C-4', code: '4.7.', description: 'OPERARIO ESPECIALISTA.', unit: 'JORNADA' })
const opC41 = concept({ annex: 'C-4-1', code: '4.7', description: 'OPERARIO ESPECIALISTA.', unit: 'JORNADA' })
const opC41b = concept({
  annex: 'C-4-1',
  code: '4.7.',
  description: 'OPERARIO ESPECIALISTA.',
  unit: 'JORNADA',
  occurrence: 2,
})
const soldador = concept({
  annex: 'C-4',
  code: '4.7.',
  description: 'OPERARIO ESPECIALISTA. (SOLDADOR)',
  unit: 'JORNADA',
})
const pue = concept({
  kind: 'extraordinary',
  annex: 'C-10',
  code: 'C3EXT-0977',
  description: 'Suministro de válvula',
  unit: 'PIEZA',
  convertedCode: '1C-010.',
  convertedCodeKey: '1C-010',
  status: 'authorized',
})
const all = [tubo, opC4, opC41, opC41b, soldador, pue]

describe('matchConcept', () => {
  it('matches after normalising code, description and unit', () => {
    const r = matchConcept({ code: 2.1, description: '  tubo de ACERO al carbon de 8"Ø ', unit: 'm' }, all)
    expect(r).toMatchObject({ found: true, concept: { id: tubo.id }, alternatives: [] })
  })

  it('prefers the row’s sub-annex, then ordinary concepts in natural annex order, and lists the copies', () => {
    const key = { code: '4.7.', description: 'Operario especialista.', unit: 'Jornada' }
    const noAnnex = matchConcept(key, all)
    expect(noAnnex.found && noAnnex.concept.id).toBe(opC4.id)
    expect(noAnnex.found && noAnnex.alternatives.map((c) => c.id)).toEqual([opC41.id, opC41b.id])
    const inC41 = matchConcept({ ...key, annex: 'c-4-1' }, all)
    expect(inC41.found && inC41.concept.id).toBe(opC41.id)
    // the same answer whatever the order of the candidates
    const reversed = matchConcept({ ...key, annex: 'C-4-1' }, [...all].reverse())
    expect(reversed.found && reversed.concept.id).toBe(opC41.id)
  })

  it('finds a PUE by its code and by the ordinary code it was converted to', () => {
    for (const code of ['c3ext-0977', '1C-010.']) {
      const r = matchConcept({ code, description: 'SUMINISTRO DE VALVULA', unit: 'pieza' }, all)
      expect(r.found && r.concept.id).toBe(pue.id)
    }
  })

  it('says the description differs when the code exists with another text', () => {
    const r = matchConcept({ code: '2.1', description: 'Tubo de acero inoxidable', unit: 'M' }, all)
    expect(r).toMatchObject({ found: false, reasons: ['description_differs'], sameCode: [{ id: tubo.id }] })
    expect(!r.found && r.message).toMatch(/^DESCRIPCIÓN DIFERENTE/)
  })

  it('says the unit differs, naming both units', () => {
    const r = matchConcept({ code: '2.1.', description: 'TUBO DE ACERO AL CARBÓN DE 8"Ø', unit: 'PZA' }, all)
    expect(r).toMatchObject({ found: false, reasons: ['unit_differs'] })
    expect(!r.found && r.message).toBe("UNIDAD DIFERENTE. Excel: 'PZA' vs Catálogo: 'M'.")
  })

  it('gives both reasons when neither the description nor the unit agrees', () => {
    const r = matchConcept({ code: '2.1.', description: 'Otra cosa', unit: 'TON' }, all)
    expect(r).toMatchObject({ found: false, reasons: ['description_differs', 'unit_differs'] })
    expect(!r.found && r.message.split(' | ')).toHaveLength(2)
  })

  it('says the code is wrong when the description exists under another code', () => {
    const r = matchConcept({ code: '2.11', description: 'Tubo de acero al carbón de 8"Ø', unit: 'M' }, all)
    expect(r).toMatchObject({ found: false, reasons: ['wrong_code'], sameDescription: [{ id: tubo.id }] })
    expect(!r.found && r.message).toBe(
      "CÓDIGO INCORRECTO. La partida '2.11' no existe; la descripción está en el catálogo como 2.1.",
    )
  })

  it('says not found otherwise', () => {
    const r = matchConcept({ code: '9.9', description: 'Nada', unit: 'M' }, all)
    expect(r).toEqual({
      found: false,
      reasons: ['not_found'],
      message: 'NO ENCONTRADO en el catálogo.',
      sameCode: [],
      sameDescription: [],
    })
  })
})
