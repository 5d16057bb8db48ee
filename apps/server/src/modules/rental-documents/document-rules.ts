import Decimal from 'decimal.js'
import { visitHours } from '@faena/domain'
import { inclusiveDays as calendarInclusiveDays } from '@faena/domain/calendar-date'
import type { TChainStatus, TFieldDocumentAction, TFieldDocumentStatus } from '@faena/contracts'

/**
 * Pure rules of the rental field documents: status machines, numbers as printed, maintenance days and
 * cost, custody-chain duration, equipment abbreviations. No database. Rules: docs/rental-documents.md.
 */

// --- statuses ---

/**
 * Maintenance sheets and shipping guides: draft → closed | void; closed → void; void is final
 * (docs/rental-documents.md#statuses).
 */
const DOCUMENT_TRANSITIONS: Record<TFieldDocumentStatus, readonly TFieldDocumentStatus[]> = {
  draft: ['closed', 'void'],
  closed: ['void'],
  void: [],
}
/** Custody chains: draft → closed | cancelled; closed → cancelled; cancelled is final. */
const CHAIN_TRANSITIONS: Record<TChainStatus, readonly TChainStatus[]> = {
  draft: ['closed', 'cancelled'],
  closed: ['cancelled'],
  cancelled: [],
}

export const canMoveDocument = (from: TFieldDocumentStatus, to: TFieldDocumentStatus) =>
  DOCUMENT_TRANSITIONS[from].includes(to)
export const canMoveChain = (from: TChainStatus, to: TChainStatus) => CHAIN_TRANSITIONS[from].includes(to)
export const documentTransitions = (from: TFieldDocumentStatus) => DOCUMENT_TRANSITIONS[from]
export const chainTransitions = (from: TChainStatus) => CHAIN_TRANSITIONS[from]

/**
 * What may be done with a document in a status, before permissions: only drafts are edited or deleted;
 * attachments (signed sheet, lab analysis) may be added to drafts and closed documents.
 */
export function documentActions(
  kind: 'maintenance' | 'guide',
  status: TFieldDocumentStatus,
): TFieldDocumentAction[]
export function documentActions(kind: 'chain', status: TChainStatus): TFieldDocumentAction[]
export function documentActions(
  kind: 'maintenance' | 'guide' | 'chain',
  status: string,
): TFieldDocumentAction[] {
  const out: TFieldDocumentAction[] = []
  if (status === 'draft') out.push('update', 'close', 'delete')
  if (kind === 'chain' && (status === 'draft' || status === 'closed')) out.push('cancel')
  if (kind !== 'chain' && (status === 'draft' || status === 'closed')) out.push('void')
  if (status === 'draft' || status === 'closed') out.push('attach')
  return out
}

// --- numbers ---

/** Printed widths: maintenance sheet 6, custody chain 7, shipping guide 7 digits (docs/rental-documents.md#numbers). */
export const NUMBER_WIDTH = { maintenance: 6, chain: 7, guide: 7 } as const
export const padNumber = (n: number, width: number) => String(n).padStart(width, '0')

/** The numbering series of each document in platform/numbering (per organization, never restarting). */
export const NUMBER_SERIES = {
  maintenance: 'rental-maintenance-sheet',
  chain: 'rental-custody-chain',
  guide: 'rental-shipping-guide',
} as const

// --- dates ---

/** Inclusive count of days from start to end (a one-day job is 1); null when end < start. */
export function inclusiveDays(start: string, end: string): number | null {
  const n = calendarInclusiveDays(start, end)
  return n >= 1 ? n : null
}

/** Maintenance cost: days × cost per day, exact (both have at most 2 decimals: no rounding). */
export function maintenanceTotal(days: number, costPerDay: string): string {
  return new Decimal(costPerDay).times(days).toFixed(2)
}

/** A money string as stored and answered: two decimals (inputs carry at most two, so nothing is rounded). */
export const money2 = (v: string | number | null | undefined) => new Decimal(v ?? 0).toFixed(2)

// --- custody chain times ---

/**
 * Duration of a visit in hours with 2 decimals, half-up (rule CHAIN_DURATION; 1 h 20 min → 1.33):
 * `hours` null when a time is missing; `valid` false when the end is not after the start.
 * Hours, never minutes (the old PDF divided the hours by 60 again; docs/rental-documents.md#custody-chains).
 */
export const durationHours = visitHours

// --- equipment codes (docs/rental-documents.md#equipment-codes) ---

/** `PSL-BT-185` → `BT`; a code without a second dash-separated segment → `OT` (otros). */
export function equipmentAbbreviation(code: string | null | undefined): string {
  const parts = (code ?? '').split('-')
  const second = parts.length >= 2 ? parts[1]?.trim() : ''
  return second ? second.toUpperCase() : 'OT'
}
