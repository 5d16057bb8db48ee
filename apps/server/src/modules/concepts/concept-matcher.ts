import { foldText, normalizeAnnex, normalizeCode, unitKey } from './concept-text'
import { naturalSortKey } from './concept-identity'

/**
 * Matching rows of another workbook (the per-work-order Anexo C, docs/work-order-concepts.md) against the concept
 * catalog. Pure: the candidates come from `lookupConcepts` (index.ts), which loads them in one query.
 *
 * A row matches a catalog concept when its code, description and unit are the same after normalisation:
 * codes by `normalizeCode` (`2.1.` = `2.1` = the number 2.1), descriptions by `foldText` (case, accents and
 * runs of white space do not count), units by `unitKey`. The code of a row is compared with the concept's
 * code (ordinary code, or PUE code `C3EXT-0977`) and with the ordinary code a PUE was converted to.
 * When nothing matches, the reasons say what is close (the old import's messages, made precise;
 * docs/imports.md#matching-rows-against-the-catalog):
 * - `description_differs`: the code exists, with another description;
 * - `unit_differs`: the code exists, with another unit (both reasons when neither agrees);
 * - `wrong_code`: the code does not exist, but the description does, under another code;
 * - `not_found`: neither the code nor the description exists.
 */

/** A catalog concept as the matcher and its callers see it. */
export type CatalogConcept = {
  id: string
  kind: 'ordinary' | 'extraordinary'
  annex: string | null
  code: string
  codeKey: string
  description: string
  descriptionKey: string
  unit: string
  unitKey: string
  unitId: string | null
  quantity: string
  unitPriceMxn: string
  unitPriceUsd: string
  occurrence: number
  status: 'in_preparation' | 'authorized' | 'cancelled' | null
  convertedCode: string | null
  convertedCodeKey: string | null
}

/** One row to look up. `annex`, when the row has one, decides between copies of a line in two sub-annexes. */
export type ConceptLookupKey = {
  code: string | number
  description: string
  unit: string
  annex?: string | null
}

export type ConceptMissReason = 'description_differs' | 'unit_differs' | 'wrong_code' | 'not_found'

export type ConceptLookupResult =
  | {
      found: true
      /** the chosen concept: same sub-annex as the row first, then ordinary before PUE, then natural order */
      concept: CatalogConcept
      /** other concepts with the same code, description and unit (the same line in another sub-annex) */
      alternatives: CatalogConcept[]
    }
  | {
      found: false
      reasons: ConceptMissReason[]
      /** one line for an error column (Spanish, like the rest of the UI) */
      message: string
      /** concepts with the row's code (for `description_differs` / `unit_differs`) */
      sameCode: CatalogConcept[]
      /** concepts with the row's description under other codes (for `wrong_code`) */
      sameDescription: CatalogConcept[]
    }

/** The normalised parts of a lookup key, as compared. */
export function lookupParts(key: ConceptLookupKey) {
  return {
    codeKey: normalizeCode(key.code),
    descriptionKey: foldText(key.description),
    unitKey: unitKey(key.unit),
    annex: key.annex ? normalizeAnnex(key.annex) : null,
  }
}

const hasCode = (c: CatalogConcept, codeKey: string) =>
  c.codeKey === codeKey || c.convertedCodeKey === codeKey

function preferenceOrder(annex: string | null) {
  return (a: CatalogConcept, b: CatalogConcept): number => {
    const sameA = annex !== null && a.annex === annex ? 0 : 1
    const sameB = annex !== null && b.annex === annex ? 0 : 1
    if (sameA !== sameB) return sameA - sameB
    if (a.kind !== b.kind) return a.kind === 'ordinary' ? -1 : 1
    const ka = naturalSortKey(a.annex ?? '')
    const kb = naturalSortKey(b.annex ?? '')
    if (ka !== kb) return ka < kb ? -1 : 1
    if (a.occurrence !== b.occurrence) return a.occurrence - b.occurrence
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

const codeShown = (key: ConceptLookupKey) =>
  typeof key.code === 'number' ? normalizeCode(key.code) : key.code.trim()

/**
 * Looks one row up among `candidates` (any superset of the concepts sharing its code or its description;
 * other concepts are ignored). Deterministic: the same candidates give the same answer in any order.
 */
export function matchConcept(
  key: ConceptLookupKey,
  candidates: readonly CatalogConcept[],
): ConceptLookupResult {
  const k = lookupParts(key)
  const sameCode = candidates.filter((c) => hasCode(c, k.codeKey))
  const exact = sameCode.filter((c) => c.descriptionKey === k.descriptionKey && c.unitKey === k.unitKey)
  if (exact.length > 0) {
    const [concept, ...alternatives] = [...exact].sort(preferenceOrder(k.annex))
    if (concept) return { found: true, concept, alternatives }
  }
  const order = preferenceOrder(k.annex)
  if (sameCode.length > 0) {
    const sameDescription = sameCode.filter((c) => c.descriptionKey === k.descriptionKey).sort(order)
    const sameUnit = sameCode.filter((c) => c.unitKey === k.unitKey)
    const reasons: ConceptMissReason[] =
      sameDescription.length > 0
        ? ['unit_differs']
        : sameUnit.length > 0
          ? ['description_differs']
          : ['description_differs', 'unit_differs']
    const unitOf = (sameDescription[0] ?? [...sameCode].sort(order)[0])?.unit ?? ''
    const parts = reasons.map((r) =>
      r === 'description_differs'
        ? `DESCRIPCIÓN DIFERENTE: la partida '${codeShown(key)}' está en el catálogo con otra descripción.`
        : `UNIDAD DIFERENTE. Excel: '${key.unit.trim()}' vs Catálogo: '${unitOf}'.`,
    )
    return {
      found: false,
      reasons,
      message: parts.join(' | '),
      sameCode: [...sameCode].sort(order),
      sameDescription: [],
    }
  }
  const sameDescription = candidates.filter((c) => c.descriptionKey === k.descriptionKey).sort(order)
  if (sameDescription.length > 0) {
    const codes = [...new Set(sameDescription.map((c) => c.code))].slice(0, 3).join(', ')
    return {
      found: false,
      reasons: ['wrong_code'],
      message: `CÓDIGO INCORRECTO. La partida '${codeShown(key)}' no existe; la descripción está en el catálogo como ${codes}${codes.endsWith('.') ? '' : '.'}`,
      sameCode: [],
      sameDescription,
    }
  }
  return {
    found: false,
    reasons: ['not_found'],
    message: 'NO ENCONTRADO en el catálogo.',
    sameCode: [],
    sameDescription: [],
  }
}
