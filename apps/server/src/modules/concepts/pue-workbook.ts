import { readRows, type CellValue, type CleanedRow } from '../../platform/spreadsheet/read-workbook'
import {
  cellText,
  codeText,
  foldText,
  normalizeAnnex,
  normalizeCode,
  normalizeHeader,
  parseDateCell,
  parseDecimal,
  unitText,
} from './concept-text'

/**
 * Parser of the extraordinary concepts (PUE) workbook (`ANEXO_C_PUES.xlsx`, docs/imports.md#pue-workbook):
 * one sheet (any name) with the header in row 1 (searched in the first rows), then one PUE per row:
 * `ANEXO | PARTIDA | CONCEPTO | UNIDAD | CANTIDADES DE REFERENCIA | P.U. M.N. | P.U. USD | M.N. | U.S.D. |
 * ID PADRE | ID MADRE | ID HIJO | PTE CREACION | OT CREACION | FECHA SANCION | PARTIDA EXT | ESTATUS |
 * COMENTARIO | ID BME`. The importe columns (M.N., U.S.D.) are formulas, often without cached values, and
 * are not read. `ANEXO` + `PARTIDA` are filled only for PUEs already converted to ordinary concepts.
 * Every data row is one PUE or an error with its row number and reason.
 */

export const PUE_STATUSES = ['in_preparation', 'authorized', 'cancelled'] as const
export type PueStatus = (typeof PUE_STATUSES)[number]

/** `ESTATUS` texts of the old system, folded (`foldText`), and their code. */
const STATUS_BY_TEXT: Record<string, PueStatus> = {
  'EN ELABORACION': 'in_preparation',
  ELABORACION: 'in_preparation',
  AUTORIZADO: 'authorized',
  AUTORIZADA: 'authorized',
  CANCELADO: 'cancelled',
  CANCELADA: 'cancelled',
}

/** `C<n>EXT-NNNN`: the sub-annex digit, `EXT`, a dash and at least four digits. */
export const PUE_CODE = /^C(\d+)EXT-(\d{4,})$/u

export type PueConcept = {
  sheet: string
  rowNumber: number
  /** the PUE code (`PARTIDA EXT`), upper case: `C3EXT-0977` */
  code: string
  description: string
  /** as shown, upper case (`DÍA`, `SERV/DIA`) */
  unit: string
  /** decimal strings; empty cells are `'0'` */
  quantity: string
  unitPriceMxn: string
  unitPriceUsd: string
  status: PueStatus | null
  /** `PTE CREACION`: folio of the proposal that created the PUE */
  proposalNumber: string | null
  /** `OT CREACION`: folio of the work order that created it */
  workOrderNumber: string | null
  /** `FECHA SANCION`, `YYYY-MM-DD` */
  sanctionDate: string | null
  /** for PUEs converted to ordinary concepts: the ordinary code as shown (`1C-010.`) and its key, and the annex */
  ordinaryCode: string | null
  ordinaryCodeKey: string | null
  annex: string | null
  categoryLevels: { category: string | null; subcategory: string | null; classification: string | null }
  comment: string | null
}

export type PueRowError = {
  sheet: string
  rowNumber: number
  field: string
  message: string
  values: Record<string, CellValue>
}

export type PueWorkbookResult = {
  /** the sheet read (the first whose header is found), null when none */
  sheet: string | null
  headerRow: number | null
  concepts: PueConcept[]
  /** rows above the header and repeated header rows */
  skipped: { sheet: string; rowNumber: number; reason: string }[]
  errors: PueRowError[]
  /** sheets not read, with the reason */
  ignoredSheets: { sheet: string; reason: string }[]
  /** distinct units of the concepts, as shown, sorted */
  unitKeys: string[]
  /** rows whose text lost control characters while read (kept; reported as notes) */
  cleaned: CleanedRow[]
}

type Field =
  | 'code'
  | 'description'
  | 'unit'
  | 'quantity'
  | 'priceMxn'
  | 'priceUsd'
  | 'status'
  | 'proposal'
  | 'workOrder'
  | 'sanctionDate'
  | 'ordinaryCode'
  | 'annex'
  | 'category'
  | 'subcategory'
  | 'classification'
  | 'comment'

const HEADER_ALIASES: Record<Field, string[]> = {
  code: ['PARTIDAEXT', 'PARTIDAEXTRAORDINARIA', 'CLAVEPUE', 'PUE'],
  description: ['CONCEPTO', 'DESCRIPCION'],
  unit: ['UNIDAD', 'UNIDADDEMEDIDA'],
  quantity: ['CANTIDADESDEREFERENCIA', 'CANTIDADDEREFERENCIA', 'CANTIDAD'],
  priceMxn: ['PUMN', 'PRECIOUNITARIOMN'],
  priceUsd: ['PUUSD', 'PRECIOUNITARIOUSD'],
  status: ['ESTATUS', 'STATUS', 'ESTADO'],
  proposal: ['PTECREACION', 'PTEORIGEN', 'PTE'],
  workOrder: ['OTCREACION', 'OTORIGEN', 'OT'],
  sanctionDate: ['FECHASANCION', 'FECHADESANCION', 'FECHAAUTORIZACION'],
  ordinaryCode: ['PARTIDA', 'PARTIDAORDINARIA'],
  annex: ['ANEXO', 'SUBANEXO'],
  category: ['IDPADRE', 'CATEGORIA'],
  subcategory: ['IDMADRE', 'SUBCATEGORIA'],
  classification: ['IDHIJO', 'CLASIFICACION'],
  comment: ['COMENTARIO', 'COMENTARIOS', 'OBSERVACIONES'],
}
const REQUIRED: Field[] = ['code', 'description', 'unit']
export const PUE_HEADER_SEARCH_ROWS = 10

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

/** Parses the PUE workbook; never throws on content (a file exceljs cannot open does throw). */
export async function parsePueWorkbook(bytes: Buffer): Promise<PueWorkbookResult> {
  const result: PueWorkbookResult = {
    sheet: null,
    headerRow: null,
    concepts: [],
    skipped: [],
    errors: [],
    ignoredSheets: [],
    unitKeys: [],
    cleaned: [],
  }
  const units = new Set<string>()
  const codes = new Map<string, number>()
  let header: { columns: Columns; names: Map<number, string> } | null = null
  let current: string | null = null
  let pending: { sheet: string; rowNumber: number; reason: string }[] = []
  const seenSheets: string[] = []

  for await (const row of readRows(bytes)) {
    if (row.controlCharacters) {
      result.cleaned.push({
        sheet: row.sheet,
        rowNumber: row.rowNumber,
        controlCharacters: row.controlCharacters,
      })
    }
    if (row.sheet !== current) {
      current = row.sheet
      seenSheets.push(row.sheet)
      pending = []
    }
    if (result.sheet !== null && row.sheet !== result.sheet) continue // only the first sheet with a header
    if (!header) {
      if (row.rowNumber > PUE_HEADER_SEARCH_ROWS) continue
      const found = matchHeader(row.cells)
      if (!found) {
        pending.push({ sheet: row.sheet, rowNumber: row.rowNumber, reason: 'above the header row' })
        continue
      }
      header = found
      result.sheet = row.sheet
      result.headerRow = row.rowNumber
      result.skipped.push(...pending)
      continue
    }
    const { columns, names } = header
    const cell = (f: Field): CellValue | undefined => {
      const i = columns[f]
      return i === undefined ? undefined : row.cells[i]
    }
    if (
      normalizeHeader(cell('code')) === 'PARTIDAEXT' &&
      normalizeHeader(cell('description')) === 'CONCEPTO'
    ) {
      result.skipped.push({ sheet: row.sheet, rowNumber: row.rowNumber, reason: 'repeated header row' })
      continue
    }
    const values: Record<string, CellValue> = {}
    for (const [index, name] of names) values[name || `column ${index + 1}`] = row.cells[index] ?? null
    const errorsBefore = result.errors.length
    const error = (field: string, message: string) =>
      result.errors.push({ sheet: row.sheet, rowNumber: row.rowNumber, field, message, values })

    const rawCode = codeText(cell('code'))
    const code = rawCode === null ? null : normalizeCode(rawCode)
    if (code === null) error('code', 'PARTIDA EXT is empty')
    else if (!PUE_CODE.test(code))
      error('code', `PARTIDA EXT ${JSON.stringify(rawCode)} is not a PUE code C<n>EXT-NNNN`)
    else {
      const first = codes.get(code)
      if (first !== undefined) error('code', `PARTIDA EXT ${code} repeats row ${first}`)
    }
    const description = codeText(cell('description'))
    if (description === null) error('description', 'CONCEPTO is empty')
    const unitCell = codeText(cell('unit'))
    const unit = unitCell === null ? null : unitText(unitCell)
    if (unit === null) error('unit', 'UNIDAD is empty')
    const quantity = parseDecimal(cell('quantity'))
    if (!quantity.ok) error('quantity', `CANTIDADES DE REFERENCIA: ${quantity.reason}`)
    const priceMxn = parseDecimal(cell('priceMxn'))
    if (!priceMxn.ok) error('unitPriceMxn', `P.U. M.N.: ${priceMxn.reason}`)
    const priceUsd = parseDecimal(cell('priceUsd'))
    if (!priceUsd.ok) error('unitPriceUsd', `P.U. USD: ${priceUsd.reason}`)
    const sanction = parseDateCell(cell('sanctionDate'))
    if (!sanction.ok) error('sanctionDate', `FECHA SANCION: ${sanction.reason}`)
    const statusText = cellText(cell('status'))
    const status = statusText === null ? null : STATUS_BY_TEXT[foldText(statusText)]
    if (status === undefined)
      error('status', `ESTATUS ${JSON.stringify(statusText)} is not EN ELABORACION, AUTORIZADO or CANCELADA`)
    const ordinaryCode = codeText(cell('ordinaryCode'))
    const annexText = cellText(cell('annex'))
    if ((ordinaryCode === null) !== (annexText === null)) {
      error(ordinaryCode === null ? 'ordinaryCode' : 'annex', 'a converted PUE needs both ANEXO and PARTIDA')
    }

    if (result.errors.length > errorsBefore) continue
    if (code === null || description === null || unit === null || status === undefined) continue
    if (!quantity.ok || !priceMxn.ok || !priceUsd.ok || !sanction.ok) continue
    codes.set(code, row.rowNumber)
    units.add(unit)
    result.concepts.push({
      sheet: row.sheet,
      rowNumber: row.rowNumber,
      code,
      description,
      unit,
      quantity: quantity.value ?? '0',
      unitPriceMxn: priceMxn.value ?? '0',
      unitPriceUsd: priceUsd.value ?? '0',
      status,
      proposalNumber: cellText(cell('proposal')),
      workOrderNumber: cellText(cell('workOrder')),
      sanctionDate: sanction.value,
      ordinaryCode,
      ordinaryCodeKey: ordinaryCode === null ? null : normalizeCode(ordinaryCode),
      annex: annexText === null ? null : normalizeAnnex(annexText),
      categoryLevels: {
        category: levelText(cell('category')),
        subcategory: levelText(cell('subcategory')),
        classification: levelText(cell('classification')),
      },
      comment: cellText(cell('comment')),
    })
  }
  const chosen = result.sheet === null ? seenSheets.length : seenSheets.indexOf(result.sheet)
  seenSheets.forEach((sheet, index) => {
    if (index === chosen) return
    result.ignoredSheets.push({
      sheet,
      reason:
        index < chosen
          ? `no header row with PARTIDA EXT, CONCEPTO and UNIDAD in the first ${PUE_HEADER_SEARCH_ROWS} rows`
          : `only the first sheet with a PUE header (${result.sheet ?? ''}) is read`,
    })
  })
  if (result.sheet === null) {
    result.errors.push({
      sheet: seenSheets[0] ?? '',
      rowNumber: 0,
      field: 'header',
      message: `no sheet has a header row with PARTIDA EXT, CONCEPTO and UNIDAD in its first ${PUE_HEADER_SEARCH_ROWS} rows`,
      values: {},
    })
  }
  result.unitKeys = [...units].sort()
  return result
}

/** A category level is text; a number there is a stray formula result and is ignored. */
function levelText(cell: CellValue | undefined): string | null {
  return typeof cell === 'string' ? cellText(cell) : null
}
