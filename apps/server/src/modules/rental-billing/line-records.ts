import crypto from 'node:crypto'
import type { SheetLine } from './billing-lines'
import type { BillingAssignment } from './rental-billing.ports'
import type { LineValues } from './rental-billing.repository'

/**
 * What a recomputation writes for each computed line, the signatures that let it skip unchanged lines and
 * unchanged document sets, and how a day edit is written in the audit (docs/rental-billing.md#eager-recomputation).
 * Pure, unit-tested.
 */

/** sha-1 of a line's values as written: a recomputation rewrites only the lines whose signature changed. */
export const lineSignature = (v: Omit<LineValues, 'signature'>) =>
  crypto
    .createHash('sha1')
    .update(
      JSON.stringify([
        v.position,
        v.kind,
        v.component,
        v.source_id,
        v.assignment_ids,
        v.equipment_id,
        v.equipment_code,
        v.equipment_name,
        v.description,
        v.unit,
        v.dates,
        v.allowed_dates,
        v.quantity,
        v.unit_price,
        v.total,
        v.source_version,
        v.day_edit,
      ]),
    )
    .digest('hex')

export type BilledDocumentIds = { guideIds: string[]; chainIds: string[]; maintenanceSheetIds: string[] }

/** sha-1 of the ids of the documents a sheet bills (order does not matter). */
export const documentsSignature = (ids: BilledDocumentIds) =>
  crypto
    .createHash('sha1')
    .update(
      JSON.stringify([
        [...ids.guideIds].sort(),
        [...ids.chainIds].sort(),
        [...ids.maintenanceSheetIds].sort(),
      ]),
    )
    .digest('hex')

/**
 * The stored values of the computed lines, in order (position from 1), each labelled with its equipment's
 * code and name (the first assignment of the equipment that has them) and signed.
 */
export function lineValues(
  lines: readonly SheetLine[],
  assignments: readonly BillingAssignment[],
): LineValues[] {
  const equipment = new Map<string, { code: string | null; name: string | null }>()
  for (const a of assignments) {
    if (a.equipmentId && (a.equipmentCode || a.equipmentName) && !equipment.has(a.equipmentId))
      equipment.set(a.equipmentId, { code: a.equipmentCode, name: a.equipmentName })
  }
  return lines.map((l, i): LineValues => {
    const eq = l.equipmentId ? equipment.get(l.equipmentId) : undefined
    const v: Omit<LineValues, 'signature'> = {
      key: l.key,
      position: i + 1,
      kind: l.kind,
      component: l.component,
      source_id: l.sourceId,
      assignment_ids: l.assignmentIds ?? [],
      equipment_id: l.equipmentId ?? null,
      equipment_code: eq?.code ?? null,
      equipment_name: eq?.name ?? null,
      description: l.description,
      unit: l.unit,
      dates: l.dates,
      allowed_dates: l.kind === 'rental' ? (l.allowedDates ?? []) : [],
      quantity: Number(l.quantity),
      unit_price: l.unitPrice,
      total: l.total,
      source_version: l.sourceVersion ?? null,
      day_edit: l.dayEdit ?? 'none',
    }
    return { ...v, signature: lineSignature(v) }
  })
}

/** Audit changes of a day edit: the number of days, and the dates added and removed (readable, not two long lists). */
export function dayChanges(before: readonly string[], after: readonly string[]) {
  const was = new Set(before)
  const now = new Set(after)
  const added = after.filter((d) => !was.has(d))
  const removed = before.filter((d) => !now.has(d))
  return [
    { field: 'quantity', old: before.length, new: after.length },
    ...(added.length > 0 ? [{ field: 'addedDates', old: null, new: added.join(', ') }] : []),
    ...(removed.length > 0 ? [{ field: 'removedDates', old: removed.join(', '), new: null }] : []),
  ]
}
