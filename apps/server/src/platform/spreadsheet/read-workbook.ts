import { importLimits, type ImportLimits } from './import-limits'
import { readXlsxRows, type RawCell } from './xlsx-reader'
import type { Lang } from '../i18n/messages'

export { ImportLimitError } from './import-limits'
export { XlsxFormatError } from './xlsx-reader'

/**
 * Reading side of the spreadsheet adapter: one streaming, bounded reader (`xlsx-reader.ts`) whatever order
 * the zip stores its parts in; nothing loads a whole workbook. Cells come out as plain values:
 * rich text → its text, formula → its cached result (or null when the file has none), error → null,
 * dates → Date (UTC), numbers → number, text → string.
 * Text read by `readRows` has Excel's `_xHHHH_` escapes decoded and control characters dropped (counted in
 * the row's `controlCharacters`, which imports report as warnings).
 * A file that passes a limit of `import-limits.ts` is refused while it is read (`ImportLimitError`, 413
 * naming the limit and the sheet); one that is not a readable .xlsx throws `XlsxFormatError`.
 */
export type CellValue = RawCell
export type SheetRow = {
  rowNumber: number
  cells: CellValue[]
  /** control characters dropped from the row's text cells (absent when none); see `cleanText` */
  controlCharacters?: number
}

/**
 * Excel writes a character that XML cannot hold as `_xHHHH_` (U+0002 → `_x0002_`) and a literal `_x` that
 * would read as one with its underscore escaped (`_x005F_x0041_` is the text `_x0041_`); upper-case hex.
 * The reader hands text over as the file has it; the adapter decodes every cell's text here, once.
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/** vertical tab and form feed separate words (Word's manual line break): they become a space */
const isSeparator = (c: string) => c === '\u000B' || c === '\u000C'

/**
 * Imported text without control characters: they are dropped (vertical tab and form feed become a space)
 * and counted; tab, line feed and carriage return stay. The row they are in is kept.
 */
export function cleanText(text: string): { text: string; removed: number } {
  let removed = 0
  const cleaned = text.replace(CONTROL, (c) => {
    removed++
    return isSeparator(c) ? ' ' : ''
  })
  return { text: removed ? cleaned : text, removed }
}

/** A row whose text lost control characters while it was read: imports report it as a warning. */
export type CleanedRow = { sheet: string; rowNumber: number; controlCharacters: number }

/** The warning an import reports for a row whose text lost control characters (imports keep the row), in `lang`. */
export function controlCharactersWarning(count: number, lang: Lang = 'es'): string {
  if (lang === 'en')
    return count === 1
      ? "1 control character was removed from the row's text (the row is imported)"
      : `${count} control characters were removed from the row's text (the row is imported)`
  return count === 1
    ? 'Se eliminó 1 carácter de control del texto de la fila (la fila se importa)'
    : `Se eliminaron ${count} caracteres de control del texto de la fila (la fila se importa)`
}

/** Cells as imports see them: escapes decoded, control characters dropped (and counted). */
function importedRow(
  sheet: string,
  rowNumber: number,
  raw: RawCell[],
): (SheetRow & { sheet: string }) | null {
  const cells: CellValue[] = []
  let removed = 0
  for (const value of raw) {
    let v = value
    if (typeof v === 'string') {
      const cleaned = cleanText(decodeExcelEscapes(v))
      removed += cleaned.removed
      v = cleaned.text
    }
    cells.push(v)
  }
  if (cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) return null
  return removed ? { sheet, rowNumber, cells, controlCharacters: removed } : { sheet, rowNumber, cells }
}

/**
 * Streams the rows of the chosen sheets (all when `sheets` is omitted; `index` counts worksheets in
 * workbook order), reading only those sheets. Empty rows are skipped; `cells[0]` is column A.
 * `limits` defaults to the process's import limits (`importLimits()`).
 */
export async function* readRows(
  bytes: Buffer,
  options: { sheets?: (name: string, index: number) => boolean; limits?: ImportLimits } = {},
): AsyncGenerator<SheetRow & { sheet: string }> {
  const rows = readXlsxRows(bytes, { sheets: options.sheets, limits: options.limits ?? importLimits() })
  for await (const row of rows) {
    const read = importedRow(row.sheet, row.rowNumber, row.cells)
    if (read) yield read
  }
}
