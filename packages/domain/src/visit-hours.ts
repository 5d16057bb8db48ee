/**
 * Duration of a custody-chain visit in hours with 2 decimals, half-up (rule CHAIN_DURATION; 1 h 20 min →
 * 1.33), from two times of day `HH:MM` (seconds, if any, are ignored). Hours, never minutes: the old PDF
 * divided the hours by 60 again (docs/rental-documents.md#custody-chains).
 *
 * `hours` is null when a time is missing; `valid` is false when the end is not after the start.
 */
export function visitHours(
  start: string | null | undefined,
  end: string | null | undefined,
): { valid: boolean; hours: string | null } {
  const re = /^(\d{2}):(\d{2})/
  const a = start ? re.exec(start) : null
  const b = end ? re.exec(end) : null
  if (!a || !b) return { valid: true, hours: null }
  const minutes = Number(b[1]) * 60 + Number(b[2]) - (Number(a[1]) * 60 + Number(a[2]))
  if (minutes <= 0) return { valid: false, hours: null }
  // half-up(minutes / 60) to hundredths, integers only: floor((200·minutes + 60) / 120)
  const hundredths = Math.floor((minutes * 200 + 60) / 120)
  return {
    valid: true,
    hours: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`,
  }
}
