import type { TBillingSheetAction, TBillingSheetStatus } from '@faena/contracts'

/**
 * Lifecycle of a billing sheet (docs/rental-billing.md#lifecycle) — pure rules, unit-tested.
 *
 *   in_progress ──liquidate──▶ liquidated ──invoice──▶ invoiced
 *        ▲                        │
 *        └──────reopen (reason)───┘
 *   in_progress | liquidated ──cancel──▶ cancelled
 *   in_progress ──delete──▶ (gone; the period is free again, the series number is never reused)
 *
 * Only an in-progress sheet changes: lines, days, header fields and the documents of its period.
 * Liquidated, invoiced and cancelled sheets refuse every change (409). Unlike the old system, invoicing needs a
 * liquidated sheet and reopening checks for another sheet in progress.
 */

export type SheetStatus = TBillingSheetStatus
export type SheetAction = TBillingSheetAction

/** Which statuses each action starts from, and where a status change goes. */
export const SHEET_ACTIONS: Readonly<
  Record<SheetAction, { from: readonly SheetStatus[]; to?: SheetStatus }>
> = {
  editLines: { from: ['in_progress'] },
  liquidate: { from: ['in_progress'], to: 'liquidated' },
  reopen: { from: ['liquidated'], to: 'in_progress' },
  invoice: { from: ['liquidated'], to: 'invoiced' },
  cancel: { from: ['in_progress', 'liquidated'], to: 'cancelled' },
  delete: { from: ['in_progress'] },
  createCertificate: { from: ['in_progress', 'liquidated', 'invoiced'] },
  refreshCertificate: { from: ['in_progress'] },
}

/** The permission each action needs (names of platform/access.ts). */
export const SHEET_ACTION_PERMISSION: Readonly<Record<SheetAction, string>> = {
  editLines: 'billingSheet.manage',
  liquidate: 'billingSheet.liquidate',
  reopen: 'billingSheet.liquidate',
  invoice: 'billingSheet.invoice',
  cancel: 'billingSheet.liquidate',
  delete: 'billingSheet.manage',
  createCertificate: 'billingSheet.manage',
  refreshCertificate: 'billingSheet.manage',
}

/** Statuses whose period is locked for documents (a cancelled sheet bills nothing and frees its period). */
export const LOCKED_PERIOD_STATUSES: readonly SheetStatus[] = ['liquidated', 'invoiced']

/** True when the action may start from this status. */
export const actionAllowed = (action: SheetAction, status: SheetStatus): boolean =>
  SHEET_ACTIONS[action].from.includes(status)

/**
 * What the caller may do now: the actions allowed by the status and by the caller's permissions.
 * `hasCertificate` decides between creating and refreshing the disposition certificate.
 */
export function allowedActions(
  status: SheetStatus,
  can: (permission: string) => boolean,
  opts: { hasCertificate: boolean },
): SheetAction[] {
  return (Object.keys(SHEET_ACTIONS) as SheetAction[]).filter((action) => {
    if (!actionAllowed(action, status) || !can(SHEET_ACTION_PERMISSION[action])) return false
    if (action === 'createCertificate') return !opts.hasCertificate
    if (action === 'refreshCertificate') return opts.hasCertificate
    return true
  })
}

const STATUS_ES: Record<SheetStatus, string> = {
  in_progress: 'en proceso',
  liquidated: 'liquidada',
  invoiced: 'facturada',
  cancelled: 'anulada',
}
export const statusLabel = (status: SheetStatus): string => STATUS_ES[status]

/** Two inclusive date ranges overlap. */
export const periodsOverlap = (
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean => a.start <= b.end && b.start <= a.end
