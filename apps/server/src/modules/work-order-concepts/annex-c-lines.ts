import type { TAnnexDiff, TAnnexDiffLine } from '@faena/contracts'
import { Dec } from '../../platform/money/money'
import type { CellValue } from '../../platform/spreadsheet/read-workbook'
import type { AnnexDiff, AnnexLine } from './annex-c-diff'
import type { AnnexCColumn, AnnexCParsed } from './annex-c-parser'
import type * as repo from './work-order-concepts.repository'

/**
 * The lines of an Anexo C version in their three shapes — as read from the file, as stored, as the diff
 * compares them — and the sums over them (docs/work-order-concepts.md). Exact arithmetic: products and
 * sums of numeric values stay far below 40 digits, so nothing rounds. Pure, unit-tested.
 */

/** A stored or read decimal; empty means 0. */
export const dec = (v: string | null | undefined) =>
  new Dec(v === null || v === undefined || v === '' ? 0 : v)

function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
  return String(v)
}

/** A rejected row's cells by header (date headers as DD/MM/YYYY, columns without a header left out). */
export function rowValues(columns: AnnexCColumn[], values: CellValue[]): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const c of columns) {
    if (c.role === 'unnamed') continue
    const label = c.role === 'date' ? c.label : (cellText(c.raw) ?? '').trim() || c.label
    out[label in out ? `${label} (${c.index + 1})` : label] = cellText(values[c.index])
  }
  return out
}

const compactLine = (l: AnnexLine): TAnnexDiffLine => ({
  annex: l.annex,
  code: l.code,
  description: l.description,
  unitKey: l.unitKey,
  volume: l.volume,
  priceMxn: l.priceMxn,
  priceUsd: l.priceUsd,
})

/** The diff as a version stores it: lines without their planned volumes, against the version it was compared with. */
export function storedDiff(diff: AnnexDiff, base: { id: string; version: number } | null): TAnnexDiff {
  return {
    baseImportId: base?.id ?? null,
    baseVersion: base?.version ?? null,
    added: diff.added.map(compactLine),
    removed: diff.removed.map(compactLine),
    changed: diff.changed.map((c) => ({
      before: compactLine(c.before),
      after: compactLine(c.after),
      ...(c.volume ? { volume: c.volume } : {}),
      ...(c.priceMxn ? { priceMxn: c.priceMxn } : {}),
      ...(c.priceUsd ? { priceUsd: c.priceUsd } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      plannedChanged: c.plannedChanged,
    })),
    unchangedCount: diff.unchangedCount,
    totals: diff.totals,
    identical: diff.identical,
  }
}

/** A stored line as the diff compares it. */
export const lineOf = (r: repo.ConceptLineRow, planned?: Record<string, string>): AnnexLine => ({
  annex: r.annex,
  code: r.code,
  description: r.description,
  unitKey: r.unit_key,
  volume: r.authorized_volume,
  priceMxn: r.unit_price_mxn,
  priceUsd: r.unit_price_usd,
  ...(planned ? { plannedByDay: planned } : {}),
})

/** The lines of a parsed file, as stored. */
export function linesOfFile(parsed: Pick<AnnexCParsed, 'rows'>): repo.LineValues[] {
  return parsed.rows.map((r) => ({
    position: r.position,
    row_number: r.rowNumber,
    concept_id: r.conceptRef.id,
    annex: r.annex,
    code: r.code,
    description: r.description,
    unit_id: r.unitId,
    unit_key: r.unitKey,
    authorized_volume: r.authorizedVolume,
    unit_price_mxn: r.unitPriceMxn,
    unit_price_usd: r.unitPriceUsd,
    price_source_mxn: r.priceSource.mxn,
    price_source_usd: r.priceSource.usd,
    ok: r.ok ?? null,
    plannedByDay: r.plannedByDay,
  }))
}

/** A line about to be stored as the diff compares it (with its planned volumes). */
export const asLine = (l: repo.LineValues): AnnexLine => ({
  annex: l.annex,
  code: l.code,
  description: l.description,
  unitKey: l.unit_key,
  volume: l.authorized_volume,
  priceMxn: l.unit_price_mxn,
  priceUsd: l.unit_price_usd,
  plannedByDay: l.plannedByDay,
})

/** The amounts of a version (Σ volume × price per currency, exact) and how many planned days its lines have. */
export function versionTotals(lines: readonly repo.LineValues[]): {
  mxn: string
  usd: string
  plannedDayCount: number
} {
  let mxn = new Dec(0)
  let usd = new Dec(0)
  for (const l of lines) {
    mxn = mxn.plus(dec(l.authorized_volume).times(dec(l.unit_price_mxn)))
    usd = usd.plus(dec(l.authorized_volume).times(dec(l.unit_price_usd)))
  }
  const plannedDayCount = lines.reduce((n, l) => n + Object.keys(l.plannedByDay).length, 0)
  return { mxn: mxn.toFixed(), usd: usd.toFixed(), plannedDayCount }
}

/** A line in force as the concepts list shows it: plain decimals, its amounts, its planned volume per day. */
export function conceptItem(r: repo.ConceptLineRow, byDay: Record<string, string>) {
  const volume = dec(r.authorized_volume)
  return {
    id: r.id,
    position: r.position,
    conceptId: r.concept_id,
    annex: r.annex,
    code: r.code,
    description: r.description,
    unitKey: r.unit_key,
    authorizedVolume: volume.toFixed(),
    unitPriceMxn: dec(r.unit_price_mxn).toFixed(),
    unitPriceUsd: dec(r.unit_price_usd).toFixed(),
    amountMxn: volume.times(dec(r.unit_price_mxn)).toFixed(),
    amountUsd: volume.times(dec(r.unit_price_usd)).toFixed(),
    ok: r.ok,
    plannedByDay: Object.fromEntries(Object.entries(byDay).map(([d, v]) => [d, dec(v).toFixed()])),
  }
}
