/**
 * Pure rules of the production grid (docs/production.md#concepts-of-a-family): a family's concepts consolidated
 * by catalog concept, their order, and the basis the stored excess flags were computed against.
 */
import { Dec } from '../../platform/money/money'

export type AnnexLine = {
  conceptId: string | null
  annex: string
  code: string
  description: string
  unitKey: string
  authorizedVolume: string
  unitPriceMxn: string
  unitPriceUsd: string
}
export type FamilyConcept = {
  conceptId: string
  annex: string
  code: string
  description: string
  unit: string
  authorizedVolume: string
  unitPriceMxn: string
  unitPriceUsd: string
  /** the member whose Anexo C gives the concept its volume and prices (the latest that has it) */
  sourceWorkOrderId: string
}

/**
 * The family's concepts: the lines of its members' active Anexo C, identified by catalog concept (lines without
 * one are not production concepts). The latest member that has a concept gives its volume and prices — a
 * reprogramming replaces, it does not add; a concept twice in one Anexo C adds its volumes.
 */
export function consolidate(
  members: readonly { workOrderId: string; lines: readonly AnnexLine[] | undefined }[],
): Map<string, FamilyConcept> {
  const out = new Map<string, FamilyConcept>()
  for (const m of members) {
    const mine = new Map<string, FamilyConcept>()
    for (const l of m.lines ?? []) {
      if (!l.conceptId) continue
      const prev = mine.get(l.conceptId)
      mine.set(l.conceptId, {
        conceptId: l.conceptId,
        annex: l.annex,
        code: l.code,
        description: l.description,
        unit: l.unitKey,
        authorizedVolume: prev
          ? new Dec(prev.authorizedVolume).plus(l.authorizedVolume).toFixed()
          : l.authorizedVolume,
        unitPriceMxn: l.unitPriceMxn,
        unitPriceUsd: l.unitPriceUsd,
        sourceWorkOrderId: m.workOrderId,
      })
    }
    for (const [id, c] of mine) out.set(id, c)
  }
  return out
}

const parts = (code: string) => code.split('.').filter(Boolean)
/** Annex, then the code's dot-separated parts (numbers compared as numbers), then the description. */
export function compareConcepts(a: FamilyConcept, b: FamilyConcept): number {
  if (a.annex !== b.annex) return a.annex.localeCompare(b.annex, 'es', { numeric: true })
  const pa = parts(a.code)
  const pb = parts(b.code)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const c = x.localeCompare(y, 'es', { numeric: true })
    if (c !== 0) return c
  }
  return a.description.localeCompare(b.description, 'es')
}

/** Which Anexo C versions the family's stored excess flags follow: `workOrderId:importId`, sorted. */
export const basisOf = (active: ReadonlyMap<string, { importId: string }>): string =>
  [...active]
    .map(([wo, a]) => `${wo}:${a.importId}`)
    .sort()
    .join(',')
