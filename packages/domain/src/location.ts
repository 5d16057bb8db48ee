/**
 * A rental project's location as printed on every document and export: "location – cardinal point"
 * (docs/rental-projects.md). One spelling of the cardinal points for the billing sheet, the certificate,
 * the field documents and the workbooks.
 */

export const CARDINAL_POINTS = [
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
] as const
export type CardinalPoint = (typeof CARDINAL_POINTS)[number]

/** The cardinal points in Spanish, as printed (the documents are Ecuadorian forms). */
export const CARDINAL_ES: Readonly<Record<CardinalPoint, string>> = {
  north: 'Norte',
  south: 'Sur',
  east: 'Este',
  west: 'Oeste',
  northeast: 'Noreste',
  northwest: 'Noroeste',
  southeast: 'Sureste',
  southwest: 'Suroeste',
}

/** The printed name of a cardinal point; an unknown value is printed as it is; null for none. */
export function cardinalPointEs(point: string | null | undefined): string | null {
  if (!point) return null
  return (CARDINAL_ES as Record<string, string>)[point] ?? point
}

/** "location – cardinal point", either part alone when the other is missing; null when both are. */
export function printedLocation(
  location: string | null | undefined,
  cardinalPoint: string | null | undefined,
): string | null {
  const text = [location?.trim(), cardinalPointEs(cardinalPoint)].filter(Boolean).join(' – ')
  return text || null
}
