import {
  lineKey,
  type LineState,
  type RentalAssignmentInput,
  type ServiceAssignmentInput,
  type SheetLine,
} from './billing-lines'
import type { BillingAssignment } from './rental-billing.ports'

/**
 * The billing engine's inputs from what the rental modules and the stored line states give
 * (docs/rental-billing.md#eager-recomputation), and the manual days a change of assignments would drop
 * (docs/rental-billing.md#manual-day-edits). Pure, unit-tested.
 */

const toRental = (a: BillingAssignment): RentalAssignmentInput => ({
  id: a.id,
  equipmentId: a.equipmentId ?? '',
  dailyRate: a.dailyRate,
  rates: a.rates,
  frequency: a.frequency,
  operationStart: a.operationStart,
  operationEnd: a.operationEnd,
  retiredOn: a.retiredOn,
  description: a.description,
  version: a.version,
})

/** The equipment rentals of the project (assignments of a physical unit). */
export const rentalAssignments = (assignments: readonly BillingAssignment[]): RentalAssignmentInput[] =>
  assignments.filter((a) => a.kind === 'equipment' && a.equipmentId).map(toRental)

/** The services of the project; a retired service ends on its retirement day. */
export const serviceAssignments = (assignments: readonly BillingAssignment[]): ServiceAssignmentInput[] =>
  assignments
    .filter((a) => a.kind === 'service')
    .map((a) => ({
      id: a.id,
      unitPrice: a.dailyRate,
      rates: a.rates,
      operationStart: a.operationStart,
      operationEnd: a.retiredOn ?? a.operationEnd,
      description: a.description,
      equipmentId: a.equipmentId,
    }))

/** A stored decision of the user on a line key: removed, and/or days set by hand for an assignment version. */
export type StoredLineState = {
  key: string
  removed: boolean
  day_edit_dates: string[] | null
  day_edit_version: string | null
}

export const lineStatesOf = (states: readonly StoredLineState[]): LineState[] =>
  states.map((s) => ({
    key: s.key,
    removed: s.removed,
    dayEdit:
      s.day_edit_dates && s.day_edit_version !== null
        ? { dates: s.day_edit_dates, assignmentVersion: s.day_edit_version }
        : null,
  }))

export type DroppedManualDays = {
  key: string
  description: string
  manualDays: number
  billingSheetId: string
  seriesCode: string
}

/**
 * Manual days that a change of assignments would drop: an edit that was applied to the stored line and
 * no longer is (its line's billed dates changed). Edits already stale before the change are not counted.
 * `stored` are the sheet's lines before the change by key (`null` when no computed line is stale: then
 * nothing is dropped and they need not be read).
 */
export function droppedManualDays(
  sheet: { id: string; seriesCode: string },
  lines: readonly SheetLine[],
  states: readonly StoredLineState[],
  stored: ReadonlyMap<string, { key: string; day_edit: string }>,
): DroppedManualDays[] {
  const out: DroppedManualDays[] = []
  for (const l of staleRentalLines(lines)) {
    const key = l.equipmentId ? lineKey.rental(l.equipmentId) : l.key
    if (out.some((o) => o.key === key)) continue
    const state = states.find((s) => s.key === key)
    const was = stored.get(key) ?? [...stored.values()].find((x) => x.key.startsWith(`${key}@`))
    if (!state?.day_edit_dates || was?.day_edit !== 'applied') continue
    out.push({
      key,
      description: l.description,
      manualDays: state.day_edit_dates.length,
      billingSheetId: sheet.id,
      seriesCode: sheet.seriesCode,
    })
  }
  return out
}

/** The rental lines whose manual days no longer apply (the only ones that can drop manual days). */
export const staleRentalLines = (lines: readonly SheetLine[]) =>
  lines.filter((l) => l.kind === 'rental' && l.dayEdit === 'stale')
