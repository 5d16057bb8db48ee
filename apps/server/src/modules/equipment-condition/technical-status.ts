import type { TItemCondition, TTechnicalStatus } from '@faena/contracts'

/**
 * The technical status of a unit (docs/equipment-condition.md#status), pure. First that holds wins:
 *
 * 1. `rented`     — the unit is on an active (not retired) assignment: it is at the client's site, whatever
 *                   its last inspection says (the findings still show in the report's counts);
 * 2. `in_repair`  — someone marked it sent to repair and has not marked it returned (or the catalog's
 *                   condition says in repair);
 * 3. `damaged`    — the last inspection found a present item in damaged condition (or the catalog's
 *                   condition says damaged);
 * 4. `incomplete` — the last inspection found an item missing;
 * 5. `available`  — otherwise (also a unit never inspected, or whose type has no checklist).
 *
 * Only the LAST inspection counts (by date, then by when it was recorded): a later inspection that finds
 * everything in place clears an earlier damage.
 */
export type StatusInputs = {
  onActiveAssignment: boolean
  openRepair: boolean
  /** the equipment catalog's condition (operative / in_repair / damaged / retired) */
  catalogCondition: string
  lastInspection: { answers: readonly { present: boolean; condition: TItemCondition | null }[] } | null
}

export const inspectionCounts = (
  answers: readonly { present: boolean; condition: TItemCondition | null }[],
) => ({
  missingCount: answers.filter((a) => !a.present).length,
  damagedCount: answers.filter((a) => a.present && a.condition === 'damaged').length,
})

export function technicalStatus(i: StatusInputs): TTechnicalStatus {
  if (i.onActiveAssignment) return 'rented'
  if (i.openRepair || i.catalogCondition === 'in_repair') return 'in_repair'
  const counts = i.lastInspection ? inspectionCounts(i.lastInspection.answers) : null
  if ((counts && counts.damagedCount > 0) || i.catalogCondition === 'damaged') return 'damaged'
  if (counts && counts.missingCount > 0) return 'incomplete'
  return 'available'
}

/** The order of the statuses when a list is sorted by status (the rule's precedence). */
export const STATUS_RANK: Record<TTechnicalStatus, number> = {
  rented: 0,
  in_repair: 1,
  damaged: 2,
  incomplete: 3,
  available: 4,
}
