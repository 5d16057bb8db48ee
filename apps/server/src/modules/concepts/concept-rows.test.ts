import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BUILT_CONTRACT_COUNTS,
  REAL_CONTRACT_COUNTS,
  type ContractWorkbookCounts,
} from '../../../test/contract-workbook-counts'
import { contractWorkbookFixture } from '../../../test/fixtures/contract-workbook'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { annexCounts, dropOversized, prepareContract, type PreparedImport } from './concept-rows'
import { parseContractWorkbook } from './contract-workbook'

/** The suite every contract workbook passes; the built file and the real one differ only in `expected`. */
function prepareContractSuite(load: () => Promise<Buffer>, expected: ContractWorkbookCounts) {
  let p: PreparedImport
  beforeAll(async () => {
    p = prepareContract(await parseContractWorkbook(await load()))
  })

  const n = expected.concepts.toLocaleString('en-US')
  it(`gives ${n} concepts with ${n} distinct identities`, () => {
    expect(p.errors).toEqual([])
    expect(p.concepts).toHaveLength(expected.concepts)
    expect(new Set(p.concepts.map((c) => c.values.identity_key)).size).toBe(expected.concepts)
  })

  it('keeps the repeated C-4-1 line as occurrence 2 and says so', () => {
    const repeated = p.concepts.filter((c) => c.values.occurrence > 1)
    expect(repeated.map((c) => [c.sheet, c.rowNumber, c.values.code, c.values.occurrence])).toEqual([
      ['Anexo C-4-1', 17, '4.7.', 2],
    ])
    expect(p.notes).toEqual([
      {
        sheet: 'Anexo C-4-1',
        row: 17,
        message:
          'Repite la fila 11 (misma partida, descripción y unidad en C-4-1); se guarda como repetición 2 de esa línea.',
      },
    ])
  })

  it('counts concepts per sub-annex in natural order, and skipped rows by reason', () => {
    expect(annexCounts(p.concepts)).toEqual(
      expected.perAnnex.map(({ annex, concepts }) => ({ annex, concepts })),
    )
    expect(p.skippedByReason).toEqual({
      title: 28,
      header: 7,
      annexTitle: 7,
      section: expected.sectionHeadings,
      total: 7,
      footer: 28,
    })
    expect(Object.values(p.skippedByReason).reduce((a, b) => a + b, 0)).toBe(p.skipped)
  })

  it('stores canonical decimals and the compared keys', () => {
    const c = p.concepts.find((x) => x.sheet === 'Anexo C-2-CR' && x.rowNumber === 10)
    expect(c?.values).toMatchObject({
      annex: 'C-2',
      code: '2.1.',
      code_key: '2.1',
      unit: 'M',
      unit_key: 'm',
      quantity: '76',
      unit_price_mxn: '11813.3',
      unit_price_usd: '0',
      category: 'Tubos',
      occurrence: 1,
    })
    const numeric = p.concepts.find((x) => x.sheet === 'Anexo C-4-1' && x.rowNumber === 9)
    expect(numeric?.values).toMatchObject({ code: '4.4', code_key: '4.4', unit: 'JORNADA', quantity: '4' })
    const accented = p.concepts.find((x) => x.sheet === 'Anexo C-6-CR' && x.rowNumber === 8)
    expect(accented?.values).toMatchObject({ unit: 'HOM/DÍA', quantity: '1049146', unit_price_mxn: '475' })
  })

  it('turns texts too long for the catalog into error rows', () => {
    const first = p.concepts[0]
    if (!first) throw new Error('no concept')
    const long = { ...first, values: { ...first.values, code: 'X'.repeat(61) } }
    const r = dropOversized({ ...p, concepts: [long, ...p.concepts.slice(1)] })
    expect(r.concepts).toHaveLength(expected.concepts - 1)
    expect(r.errors).toMatchObject([{ sheet: first.sheet, row: first.rowNumber, field: 'code' }])
    expect(r.errors[0]?.message).toBe('La partida tiene 61 caracteres (máximo 60)')
    const en = dropOversized({ ...p, concepts: [long, ...p.concepts.slice(1)] }, 'en')
    expect(en.errors[0]?.message).toBe('The item code has 61 characters (at most 60)')
  })

  it('says its row notes in English to an English requester', async () => {
    const en = prepareContract(await parseContractWorkbook(await load()), 'en')
    expect(en.notes.map((x) => x.message)).toEqual([
      'Repeats row 11 (same item, description and unit in C-4-1); saved as repetition 2 of that line.',
    ])
  })
}

describe('prepareContract on the built contract workbook (the layout of ANEXO_C_CONTRATO.xlsx)', () => {
  prepareContractSuite(contractWorkbookFixture, BUILT_CONTRACT_COUNTS)
})

describeRealFiles('ANEXO_C_CONTRATO.xlsx', () => {
  describe('prepareContract on the real ANEXO_C_CONTRATO.xlsx', () => {
    prepareContractSuite(() => readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx')), REAL_CONTRACT_COUNTS)
  })
})
