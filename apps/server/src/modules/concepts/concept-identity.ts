import crypto from 'node:crypto'
import { conceptIdentity, foldText, normalizeAnnex, normalizeCode } from './concept-text'

/**
 * How catalog concepts are keyed in storage (pure, no I/O). The rules and their reasons are in
 * docs/imports.md#concept-catalog.
 *
 * - An ordinary concept is (sub-annex, code, description, unit, occurrence). The sub-annex is part of it
 *   because the base templates C-4-1 / C-5-1 repeat 31 lines of C-4 / C-5 with other reference quantities:
 *   without it the 1,464 lines of the contract would collapse into 1,428 and one sheet's quantities would
 *   overwrite the other's. `occurrence` numbers the repetitions of one line inside one sub-annex, in file
 *   order (the real file has one: `Anexo C-4-1` row 17 repeats row 11, and the sheet TOTAL counts both).
 * - An extraordinary concept (PUE) is its code `C<n>EXT-NNNN`, unique by construction (the parser refuses a
 *   repeated code); its description is edited while the PUE is being prepared, so a new text is an update.
 */

const SEP = '\u001f'

/** The full identity text of an ordinary concept. */
export function ordinaryIdentity(
  annex: string,
  code: string,
  description: string,
  unit: string,
  occurrence: number,
): string {
  return [normalizeAnnex(annex), conceptIdentity(code, description, unit), String(occurrence)].join(SEP)
}

/**
 * The same text from parts already normalised (`normalizeAnnex`, `normalizeCode`, `foldText`, `unitKey`),
 * so an import folds each description once: `ordinaryIdentityOfKeys(…keys of x…) === ordinaryIdentity(…x…)`.
 */
export function ordinaryIdentityOfKeys(
  annex: string,
  codeKey: string,
  descriptionKey: string,
  unitKey: string,
  occurrence: number,
): string {
  return [annex, codeKey, descriptionKey, unitKey, String(occurrence)].join(SEP)
}

/** The full identity text of an extraordinary concept (PUE): its code, normalised. */
export function extraordinaryIdentity(code: string): string {
  return ['EXT', normalizeCode(code)].join(SEP)
}

/** What the unique index holds: SHA-256 (hex) of the identity text (descriptions can be very long). */
export function identityDigest(identity: string): string {
  return crypto.createHash('sha256').update(identity, 'utf8').digest('hex')
}

/**
 * The n-th time each (sub-annex, code, description, unit) appears, in the order given: 1 for the first
 * line, 2 for its first repetition… Returns the occurrence of every item and the repeated ones.
 */
export function numberOccurrences<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { occurrences: number[]; repeats: { index: number; firstIndex: number; occurrence: number }[] } {
  const seen = new Map<string, { first: number; count: number }>()
  const occurrences: number[] = []
  const repeats: { index: number; firstIndex: number; occurrence: number }[] = []
  items.forEach((item, index) => {
    const key = keyOf(item)
    const entry = seen.get(key)
    if (!entry) {
      seen.set(key, { first: index, count: 1 })
      occurrences.push(1)
      return
    }
    entry.count++
    occurrences.push(entry.count)
    repeats.push({ index, firstIndex: entry.first, occurrence: entry.count })
  })
  return { occurrences, repeats }
}

/**
 * A key that sorts codes and sub-annexes in natural order with a byte-wise ("C") collation: every run of
 * digits becomes ten digits (`2.10.` → `0000000002.0000000010`, `C3EXT-0977` → `C0000000003EXT-0000000977`),
 * so `2.9` < `2.10` and `C-9` < `C-10`. Trailing dots and case do not count. Runs longer than ten digits
 * keep their length (they still sort after shorter numbers).
 */
export function naturalSortKey(text: string): string {
  return normalizeCode(text).replace(/\d+/gu, (digits) => {
    const trimmed = digits.replace(/^0+(?=\d)/u, '')
    return trimmed.length >= 10 ? trimmed : trimmed.padStart(10, '0')
  })
}

/** The folded text a catalog search (`q`) looks into: every part folded (case, accents, spaces); `folded` parts are taken as they are. */
export function searchTextOf(
  parts: readonly (string | null | undefined)[],
  folded: readonly string[] = [],
): string {
  return [
    ...parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => foldText(p)),
    ...folded.filter((p) => p !== ''),
  ].join(' | ')
}

/** A search term folded the same way as `searchTextOf`. */
export const foldSearchTerm = (q: string): string => foldText(q)
