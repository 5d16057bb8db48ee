import Decimal from 'decimal.js'
import type { TConceptImportError, TConceptKind } from '@faena/contracts'
import {
  controlCharactersWarning,
  type CellValue,
  type CleanedRow,
} from '../../platform/spreadsheet/read-workbook'
import {
  extraordinaryIdentity,
  identityDigest,
  naturalSortKey,
  numberOccurrences,
  ordinaryIdentityOfKeys,
  searchTextOf,
} from './concept-identity'
import { render, type Lang, type Message } from '../../platform/i18n/messages'
import { conceptImportMessage, skipReasonCode, type SkipReason } from './concept-import-messages'
import { conceptsMessages as M } from './concepts.messages'
import { cellText, foldText, normalizeAnnex, normalizeCode, unitKey } from './concept-text'
import type { ContractWorkbookResult } from './contract-workbook'
import type { PueWorkbookResult } from './pue-workbook'

/**
 * From a parsed workbook to the rows the catalog stores (pure, no I/O): identity, occurrence, compared
 * keys, sort keys and search text; parser errors and skipped rows in the shape of the import summary.
 */

/** The stored columns of one concept, except `unit_id` (resolved against the units catalog by the service). */
export type IncomingValues = {
  identity_key: string
  annex: string | null
  annex_sort: string | null
  code: string
  code_key: string
  code_sort: string
  description: string
  description_key: string
  unit: string
  unit_key: string
  quantity: string
  unit_price_mxn: string
  unit_price_usd: string
  category: string | null
  subcategory: string | null
  classification: string | null
  occurrence: number
  status: string | null
  proposal_number: string | null
  work_order_number: string | null
  sanction_date: string | null
  converted_code: string | null
  converted_code_key: string | null
  comment: string | null
  search_text: string
}

export type IncomingConcept = { sheet: string; rowNumber: number; values: IncomingValues }

export type PreparedImport = {
  kind: TConceptKind
  concepts: IncomingConcept[]
  errors: TConceptImportError[]
  notes: { sheet: string; row: number; message: string }[]
  /** control characters dropped from the file's text (their rows are kept; one note per row) */
  controlCharacters?: number
  skipped: number
  skippedByReason: Partial<Record<SkipReason, number>>
  /** sheets in file order, for sorting errors */
  sheetOrder: string[]
}

/** A decimal string in one canonical form (`'1.50'` → `'1.5'`, `'0.0'` → `'0'`), so equal values compare equal. */
export const canonicalDecimal = (v: string): string => new Decimal(v).toFixed()

function valuesAsText(values: Record<string, CellValue>): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(values)) out[k] = cellText(v)
  return out
}

function countSkipped(skipped: { reason: string }[]) {
  const byReason: Partial<Record<SkipReason, number>> = {}
  for (const s of skipped) {
    const code = skipReasonCode(s.reason)
    byReason[code] = (byReason[code] ?? 0) + 1
  }
  return byReason
}

/** One note per row whose text lost control characters (Excel's `_x0002_` and the like): the row is kept. */
function cleaningNotes(cleaned: readonly CleanedRow[], lang: Lang): PreparedImport['notes'] {
  return cleaned.map((c) => ({
    sheet: c.sheet,
    row: c.rowNumber,
    message: controlCharactersWarning(c.controlCharacters, lang),
  }))
}

const countControlCharacters = (cleaned: readonly CleanedRow[]) =>
  cleaned.reduce((n, c) => n + c.controlCharacters, 0)

/**
 * Ordinary concepts from the contract workbook (docs/imports.md#contract-workbook). Each description is folded
 * once. Row messages in `lang` (the requester's).
 */
export function prepareContract(parsed: ContractWorkbookResult, lang: Lang = 'es'): PreparedImport {
  const keys = parsed.concepts.map((c) => ({
    annex: normalizeAnnex(c.annex),
    codeKey: normalizeCode(c.code),
    descriptionKey: foldText(c.description),
    unitKey: unitKey(c.unit),
  }))
  const { occurrences, repeats } = numberOccurrences(
    keys,
    (k) => `${k.annex}\u001f${k.codeKey}\u001f${k.descriptionKey}\u001f${k.unitKey}`,
  )
  const concepts = parsed.concepts.map((c, i): IncomingConcept => {
    const occurrence = occurrences[i] ?? 1
    const k = keys[i] ?? { annex: '', codeKey: '', descriptionKey: '', unitKey: '' }
    return {
      sheet: c.sheet,
      rowNumber: c.rowNumber,
      values: {
        identity_key: identityDigest(
          ordinaryIdentityOfKeys(k.annex, k.codeKey, k.descriptionKey, k.unitKey, occurrence),
        ),
        annex: k.annex,
        annex_sort: naturalSortKey(k.annex),
        code: c.code,
        code_key: k.codeKey,
        code_sort: naturalSortKey(c.code),
        description: c.description,
        description_key: k.descriptionKey,
        unit: c.unit,
        unit_key: k.unitKey,
        // the parser writes decimals in canonical form already (no trailing zeros)
        quantity: c.quantity,
        unit_price_mxn: c.unitPriceMxn,
        unit_price_usd: c.unitPriceUsd,
        category: c.categoryLevels.category,
        subcategory: c.categoryLevels.subcategory,
        classification: c.categoryLevels.classification,
        occurrence,
        status: null,
        proposal_number: null,
        work_order_number: null,
        sanction_date: null,
        converted_code: null,
        converted_code_key: null,
        comment: null,
        search_text: searchTextOf([c.code, k.annex, c.unit, c.categoryLevels.category], [k.descriptionKey]),
      },
    }
  })
  const repeatNotes = repeats.map((r) => {
    const c = parsed.concepts[r.index]
    const first = parsed.concepts[r.firstIndex]
    return {
      sheet: c?.sheet ?? '',
      row: c?.rowNumber ?? 0,
      message: render(
        M.repeatsRow({ first: first?.rowNumber ?? '?', annex: c?.annex ?? '', occurrence: r.occurrence }),
        lang,
      ),
    }
  })
  const errors: TConceptImportError[] = parsed.errors.map((e) => ({
    sheet: e.sheet,
    row: e.rowNumber,
    field: e.field,
    message: conceptImportMessage(e.message, lang),
    values: valuesAsText(e.values),
  }))
  if (parsed.concepts.length === 0 && parsed.errors.length === 0) {
    errors.push({
      sheet: parsed.sheets[0]?.sheet ?? '',
      row: 0,
      field: 'header',
      message: render(M.noContractHeader(), lang),
    })
  }
  return {
    kind: 'ordinary',
    concepts,
    errors,
    notes: [...cleaningNotes(parsed.cleaned, lang), ...repeatNotes],
    controlCharacters: countControlCharacters(parsed.cleaned),
    skipped: parsed.skipped.length,
    skippedByReason: countSkipped(parsed.skipped),
    sheetOrder: parsed.sheets.map((s) => s.sheet),
  }
}

/** Extraordinary concepts (PUE) from the PUE workbook (docs/imports.md#pue-workbook); row messages in `lang`. */
export function preparePue(parsed: PueWorkbookResult, lang: Lang = 'es'): PreparedImport {
  const concepts = parsed.concepts.map((c): IncomingConcept => {
    const annex = c.annex === null ? null : normalizeAnnex(c.annex)
    const descriptionKey = foldText(c.description)
    return {
      sheet: c.sheet,
      rowNumber: c.rowNumber,
      values: {
        identity_key: identityDigest(extraordinaryIdentity(c.code)),
        annex,
        annex_sort: annex === null ? null : naturalSortKey(annex),
        code: c.code,
        code_key: normalizeCode(c.code),
        code_sort: naturalSortKey(c.code),
        description: c.description,
        description_key: descriptionKey,
        unit: c.unit,
        unit_key: unitKey(c.unit),
        quantity: c.quantity,
        unit_price_mxn: c.unitPriceMxn,
        unit_price_usd: c.unitPriceUsd,
        category: c.categoryLevels.category,
        subcategory: c.categoryLevels.subcategory,
        classification: c.categoryLevels.classification,
        occurrence: 1,
        status: c.status,
        proposal_number: c.proposalNumber,
        work_order_number: c.workOrderNumber,
        sanction_date: c.sanctionDate,
        converted_code: c.ordinaryCode,
        converted_code_key: c.ordinaryCodeKey,
        comment: c.comment,
        search_text: searchTextOf(
          [
            c.code,
            annex,
            c.ordinaryCode,
            c.unit,
            c.proposalNumber,
            c.workOrderNumber,
            c.categoryLevels.category,
          ],
          [descriptionKey],
        ),
      },
    }
  })
  const errors: TConceptImportError[] = parsed.errors.map((e) => ({
    sheet: e.sheet,
    row: e.rowNumber,
    field: e.field,
    message: conceptImportMessage(e.message, lang),
    values: valuesAsText(e.values),
  }))
  const sheetOrder = [...(parsed.sheet ? [parsed.sheet] : []), ...parsed.ignoredSheets.map((s) => s.sheet)]
  return {
    kind: 'extraordinary',
    concepts,
    errors,
    notes: cleaningNotes(parsed.cleaned, lang),
    controlCharacters: countControlCharacters(parsed.cleaned),
    skipped: parsed.skipped.length,
    skippedByReason: countSkipped(parsed.skipped),
    sheetOrder,
  }
}

/** Longest texts the catalog stores (the table's CHECK constraints). */
export const LIMITS = { code: 60, unit: 60, description: 20_000, annex: 20 } as const

/**
 * Concepts whose texts do not fit the catalog become error rows (a code of 200 characters is a misplaced
 * cell, not a code). Returns the concepts that fit.
 */
export function dropOversized(prepared: PreparedImport, lang: Lang = 'es'): PreparedImport {
  const kept: IncomingConcept[] = []
  const errors = [...prepared.errors]
  for (const c of prepared.concepts) {
    const v = c.values
    const bad: [string, string][] = []
    const say = (m: Message) => render(m, lang)
    if (v.code.length > LIMITS.code)
      bad.push(['code', say(M.codeTooLong({ length: v.code.length, max: LIMITS.code }))])
    if (v.unit.length > LIMITS.unit)
      bad.push(['unit', say(M.unitTooLong({ length: v.unit.length, max: LIMITS.unit }))])
    if (v.description.length > LIMITS.description)
      bad.push([
        'description',
        say(M.descriptionTooLong({ length: v.description.length, max: LIMITS.description })),
      ])
    if ((v.annex?.length ?? 0) > LIMITS.annex) bad.push(['annex', say(M.annexTooLong({ max: LIMITS.annex }))])
    if ((v.converted_code?.length ?? 0) > LIMITS.code)
      bad.push(['ordinaryCode', say(M.ordinaryCodeTooLong({ max: LIMITS.code }))])
    if (bad.length === 0) kept.push(c)
    for (const [field, message] of bad) {
      errors.push({ sheet: c.sheet, row: c.rowNumber, field, message, values: rowValues(c, prepared.kind) })
    }
  }
  return { ...prepared, concepts: kept, errors }
}

/** The main cells of a concept row, for an error that is found after parsing (unknown unit, too long). */
export function rowValues(c: IncomingConcept, kind: TConceptKind): Record<string, string | null> {
  return {
    ...(c.values.annex !== null ? { ANEXO: c.values.annex } : {}),
    [kind === 'extraordinary' ? 'PARTIDA EXT' : 'PARTIDA']: c.values.code,
    CONCEPTO: c.values.description,
    UNIDAD: c.values.unit,
  }
}

/** Errors in file order: by sheet, then row. */
export function sortErrors(
  errors: TConceptImportError[],
  sheetOrder: readonly string[],
): TConceptImportError[] {
  const index = (s: string) => {
    const i = sheetOrder.indexOf(s)
    return i < 0 ? sheetOrder.length : i
  }
  return [...errors].sort((a, b) => index(a.sheet) - index(b.sheet) || a.row - b.row)
}

/** Concepts per sub-annex, in natural order. */
export function annexCounts(concepts: readonly IncomingConcept[]): { annex: string; concepts: number }[] {
  const counts = new Map<string, number>()
  for (const c of concepts)
    if (c.values.annex) counts.set(c.values.annex, (counts.get(c.values.annex) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a], [b]) => (naturalSortKey(a) < naturalSortKey(b) ? -1 : 1))
    .map(([annex, n]) => ({ annex, concepts: n }))
}
