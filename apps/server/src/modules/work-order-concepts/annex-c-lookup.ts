import type { Executor } from '../../platform/db/executor'
import { findUnitByKey, normalizeUnitKey } from '../catalogs'
import { lookupConcepts, type ConceptLookupResult } from '../concepts'
import {
  interpretAnnexCTable,
  locateAnnexCTable,
  normalizeAnnex,
  type AnnexCCatalog,
  type AnnexCParseResult,
  type CatalogUnit,
  type ConceptMatch,
} from './annex-c-parser'
import Decimal from 'decimal.js'

/**
 * Reads a per-work-order Anexo C against the organization's catalogs, through their modules' public lookups:
 * units by key (`findUnitByKey`, catalogs module) and concepts by (code, description, unit) (`lookupConcepts`,
 * concepts module, which also words the reasons of a miss). The parser asks its catalog row by row and
 * synchronously, so the table is interpreted twice: a first pass records every unit text and every
 * (code, description, unit, annex) the rows ask for, those are looked up in a few queries, and the second
 * pass answers from the results. Runs on `db` before the import's transaction opens.
 *
 * When the same (code, description, unit) is in several sub-annexes, the row's ANEXO decides; if that still
 * leaves lines with different prices the row is rejected ("Posible duplicidad en catálogo.").
 */
export async function parseAnnexCWithCatalog(
  executor: Executor,
  orgId: string,
  bytes: Buffer,
  options: { maxDataRows?: number } = {},
): Promise<AnnexCParseResult> {
  const located = await locateAnnexCTable(bytes, options)
  if (!located.ok) return located

  // Pass 1: what the rows ask for.
  const unitTexts = new Map<string, string>()
  const asked = new Map<string, { code: string; description: string; unitRaw: string; annex: string }>()
  const recorder: AnnexCCatalog = {
    findUnit(raw) {
      const key = normalizeUnitKey(raw)
      if (key === '') return undefined
      if (!unitTexts.has(key)) unitTexts.set(key, raw)
      return { id: `pending:${key}`, key: raw, description: null }
    },
    matchConcept(row) {
      asked.set(askKey(row.code, row.description, row.unitRaw, row.annex), row)
      return { ok: false, reasons: [] }
    },
  }
  const first = interpretAnnexCTable(located.table, recorder)
  if (!first.ok && first.kind === 'file') return first

  // The look-ups: units one by one (a file has a handful), concepts in one batch.
  const units = new Map<string, CatalogUnit>()
  for (const [key, raw] of unitTexts) {
    const unit = await findUnitByKey(executor, orgId, raw)
    if (unit) units.set(key, { id: unit.id, key: unit.key, description: unit.description })
  }
  const wanted = [...asked.entries()].filter(([, r]) => units.has(normalizeUnitKey(r.unitRaw)))
  const results = await lookupConcepts(
    executor,
    orgId,
    wanted.map(([, r]) => ({
      code: r.code,
      description: r.description,
      unit: units.get(normalizeUnitKey(r.unitRaw))!.key,
      annex: r.annex,
    })),
  )
  const answers = new Map<string, ConceptLookupResult>()
  wanted.forEach(([key], i) => {
    const result = results[i]
    if (result) answers.set(key, result)
  })

  // Pass 2: the real reading.
  const catalog: AnnexCCatalog = {
    findUnit: (raw) => units.get(normalizeUnitKey(raw)),
    matchConcept(row) {
      const result = answers.get(askKey(row.code, row.description, row.unitRaw, row.annex))
      if (!result) return { ok: false, reasons: ['NO ENCONTRADO en el catálogo.'] }
      return toMatch(result, row.annex, row.unit)
    },
  }
  return interpretAnnexCTable(located.table, catalog)
}

function askKey(code: string, description: string, unitRaw: string, annex: string): string {
  return [code, description, normalizeUnitKey(unitRaw), annex].join('\u001f')
}

function toMatch(result: ConceptLookupResult, rowAnnex: string, unit: CatalogUnit): ConceptMatch {
  if (!result.found) return { ok: false, reasons: [result.message] }
  let candidates = [result.concept, ...result.alternatives]
  const annex = normalizeAnnex(rowAnnex)
  const sameAnnex = candidates.filter((c) => c.annex !== null && normalizeAnnex(c.annex) === annex)
  if (sameAnnex.length > 0) candidates = sameAnnex
  const chosen = candidates[0] ?? result.concept
  const samePrices = candidates.every(
    (c) =>
      new Decimal(c.unitPriceMxn).eq(chosen.unitPriceMxn) &&
      new Decimal(c.unitPriceUsd).eq(chosen.unitPriceUsd),
  )
  if (!samePrices) return { ok: false, reasons: ['Posible duplicidad en catálogo.'] }
  return {
    ok: true,
    concept: {
      id: chosen.id,
      code: chosen.code,
      description: chosen.description,
      unitId: chosen.unitId ?? unit.id,
      annex: chosen.annex,
      priceMxn: chosen.unitPriceMxn,
      priceUsd: chosen.unitPriceUsd,
    },
  }
}
