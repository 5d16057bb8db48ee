import { readRows, type CellValue, type CleanedRow } from '../../platform/spreadsheet/read-workbook'
import {
  cellText,
  codeText,
  conceptIdentity,
  normalizeAnnex,
  normalizeCode,
  normalizeHeader,
  parseDecimal,
  unitText,
} from './concept-text'

/**
 * Parser of the contract price schedule workbook (Anexo C, `ANEXO_C_CONTRATO.xlsx`, docs/imports.md#contract-workbook):
 * one sheet per sub-annex (C-2 … C-6, C-4-1, C-5-1) with the header `ANEXO | PARTIDA | CONCEPTO | UNIDAD |
 * CANTIDADES DE REFERENCIA | P.U. MN | P.U. USD | M.N. | U.S.D. | ID PADRE | ID MADRE | ID HIJO` in one of
 * the first rows, then title, section and priced rows, a TOTAL row, a place/date line and a signature block.
 * Sheets without such a header (the summary sheet `Anexo C-CR`) are ignored with a reason.
 *
 * Every priced row (one with a unit, a quantity or a price) is an ordinary concept or an error; every other
 * row is skipped with a reason (title, section heading, TOTAL, footer). Nothing is written anywhere.
 */

export type CategoryLevels = {
  /** ID PADRE (e.g. "Tubos") */
  category: string | null
  /** ID MADRE */
  subcategory: string | null
  /** ID HIJO */
  classification: string | null
}

export type ContractConcept = {
  sheet: string
  rowNumber: number
  /** sub-annex key: `C-2`, `C-3`, `C-4`, `C-4-1`, `C-5`, `C-5-1`, `C-6` */
  annex: string
  /** the code as the file shows it (`'2.1.'`; the number 4.4 → `'4.4'`) */
  code: string
  /** the code as compared (`normalizeCode`: `'2.1'`) */
  codeKey: string
  /** white space collapsed and trimmed, case and accents kept */
  description: string
  /** unit as shown, upper case (`'DÍA'`, `'HOM/DÍA'`) */
  unit: string
  /** decimal strings (exact); an empty cell is `'0'` */
  quantity: string
  unitPriceMxn: string
  unitPriceUsd: string
  categoryLevels: CategoryLevels
}

export type SkippedRow = { sheet: string; rowNumber: number; reason: string }
export type RowError = {
  sheet: string
  rowNumber: number
  field: 'annex' | 'code' | 'description' | 'unit' | 'quantity' | 'unitPriceMxn' | 'unitPriceUsd'
  message: string
  /** the row's cells under their header names */
  values: Record<string, CellValue>
}
export type SheetSummary = {
  sheet: string
  /** null when the sheet was ignored */
  headerRow: number | null
  concepts: number
  /** why an ignored sheet was ignored */
  reason?: string
}
/** A concept row whose (annex, code, description, unit) repeats an earlier row of the file. */
export type DuplicateRow = {
  sheet: string
  rowNumber: number
  annex: string
  duplicateOf: { sheet: string; rowNumber: number }
}

export type ContractWorkbookResult = {
  concepts: ContractConcept[]
  skipped: SkippedRow[]
  errors: RowError[]
  duplicates: DuplicateRow[]
  sheets: SheetSummary[]
  /** distinct units of the concepts, as shown (upper case), sorted */
  unitKeys: string[]
  /** distinct sub-annex keys in file order */
  annexes: string[]
  /** rows whose text lost control characters while read (kept; reported as notes) */
  cleaned: CleanedRow[]
}

type Field =
  | 'annex'
  | 'code'
  | 'description'
  | 'unit'
  | 'quantity'
  | 'priceMxn'
  | 'priceUsd'
  | 'category'
  | 'subcategory'
  | 'classification'

/** Accepted header names per field, folded by `normalizeHeader` (accents, case, spaces, punctuation ignored). */
const HEADER_ALIASES: Record<Field, string[]> = {
  annex: ['ANEXO', 'SUBANEXO'],
  code: ['PARTIDA', 'PARTIDAORDINARIA'],
  description: ['CONCEPTO', 'DESCRIPCION', 'DESCRIPCIONDELCONCEPTO'],
  unit: ['UNIDAD', 'UNIDADDEMEDIDA'],
  quantity: ['CANTIDADESDEREFERENCIA', 'CANTIDADDEREFERENCIA', 'CANTIDAD'],
  priceMxn: ['PUMN', 'PRECIOUNITARIOMN'],
  priceUsd: ['PUUSD', 'PRECIOUNITARIOUSD'],
  category: ['IDPADRE', 'CATEGORIA'],
  subcategory: ['IDMADRE', 'SUBCATEGORIA'],
  classification: ['IDHIJO', 'CLASIFICACION'],
}
const REQUIRED: Field[] = ['code', 'description', 'unit', 'priceMxn']
/** The header must be within this many rows of the top of the sheet. */
export const HEADER_SEARCH_ROWS = 20

type Columns = Partial<Record<Field, number>>

function matchHeader(cells: CellValue[]): { columns: Columns; names: Map<number, string> } | null {
  const columns: Columns = {}
  const names = new Map<number, string>()
  cells.forEach((cell, index) => {
    const key = normalizeHeader(cell)
    if (key === '') return
    names.set(index, cellText(cell) ?? '')
    for (const field of Object.keys(HEADER_ALIASES) as Field[]) {
      if (columns[field] === undefined && HEADER_ALIASES[field].includes(key)) columns[field] = index
    }
  })
  return REQUIRED.every((f) => columns[f] !== undefined) ? { columns, names } : null
}

/** `Anexo C-2-CR` → `C-2`, `Anexo C-4-1` → `C-4-1`; null when the name carries no annex. */
export function annexFromSheetName(name: string): string | null {
  const m = /C\s*-\s*(\d+)(?:\s*-\s*(\d+))?/iu.exec(name)
  if (!m) return null
  return normalizeAnnex(m[2] === undefined ? `C-${m[1]}` : `C-${m[1]}-${m[2]}`)
}

type SheetState = {
  name: string
  header: { row: number; columns: Columns; names: Map<number, string> } | null
  afterTotal: boolean
  summary: SheetSummary
  pending: SkippedRow[]
}

/** A number, or text that reads as one: what makes a row a priced row (a signature line in a price column does not). */
function looksNumeric(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return true
  if (typeof v !== 'string') return false
  const parsed = parseDecimal(v, { allowNegative: true })
  return parsed.ok && parsed.value !== null
}

/** Parses the contract workbook; never throws on content (a file exceljs cannot open does throw). */
export async function parseContractWorkbook(bytes: Buffer): Promise<ContractWorkbookResult> {
  const result: ContractWorkbookResult = {
    concepts: [],
    skipped: [],
    errors: [],
    duplicates: [],
    sheets: [],
    unitKeys: [],
    annexes: [],
    cleaned: [],
  }
  const units = new Set<string>()
  const annexes = new Set<string>()
  const seen = new Map<string, { sheet: string; rowNumber: number }>()
  let state: SheetState | null = null

  const closeSheet = (s: SheetState) => {
    if (!s.header) {
      s.summary.headerRow = null
      s.summary.reason = `no header row with PARTIDA, CONCEPTO, UNIDAD and P.U. MN in the first ${HEADER_SEARCH_ROWS} rows`
    }
    result.sheets.push(s.summary)
  }

  for await (const row of readRows(bytes)) {
    if (row.controlCharacters) {
      result.cleaned.push({
        sheet: row.sheet,
        rowNumber: row.rowNumber,
        controlCharacters: row.controlCharacters,
      })
    }
    if (!state || state.name !== row.sheet) {
      if (state) closeSheet(state)
      state = {
        name: row.sheet,
        header: null,
        afterTotal: false,
        summary: { sheet: row.sheet, headerRow: null, concepts: 0 },
        pending: [],
      }
    }
    const s = state
    if (!s.header) {
      if (row.rowNumber > HEADER_SEARCH_ROWS) continue
      const found = matchHeader(row.cells)
      if (found) {
        s.header = { row: row.rowNumber, ...found }
        s.summary.headerRow = row.rowNumber
        for (const p of s.pending) result.skipped.push(p)
        result.skipped.push({ sheet: s.name, rowNumber: row.rowNumber, reason: 'header row' })
      } else {
        s.pending.push({ sheet: s.name, rowNumber: row.rowNumber, reason: 'above the header row (title)' })
      }
      continue
    }
    const skip = (reason: string) => result.skipped.push({ sheet: s.name, rowNumber: row.rowNumber, reason })
    if (s.afterTotal) {
      skip('after the TOTAL row (place and date line, signature block)')
      continue
    }
    const { columns, names } = s.header
    const cell = (f: Field): CellValue | undefined => {
      const i = columns[f]
      return i === undefined ? undefined : row.cells[i]
    }
    const code = codeText(cell('code'))
    const description = codeText(cell('description'))
    const unitCell = codeText(cell('unit'))
    const unit = unitCell === null ? null : unitText(unitCell)
    const hasNumbers = [cell('quantity'), cell('priceMxn'), cell('priceUsd')].some(looksNumeric)

    if (normalizeHeader(cell('code')) === 'PARTIDA' && normalizeHeader(cell('description')) === 'CONCEPTO') {
      skip('repeated header row')
      continue
    }
    if (code === null && unit === null && row.cells.some((c) => normalizeHeader(c) === 'TOTAL')) {
      s.afterTotal = true
      skip('TOTAL row')
      continue
    }
    if (!unit && !hasNumbers) {
      if (code !== null && description !== null) {
        skip('annex title row (code and concept, no unit or prices)')
      } else if (description !== null) {
        skip('section heading (concept without code or unit)')
      } else {
        skip('no concept and no unit (note or footer)')
      }
      continue
    }

    // a priced row: it must become a concept
    const values: Record<string, CellValue> = {}
    for (const [index, name] of names) values[name || `column ${index + 1}`] = row.cells[index] ?? null
    const errorsBefore = result.errors.length
    const error = (field: RowError['field'], message: string) =>
      result.errors.push({ sheet: s.name, rowNumber: row.rowNumber, field, message, values })

    const annexCell = cellText(cell('annex'))
    const annex = annexCell !== null ? normalizeAnnex(annexCell) : annexFromSheetName(s.name)
    if (annex === null) error('annex', 'no ANEXO value and the sheet name carries no annex key')
    if (code === null) error('code', 'PARTIDA is empty')
    if (description === null) error('description', 'CONCEPTO is empty')
    if (unit === null) error('unit', 'UNIDAD is empty')
    const quantity = parseDecimal(cell('quantity'))
    if (!quantity.ok) error('quantity', `CANTIDADES DE REFERENCIA: ${quantity.reason}`)
    const priceMxn = parseDecimal(cell('priceMxn'))
    if (!priceMxn.ok) error('unitPriceMxn', `P.U. MN: ${priceMxn.reason}`)
    const priceUsd = parseDecimal(cell('priceUsd'))
    if (!priceUsd.ok) error('unitPriceUsd', `P.U. USD: ${priceUsd.reason}`)
    if (result.errors.length > errorsBefore) continue
    if (annex === null || code === null || description === null || unit === null) continue
    if (!quantity.ok || !priceMxn.ok || !priceUsd.ok) continue

    const concept: ContractConcept = {
      sheet: s.name,
      rowNumber: row.rowNumber,
      annex,
      code,
      codeKey: normalizeCode(code),
      description,
      unit,
      quantity: quantity.value ?? '0',
      unitPriceMxn: priceMxn.value ?? '0',
      unitPriceUsd: priceUsd.value ?? '0',
      categoryLevels: {
        category: levelText(cell('category')),
        subcategory: levelText(cell('subcategory')),
        classification: levelText(cell('classification')),
      },
    }
    result.concepts.push(concept)
    s.summary.concepts++
    units.add(unit)
    annexes.add(annex)
    const key = `${annex}\u001f${conceptIdentity(code, description, unit)}`
    const first = seen.get(key)
    if (first) result.duplicates.push({ sheet: s.name, rowNumber: row.rowNumber, annex, duplicateOf: first })
    else seen.set(key, { sheet: s.name, rowNumber: row.rowNumber })
  }
  if (state) closeSheet(state)
  result.unitKeys = [...units].sort()
  result.annexes = [...annexes]
  return result
}

/**
 * A category level is text. A number there is the result of a stray formula (C-2 `L418` = `=F418/1.25`),
 * not a category, and is ignored.
 */
function levelText(cell: CellValue | undefined): string | null {
  return typeof cell === 'string' ? cellText(cell) : null
}
