/**
 * Pure rules of production evidence, GPU (docs/production.md#evidence-gpu): which annexes need evidence, what a
 * status change needs, which cells are in the pending list and the month's counts.
 */
import type {
  TEvidenceCounts,
  TEvidenceGridCell,
  TEvidenceGridRow,
  TEvidenceStatus,
  TFieldError,
  TTimeType,
} from '@faena/contracts'
import { DEFAULT_EVIDENCE_ANNEXES } from '@faena/contracts'
import { fieldError } from '../../platform/errors'
import { Dec } from '../../platform/money/money'
import { compareConcepts } from './production-grid-rules'
import { productionMessages as M } from './production.messages'

/** The organization's list, or the default one when it has not chosen (null). */
export const evidenceAnnexesOrDefault = (stored: readonly string[] | null): string[] =>
  stored ? [...stored] : [...DEFAULT_EVIDENCE_ANNEXES]

/**
 * A list as stored: each annex normalized (`normalize`, the catalog's sub-annex key: `c 2` → `C-2`), duplicates
 * dropped, in the order given.
 */
export function normalizeAnnexList(annexes: readonly string[], normalize: (a: string) => string): string[] {
  const out: string[] = []
  for (const a of annexes) {
    const n = normalize(a)
    if (n && !out.includes(n)) out.push(n)
  }
  return out
}

/** Whether a concept of `annex` needs evidence under the organization's list (both sides normalized). */
export const needsEvidence = (annex: string | null, annexes: readonly string[]): boolean =>
  annex !== null && annexes.includes(annex)

/** The annex a catalog concept belongs to: its sub-annex, or a PUE code's prefix (`C3EXT-0977` → `C3EXT`). */
export function annexOfConcept(c: { annex: string | null; code: string }): string | null {
  if (c.annex) return c.annex
  const m = /^([A-Za-z0-9]+)-/.exec(c.code)
  return m?.[1] ? m[1].toUpperCase() : null
}

/** A cell without a stored record is pending. */
export const effectiveStatus = (stored: string | null | undefined): TEvidenceStatus =>
  (stored ?? 'pending') as TEvidenceStatus

const hasProduction = (volume: string | null | undefined) => volume != null && new Dec(volume).gt(0)

/** In the pending list: the cell has production and its evidence is not signed. */
export const isPending = (volume: string | null | undefined, status: TEvidenceStatus): boolean =>
  hasProduction(volume) && status !== 'signed'

/**
 * What refuses a status change, naming the field: a rejection needs its note (why); signing needs at least one
 * file or link. Any other change between the statuses is allowed (a signed or rejected cell can be reopened).
 */
export function statusChangeProblems(input: {
  status: TEvidenceStatus
  note: string | null | undefined
  itemCount: number
}): TFieldError[] {
  const problems: TFieldError[] = []
  if (input.status === 'rejected' && !input.note?.trim())
    problems.push(fieldError('note', M.rejectionNeedsNote()))
  if (input.status === 'signed' && input.itemCount === 0)
    problems.push(fieldError('status', M.signNeedsEvidence()))
  return problems
}

/** The month's counts: cells with production per status, the pending list, and records left without production. */
export function evidenceCounts(cells: readonly { volume: string; status: TEvidenceStatus }[]): {
  counts: TEvidenceCounts
  pendingCount: number
  withoutProduction: number
} {
  const counts: TEvidenceCounts = {
    pending: 0,
    in_process: 0,
    missing_client_signature: 0,
    signed: 0,
    rejected: 0,
  }
  let pendingCount = 0
  let withoutProduction = 0
  for (const c of cells) {
    if (!hasProduction(c.volume)) {
      withoutProduction++
      continue
    }
    counts[c.status]++
    if (isPending(c.volume, c.status)) pendingCount++
  }
  return { counts, pendingCount, withoutProduction }
}

export type EvidenceConcept = { annex: string | null; code: string; description: string; unit: string }
type CellRef = { site_id: string; concept_id: string; day: string; time_type: string }

/**
 * The rows of an evidence grid: one per concept on an evidence annex, site and time type (TE and CMA of a day are
 * two cells), with a cell for each day that has production or a stored record (a record whose production
 * dropped to zero keeps its cell, volume "0"); ordered like the production grid (annex, code), then site, TE
 * before CMA; cells by day.
 */
export function evidenceRows(input: {
  production: readonly (CellRef & { volume: string })[]
  records: readonly (CellRef & {
    status: string
    note: string | null
    file_count: number
    link_count: number
  })[]
  concepts: ReadonlyMap<string, EvidenceConcept>
  annexes: readonly string[]
}): { rows: TEvidenceGridRow[]; cells: TEvidenceGridCell[] } {
  const rows = new Map<string, TEvidenceGridRow>()
  const cells = new Map<string, TEvidenceGridCell>()
  const cellOf = (ref: CellRef): TEvidenceGridCell | undefined => {
    const c = input.concepts.get(ref.concept_id)
    if (!c?.annex || !needsEvidence(c.annex, input.annexes)) return undefined
    const rk = `${ref.site_id}|${ref.concept_id}|${ref.time_type}`
    let row = rows.get(rk)
    if (!row) {
      row = {
        conceptId: ref.concept_id,
        annex: c.annex,
        code: c.code,
        description: c.description,
        unit: c.unit,
        siteId: ref.site_id,
        timeType: ref.time_type as TTimeType,
        cells: [],
      }
      rows.set(rk, row)
    }
    let cell = cells.get(`${rk}|${ref.day}`)
    if (!cell) {
      cell = {
        date: ref.day,
        volume: '0',
        status: 'pending',
        note: null,
        fileCount: 0,
        linkCount: 0,
        pending: false,
      }
      cells.set(`${rk}|${ref.day}`, cell)
      row.cells.push(cell)
    }
    return cell
  }
  for (const p of input.production) {
    const cell = cellOf(p)
    if (cell) cell.volume = p.volume
  }
  for (const r of input.records) {
    const cell = cellOf(r)
    if (!cell) continue
    cell.status = effectiveStatus(r.status)
    cell.note = r.note
    cell.fileCount = r.file_count
    cell.linkCount = r.link_count
  }
  for (const cell of cells.values()) cell.pending = isPending(cell.volume, cell.status)
  // compareConcepts reads the annex, code and description of the production grid's concepts
  const asConcept = (r: TEvidenceGridRow) => ({
    ...r,
    authorizedVolume: '0',
    unitPriceMxn: '0',
    unitPriceUsd: '0',
    sourceWorkOrderId: '',
  })
  const sorted = [...rows.values()].sort(
    (a, b) =>
      compareConcepts(asConcept(a), asConcept(b)) ||
      a.siteId.localeCompare(b.siteId) ||
      (a.timeType === b.timeType ? 0 : a.timeType === 'TE' ? -1 : 1),
  )
  for (const r of sorted) r.cells.sort((a, b) => a.date.localeCompare(b.date))
  return { rows: sorted, cells: [...cells.values()] }
}
