/**
 * What the contract workbooks the tests read hold (the layout of ANEXO_C_CONTRATO.xlsx): concepts per
 * sub-annex sheet and section headings, for the built workbook (test/fixtures/contract-workbook.ts) and
 * the real file (only read inside `describeRealFiles`). The parser, the catalog preparation and the
 * import tests all check against these numbers.
 */

export interface ContractWorkbookCounts {
  /** Ordinary concepts (priced rows) in all. */
  concepts: number
  /** Per sub-annex sheet, in sheet order. */
  perAnnex: { sheet: string; annex: string; concepts: number }[]
  /** Section headings (rows with a concept but no code or unit). */
  sectionHeadings: number
}

const SHEETS: [sheet: string, annex: string][] = [
  ['Anexo C-2-CR', 'C-2'],
  ['Anexo C-3-CR', 'C-3'],
  ['Anexo C-4-CR', 'C-4'],
  ['Anexo C-4-1', 'C-4-1'],
  ['Anexo C-5-CR', 'C-5'],
  ['Anexo C-5-1', 'C-5-1'],
  ['Anexo C-6-CR', 'C-6'],
]

function counts(perSheet: number[], sectionHeadings: number): ContractWorkbookCounts {
  const perAnnex = SHEETS.map(([sheet, annex], i) => ({ sheet, annex, concepts: perSheet[i]! }))
  return { concepts: perSheet.reduce((a, b) => a + b, 0), perAnnex, sectionHeadings }
}

export const BUILT_CONTRACT_COUNTS = counts([26, 61, 40, 17, 12, 5, 4], 23)

export const REAL_CONTRACT_COUNTS = counts([501, 649, 88, 27, 185, 10, 4], 226)
