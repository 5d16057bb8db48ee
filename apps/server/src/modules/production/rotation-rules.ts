/**
 * Who is on duty at a site on a day (docs/production.md#superintendent-rotation): pure maths, no database;
 * unit-tested in rotation-rules.test.ts.
 *
 * A rotation has two superintendents, A and B, the day A starts (`startDate`) and the length of each one's
 * shift in days (`cycleDays`, 14 in a 14×14 rotation): A works `startDate` … `startDate + cycleDays − 1`, then B
 * as many days, then A again. A site's rotations are effective-dated: each is in force from its `startDate` until
 * the next one's; before the first one nobody is on duty.
 */
import { daysBetween } from '@faena/domain/calendar-date'

export type RotationDef = {
  startDate: string
  superintendentAId: string
  superintendentBId: string
  cycleDays: number
}
export type Slot = 'A' | 'B'

/**
 * Which of the rotation's two superintendents works on `date`. The cycle runs both ways from `startDate`, so a
 * day before it answers too (the day before the start is B's last day).
 */
export function slotOn(def: Pick<RotationDef, 'startDate' | 'cycleDays'>, date: string): Slot {
  if (!Number.isInteger(def.cycleDays) || def.cycleDays < 1) throw new RangeError('cycleDays must be ≥ 1')
  const offset = daysBetween(def.startDate, date)
  const period = 2 * def.cycleDays
  const inPeriod = ((offset % period) + period) % period
  return inPeriod < def.cycleDays ? 'A' : 'B'
}

/** The rotation in force on `date`: the one with the latest `startDate` on or before it, or null. */
export function rotationInForce<R extends Pick<RotationDef, 'startDate'>>(
  defs: readonly R[],
  date: string,
): R | null {
  let best: R | null = null
  for (const d of defs) if (d.startDate <= date && (best === null || d.startDate > best.startDate)) best = d
  return best
}

/** Who is on duty on `date` under a site's rotations, or null before the first one. */
export function dutyOn(
  defs: readonly RotationDef[],
  date: string,
): { superintendentId: string; slot: Slot; rotation: RotationDef } | null {
  const def = rotationInForce(defs, date)
  if (!def) return null
  const slot = slotOn(def, date)
  return {
    superintendentId: slot === 'A' ? def.superintendentAId : def.superintendentBId,
    slot,
    rotation: def,
  }
}

/** Up to three initials of a name, upper case ("Juan Pérez" → "JP"). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => w[0]!.toLocaleUpperCase('es'))
    .join('')
}
