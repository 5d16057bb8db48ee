import Decimal from 'decimal.js'
import type { TWorkOrderStatus } from '@faena/contracts'
import { isCalendarDate } from '@faena/domain/calendar-date'
import { controlCharactersWarning, readRows, type CellValue } from '../../platform/spreadsheet/read-workbook'

/**
 * Parser of the historical work orders workbook (`OT_IMPORTAR.xlsx`, docs/imports.md#historical-work-orders): one sheet,
 * header in row 1 with the old system's column names (`orden_trabajo`, `id_tipo_id`, `ot_principal`, …),
 * one work order per row: type 4 = initial, 5 = reprogramming of the initial whose folio is in `ot_principal`.
 *
 * - Folios compare after trimming and collapsing white space, case-insensitively (eight `orden_trabajo` and
 *   four `ot_principal` cells end with a space). A reprogramming joins the family of its initial work order.
 * - `id_pte_header_id` holds a proposal *folio*; a reprogramming without one inherits its initial's.
 * - Dates that cannot be read (`13/112023`, `15/04/204`) become null and are reported per row in
 *   `dateIssues`; an end before its start is reported too (the date is kept).
 * - Amounts are exact decimal strings. Ids (responsible, client, front, sites) are returned as given.
 * Rows that cannot be a work order (no folio, unknown type or status, unknown initial, duplicates) are
 * `errors` and are not in `rows`.
 */

/** Statuses are the API's (`@faena/contracts`). */
export type WorkOrderStatus = TWorkOrderStatus

/** The old system's OT status ids (`cat_estatus`, level 2; docs/imports.md#historical-work-orders). */
export const LEGACY_WORK_ORDER_STATUS: Readonly<Record<number, WorkOrderStatus>> = {
  5: 'assigned',
  6: 'cancelled',
  7: 'deferred',
  8: 'in_execution',
  9: 'suspended',
  10: 'finished',
  11: 'to_cancel',
  16: 'deferred_not_started',
}

export type DateField = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'
export type DateIssue = {
  field: DateField
  kind: 'unparseable' | 'out_of_range' | 'end_before_start'
  /** the cell as written */
  value: string
  message: string
}
export type RowWarning = { field: string; message: string; value: string | null }

export type WorkOrderHistoryRow = {
  rowNumber: number
  kind: 'initial' | 'reprogramming'
  /** `orden_trabajo`, trimmed */
  folio: string
  /** the folio of the family's initial work order, as written in the initial's row (trimmed) */
  familyFolio: string
  /** the initial's row number */
  familyRowNumber: number
  reprogrammingNumber: number | null
  /** `oficio_ot` */
  officialDocument: string | null
  description: string | null
  /** `responsable_cliente` */
  clientRepresentative: string | null
  /** `id_pte_header_id`: the proposal folio as written (null when empty) */
  proposalNumber: string | null
  /** the row's proposal folio, or its initial's when the row has none */
  familyProposalNumber: string | null
  legacyStatusId: number
  status: WorkOrderStatus
  plannedStart: string | null
  plannedEnd: string | null
  actualStart: string | null
  actualEnd: string | null
  amountMxn: string | null
  amountUsd: string | null
  /** `plazo_dias` */
  durationDays: number | null
  projectManagerId: number | null
  clientId: number | null
  frontId: number | null
  vesselId: number | null
  platformId: number | null
  yardId: number | null
  interconnectionId: number | null
  comment: string | null
  dateIssues: DateIssue[]
  warnings: RowWarning[]
}

export type WorkOrderHistoryError = {
  rowNumber: number
  field: string
  message: string
  values: Record<string, CellValue>
}

export type WorkOrderFamily = {
  folio: string
  initialRowNumber: number
  /** rows of the reprogrammings, by reprogramming number */
  reprogrammingRowNumbers: number[]
}

export type WorkOrderHistoryResult = {
  sheet: string | null
  rows: WorkOrderHistoryRow[]
  errors: WorkOrderHistoryError[]
  families: WorkOrderFamily[]
  /** control characters dropped from the text of the work-order rows (kept, each with a warning) */
  controlCharacters: number
}

type Field =
  | 'folio'
  | 'description'
  | 'clientRepresentative'
  | 'officialDocument'
  | 'plannedStart'
  | 'plannedEnd'
  | 'recordStatus'
  | 'comment'
  | 'status'
  | 'proposal'
  | 'projectManager'
  | 'type'
  | 'reprogrammingNumber'
  | 'principal'
  | 'actualStart'
  | 'actualEnd'
  | 'amountMxn'
  | 'amountUsd'
  | 'front'
  | 'interconnection'
  | 'yard'
  | 'platform'
  | 'vessel'
  | 'durationDays'
  | 'client'

/** Header names (folded: accents, case, spaces and punctuation ignored) per field. */
const HEADER_ALIASES: Record<Field, string[]> = {
  folio: ['ORDENTRABAJO', 'ORDENDETRABAJO', 'FOLIO'],
  description: ['DESCRIPCIONTRABAJO', 'DESCRIPCION'],
  clientRepresentative: ['RESPONSABLECLIENTE'],
  officialDocument: ['OFICIOOT', 'OFICIO'],
  plannedStart: ['FECHAINICIOPROGRAMADO'],
  plannedEnd: ['FECHATERMINOPROGRAMADO'],
  recordStatus: ['ESTATUS'],
  comment: ['COMENTARIO'],
  status: ['IDESTATUSOTID', 'ESTATUSOT'],
  proposal: ['IDPTEHEADERID', 'PTE', 'FOLIOPTE'],
  projectManager: ['IDRESPONSABLEPROYECTOID'],
  type: ['IDTIPOID', 'TIPO'],
  reprogrammingNumber: ['NUMREPROGRAMACION'],
  principal: ['OTPRINCIPAL'],
  actualStart: ['FECHAINICIOREAL'],
  actualEnd: ['FECHATERMINOREAL'],
  amountMxn: ['MONTOMXN'],
  amountUsd: ['MONTOUSD'],
  front: ['IDFRENTE'],
  interconnection: ['IDINTERCOM'],
  yard: ['IDPATIO'],
  platform: ['IDPLATAFORMA'],
  vessel: ['IDEMBARCACION'],
  durationDays: ['PLAZODIAS'],
  client: ['IDCLIENTEID'],
}
const REQUIRED: Field[] = ['folio', 'type', 'status']
export const HISTORY_HEADER_SEARCH_ROWS = 10
/** Years a work-order date can plausibly have; anything else is a typo. */
const YEARS = { min: 1990, max: 2100 }

// Cell readers. They repeat the concepts module's rules (concept-text.ts), which this module may not
// import: text collapsed and trimmed; numbers as Excel shows them (15 significant digits).

const collapse = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u200B\uFEFF]+/gu, ' ')
    .trim()
const headerKey = (v: CellValue | undefined) =>
  typeof v === 'string'
    ? v
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]/gu, '')
    : ''
const folioKey = (folio: string) => collapse(folio).toUpperCase()
const numberText = (n: number) => (n === 0 ? '0' : new Decimal(n.toPrecision(15)).toFixed())

function text(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return collapse(v) || null
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : null
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string }

function integer(v: CellValue | undefined): Read<number | null> {
  const t = text(v)
  if (t === null) return { ok: true, value: null }
  if (!/^-?\d+$/u.test(t)) return { ok: false, reason: `not a whole number: ${JSON.stringify(t)}` }
  return { ok: true, value: Number(t) }
}

function amount(v: CellValue | undefined): Read<string | null> {
  if (v === null || v === undefined) return { ok: true, value: null }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, reason: 'not a finite number' }
    if (v < 0) return { ok: false, reason: `negative amount ${numberText(v)}` }
    return { ok: true, value: numberText(v) }
  }
  if (typeof v !== 'string') return { ok: false, reason: 'not an amount' }
  const t = collapse(v).replace(/^\$\s*/u, '')
  if (t === '') return { ok: true, value: null }
  if (t === '-') return { ok: true, value: '0' }
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/u.test(t))
    return { ok: false, reason: `not an amount: ${JSON.stringify(v)}` }
  return { ok: true, value: new Decimal(t.replace(/,/gu, '')).toFixed() }
}

function date(v: CellValue | undefined): Read<string | null> & { kind?: 'unparseable' | 'out_of_range' } {
  let iso: string | null = null
  if (v === null || v === undefined) return { ok: true, value: null }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: 'invalid date', kind: 'unparseable' }
    iso = v.toISOString().slice(0, 10)
  } else if (typeof v === 'string') {
    const t = collapse(v)
    if (t === '') return { ok: true, value: null }
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t)
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(t)
    const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : []
    if (y !== undefined && m !== undefined && d !== undefined) {
      const candidate = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
      // the calendar module knows years 1000..9999; an earlier one is refused below as out of range
      if (isCalendarDate(candidate) || Number(y) < 1000) iso = candidate
    }
    if (iso === null) {
      return {
        ok: false,
        reason: `not a date: ${JSON.stringify(t)} (expected YYYY-MM-DD or DD/MM/YYYY)`,
        kind: 'unparseable',
      }
    }
  } else {
    return { ok: false, reason: `not a date: ${String(v)}`, kind: 'unparseable' }
  }
  const year = Number(iso.slice(0, 4))
  if (year < YEARS.min || year > YEARS.max)
    return { ok: false, reason: `date out of range: ${iso}`, kind: 'out_of_range' }
  return { ok: true, value: iso }
}

function kindOf(v: CellValue | undefined): 'initial' | 'reprogramming' | null {
  const t = text(v)
  if (t === null) return null
  const k = headerKey(t)
  if (k === '4' || k === 'INICIAL') return 'initial'
  if (k === '5' || k === 'REPROGRAMACION') return 'reprogramming'
  return null
}

type Draft = WorkOrderHistoryRow & { principal: string | null; values: Record<string, CellValue> }

/** Parses the historical work orders workbook; never throws on content. */
export async function parseWorkOrderHistory(bytes: Buffer): Promise<WorkOrderHistoryResult> {
  const result: WorkOrderHistoryResult = {
    sheet: null,
    rows: [],
    errors: [],
    families: [],
    controlCharacters: 0,
  }
  let header: { columns: Partial<Record<Field, number>>; names: Map<number, string> } | null = null
  const drafts: Draft[] = []

  for await (const row of readRows(bytes)) {
    if (result.sheet !== null && row.sheet !== result.sheet) continue
    if (!header) {
      if (row.rowNumber > HISTORY_HEADER_SEARCH_ROWS) continue
      const columns: Partial<Record<Field, number>> = {}
      const names = new Map<number, string>()
      row.cells.forEach((cell, index) => {
        const key = headerKey(cell)
        if (key === '') return
        names.set(index, text(cell) ?? '')
        for (const f of Object.keys(HEADER_ALIASES) as Field[]) {
          if (columns[f] === undefined && HEADER_ALIASES[f].includes(key)) columns[f] = index
        }
      })
      if (REQUIRED.every((f) => columns[f] !== undefined)) {
        header = { columns, names }
        result.sheet = row.sheet
      }
      continue
    }
    const { columns, names } = header
    const cell = (f: Field): CellValue | undefined => {
      const i = columns[f]
      return i === undefined ? undefined : row.cells[i]
    }
    const values: Record<string, CellValue> = {}
    for (const [index, name] of names) values[name || `column ${index + 1}`] = row.cells[index] ?? null
    const rowErrors: WorkOrderHistoryError[] = []
    const error = (field: string, message: string) =>
      rowErrors.push({ rowNumber: row.rowNumber, field, message, values })
    const warnings: RowWarning[] = []
    if (row.controlCharacters) {
      result.controlCharacters += row.controlCharacters
      warnings.push({ field: 'text', message: controlCharactersWarning(row.controlCharacters), value: null })
    }

    const folio = text(cell('folio'))
    if (folio === null) error('folio', 'orden_trabajo is empty')
    const kind = kindOf(cell('type'))
    if (kind === null)
      error(
        'type',
        `id_tipo_id ${JSON.stringify(text(cell('type')))} is not 4 (initial) or 5 (reprogramming)`,
      )
    const statusId = integer(cell('status'))
    let status: WorkOrderStatus | undefined
    if (!statusId.ok || statusId.value === null)
      error('status', `id_estatus_ot_id: ${statusId.ok ? 'empty' : statusId.reason}`)
    else {
      status = LEGACY_WORK_ORDER_STATUS[statusId.value]
      if (!status) error('status', `id_estatus_ot_id ${statusId.value} is not a work-order status`)
    }
    const ints: Partial<Record<Field, number | null>> = {}
    for (const f of [
      'reprogrammingNumber',
      'durationDays',
      'projectManager',
      'client',
      'front',
      'vessel',
      'platform',
      'yard',
      'interconnection',
    ] as const) {
      const r = integer(cell(f))
      if (r.ok) ints[f] = r.value
      else error(f, `${names.get(columns[f] ?? -1) ?? f}: ${r.reason}`)
    }
    const amounts: Partial<Record<'amountMxn' | 'amountUsd', string | null>> = {}
    for (const f of ['amountMxn', 'amountUsd'] as const) {
      const r = amount(cell(f))
      if (r.ok) amounts[f] = r.value
      else error(f, `${names.get(columns[f] ?? -1) ?? f}: ${r.reason}`)
    }
    const dates: Partial<Record<DateField, string | null>> = {}
    const dateIssues: DateIssue[] = []
    for (const f of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const) {
      const r = date(cell(f))
      if (r.ok) dates[f] = r.value
      else {
        dates[f] = null
        const raw = cell(f)
        dateIssues.push({
          field: f,
          kind: r.kind ?? 'unparseable',
          value: raw instanceof Date ? raw.toISOString() : String(raw),
          message: `${names.get(columns[f] ?? -1) ?? f}: ${r.reason}; imported as empty`,
        })
      }
    }
    for (const [start, end] of [
      ['plannedStart', 'plannedEnd'],
      ['actualStart', 'actualEnd'],
    ] as const) {
      const s = dates[start]
      const e = dates[end]
      if (s && e && e < s) {
        dateIssues.push({
          field: end,
          kind: 'end_before_start',
          value: e,
          message: `${end} ${e} is before ${start} ${s}`,
        })
      }
    }
    const recordStatus = text(cell('recordStatus'))
    if (recordStatus !== null && recordStatus !== '1') {
      warnings.push({
        field: 'estatus',
        message: `estatus ${recordStatus} is outside the domain {1} and is ignored`,
        value: recordStatus,
      })
    }
    const principal = text(cell('principal'))
    if (kind === 'initial') {
      if (principal !== null)
        warnings.push({
          field: 'ot_principal',
          message: 'an initial work order has no principal; ignored',
          value: principal,
        })
      if (ints.reprogrammingNumber != null) {
        warnings.push({
          field: 'num_reprogramacion',
          message: 'an initial work order has no reprogramming number; ignored',
          value: String(ints.reprogrammingNumber),
        })
        ints.reprogrammingNumber = null
      }
    }
    if (
      kind === 'reprogramming' &&
      ints.reprogrammingNumber == null &&
      !rowErrors.some((e) => e.field === 'reprogrammingNumber')
    ) {
      error('reprogrammingNumber', 'num_reprogramacion is empty')
    }
    if (kind === 'reprogramming' && ints.reprogrammingNumber != null && ints.reprogrammingNumber < 1) {
      error('reprogrammingNumber', `num_reprogramacion ${ints.reprogrammingNumber} is not 1 or more`)
    }
    if (
      rowErrors.length > 0 ||
      folio === null ||
      kind === null ||
      status === undefined ||
      !statusId.ok ||
      statusId.value === null
    ) {
      result.errors.push(...rowErrors)
      continue
    }
    const proposal = text(cell('proposal'))
    drafts.push({
      rowNumber: row.rowNumber,
      kind,
      folio,
      familyFolio: folio,
      familyRowNumber: row.rowNumber,
      reprogrammingNumber: kind === 'reprogramming' ? (ints.reprogrammingNumber ?? null) : null,
      officialDocument: text(cell('officialDocument')),
      description: text(cell('description')),
      clientRepresentative: text(cell('clientRepresentative')),
      proposalNumber: proposal,
      familyProposalNumber: proposal,
      legacyStatusId: statusId.value,
      status,
      plannedStart: dates.plannedStart ?? null,
      plannedEnd: dates.plannedEnd ?? null,
      actualStart: dates.actualStart ?? null,
      actualEnd: dates.actualEnd ?? null,
      amountMxn: amounts.amountMxn ?? null,
      amountUsd: amounts.amountUsd ?? null,
      durationDays: ints.durationDays ?? null,
      projectManagerId: ints.projectManager ?? null,
      clientId: ints.client ?? null,
      frontId: ints.front ?? null,
      vesselId: ints.vessel ?? null,
      platformId: ints.platform ?? null,
      yardId: ints.yard ?? null,
      interconnectionId: ints.interconnection ?? null,
      comment: text(cell('comment')),
      dateIssues,
      warnings,
      principal,
      values,
    })
  }

  if (!header) {
    result.errors.push({
      rowNumber: 0,
      field: 'header',
      message: `no header row with orden_trabajo, id_tipo_id and id_estatus_ot_id in the first ${HISTORY_HEADER_SEARCH_ROWS} rows`,
      values: {},
    })
    return result
  }

  // families: initials by folio, then reprogrammings by their principal's folio
  const initials = new Map<string, Draft>()
  const accepted: Draft[] = []
  for (const d of drafts.filter((x) => x.kind === 'initial')) {
    const key = folioKey(d.folio)
    const first = initials.get(key)
    if (first) {
      result.errors.push({
        rowNumber: d.rowNumber,
        field: 'folio',
        message: `initial work order ${d.folio} repeats row ${first.rowNumber}`,
        values: d.values,
      })
      continue
    }
    initials.set(key, d)
    accepted.push(d)
  }
  const numbers = new Map<string, Map<number, number>>()
  for (const d of drafts.filter((x) => x.kind === 'reprogramming')) {
    let principal = d.principal
    if (principal === null) {
      principal = d.folio
      d.warnings.push({
        field: 'ot_principal',
        message: 'ot_principal is empty; the family is taken from orden_trabajo',
        value: null,
      })
    }
    const initial = initials.get(folioKey(principal))
    if (!initial) {
      result.errors.push({
        rowNumber: d.rowNumber,
        field: 'principal',
        message: `no valid initial work order ${principal} in the file`,
        values: d.values,
      })
      continue
    }
    const key = folioKey(initial.folio)
    const used = numbers.get(key) ?? new Map<number, number>()
    numbers.set(key, used)
    const n = d.reprogrammingNumber ?? 0
    const previous = used.get(n)
    if (previous !== undefined) {
      result.errors.push({
        rowNumber: d.rowNumber,
        field: 'reprogrammingNumber',
        message: `reprogramming ${n} of ${initial.folio} repeats row ${previous}`,
        values: d.values,
      })
      continue
    }
    used.set(n, d.rowNumber)
    if (folioKey(d.folio) !== key) {
      d.warnings.push({
        field: 'orden_trabajo',
        message: `the folio differs from its initial work order's (${initial.folio})`,
        value: d.folio,
      })
    }
    d.familyFolio = initial.folio
    d.familyRowNumber = initial.rowNumber
    if (d.proposalNumber === null) d.familyProposalNumber = initial.proposalNumber
    else if (
      initial.proposalNumber !== null &&
      folioKey(d.proposalNumber) !== folioKey(initial.proposalNumber)
    ) {
      d.warnings.push({
        field: 'id_pte_header_id',
        message: `the proposal differs from its initial work order's (${initial.proposalNumber})`,
        value: d.proposalNumber,
      })
    }
    accepted.push(d)
  }

  accepted.sort((a, b) => a.rowNumber - b.rowNumber)
  result.rows = accepted.map(({ principal: _principal, values: _values, ...row }) => row)
  result.errors.sort((a, b) => a.rowNumber - b.rowNumber)
  const byFolio = new Map<string, WorkOrderFamily>()
  for (const row of result.rows) {
    const key = folioKey(row.familyFolio)
    const family = byFolio.get(key) ?? {
      folio: row.familyFolio,
      initialRowNumber: row.familyRowNumber,
      reprogrammingRowNumbers: [],
    }
    byFolio.set(key, family)
    if (row.kind === 'reprogramming') family.reprogrammingRowNumbers.push(row.rowNumber)
  }
  const numberOf = new Map(result.rows.map((r) => [r.rowNumber, r.reprogrammingNumber ?? 0]))
  for (const f of byFolio.values())
    f.reprogrammingRowNumbers.sort((a, b) => (numberOf.get(a) ?? 0) - (numberOf.get(b) ?? 0))
  result.families = [...byFolio.values()].sort((a, b) => a.initialRowNumber - b.initialRowNumber)
  return result
}
