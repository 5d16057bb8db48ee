/**
 * The key a unit of measure is matched by: case, accents and white space do not count, so
 * `HOM/DÍA`, `hom / dia` and `Hom/Dia` are the same unit. Compatibility forms fold too (`M²` = `M2`).
 */
export function normalizeUnitKey(key: string): string {
  return key.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/gu, '').toLowerCase()
}

/**
 * Text folded for accent- and case-insensitive search: the JavaScript side of `foldSql` in the
 * repository (same letters folded), so a search term and a column compare equal.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
