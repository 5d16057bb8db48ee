/**
 * The chains a bulk scan goes to (docs/rental-documents.md#bulk-scan): page i of the PDF is attached to the
 * i-th chain of the selection. Ticking one chain appends it (the user ticks in the scan's page order); the
 * quick selections take the list's order, as the old system offered: all, none, even or odd positions.
 */
export type QuickSelection = 'all' | 'none' | 'even' | 'odd'

/** Ticks or unticks one chain: a new one goes last, a removed one closes the gap. */
export const toggleInOrder = (order: readonly string[], id: string): string[] =>
  order.includes(id) ? order.filter((x) => x !== id) : [...order, id]

/** The ids of a quick selection, in list order; positions count from 1 (the first chain is odd). */
export const quickSelection = (ids: readonly string[], which: QuickSelection): string[] => {
  switch (which) {
    case 'all':
      return [...ids]
    case 'none':
      return []
    case 'even':
      return ids.filter((_, i) => (i + 1) % 2 === 0)
    case 'odd':
      return ids.filter((_, i) => (i + 1) % 2 === 1)
  }
}

/** Why a scan cannot be sent yet, checked before uploading; null when it can go. */
export type ScanCheck =
  | { kind: 'missing' }
  | { kind: 'reading' }
  | { kind: 'unreadable' }
  | { kind: 'mismatch'; pages: number; chains: number }

/** `pages`: the PDF's page count (`undefined` while it is being read, `null` when it could not be read). */
export const checkScan = (
  chains: number,
  file: boolean,
  pages: number | null | undefined,
): ScanCheck | null => {
  if (chains === 0 || !file) return { kind: 'missing' }
  if (pages === undefined) return { kind: 'reading' }
  if (pages === null) return { kind: 'unreadable' }
  if (pages !== chains) return { kind: 'mismatch', pages, chains }
  return null
}
