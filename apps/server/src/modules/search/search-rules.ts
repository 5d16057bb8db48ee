/**
 * The pure rules of the global search (docs/search.md): which kinds a caller may see, how a query becomes
 * terms, where a hit links to, and how scored hits are grouped by kind. The scoring itself is SQL
 * (search.repository.ts), because it must run where the trigram index is.
 */
import {
  SEARCH_KINDS,
  SEARCH_MAX_LENGTH,
  SEARCH_MIN_LENGTH,
  type LINES_OF_BUSINESS,
  type TSearchHit,
  type TSearchKind,
} from '@faena/contracts'
import type { Permission } from '../../platform/access'

type TLineOfBusiness = (typeof LINES_OF_BUSINESS)[number]

/** The read permission and line of business each kind belongs to. */
export const KIND_ACCESS: Record<TSearchKind, { permission: Permission; line: TLineOfBusiness }> = {
  proposal: { permission: 'proposal.read', line: 'offshore' },
  proposalStep: { permission: 'proposal.read', line: 'offshore' },
  workOrder: { permission: 'workOrder.read', line: 'offshore' },
  workOrderStep: { permission: 'workOrder.read', line: 'offshore' },
  concept: { permission: 'concept.read', line: 'offshore' },
  rentalProject: { permission: 'rental.read', line: 'rental' },
  rentalClient: { permission: 'rental.read', line: 'rental' },
  equipment: { permission: 'rental.read', line: 'rental' },
  maintenanceSheet: { permission: 'rental.read', line: 'rental' },
  custodyChain: { permission: 'rental.read', line: 'rental' },
  shippingGuide: { permission: 'rental.read', line: 'rental' },
}

export type SearchableKindsOptions = {
  can: (permission: Permission) => boolean
  linesOfBusiness: readonly TLineOfBusiness[]
  /** only these, when given */
  requested?: readonly TSearchKind[] | undefined
}

/** The kinds a caller sees: readable with its role, of its organization's lines of business, asked for. */
export function searchableKinds({ can, linesOfBusiness, requested }: SearchableKindsOptions): TSearchKind[] {
  return SEARCH_KINDS.filter((kind) => {
    const { permission, line } = KIND_ACCESS[kind]
    return can(permission) && linesOfBusiness.includes(line) && (!requested || requested.includes(kind))
  })
}

/** At most this many words of a query are matched (each must be found, typos allowed). */
export const MAX_TERMS = 6

export type SearchTerms = {
  /** the whole query, spaces collapsed */
  phrase: string
  /** its distinct words of 2+ characters, in order (words of one character alone match nothing) */
  terms: string[]
  /** a document number typed without its leading zeros (`12` → `000012`, `0000012`) */
  numberKeys: string[]
}

/** Splits a query into what the SQL matches; null when it is too short to search. */
export function searchTerms(query: string): SearchTerms | null {
  const phrase = query.replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH)
  // a document number may be one digit
  if ([...phrase].length < SEARCH_MIN_LENGTH && !/^\d+$/.test(phrase)) return null
  const seen = new Set<string>()
  const terms: string[] = []
  for (const word of phrase.split(' ')) {
    const key = word.toLowerCase()
    if ([...word].length < 2 || seen.has(key)) continue
    seen.add(key)
    terms.push(word)
    if (terms.length === MAX_TERMS) break
  }
  if (terms.length === 0) terms.push(phrase)
  const numberKeys = /^\d{1,7}$/.test(phrase) ? [phrase.padStart(6, '0'), phrase.padStart(7, '0')] : []
  return { phrase, terms, numberKeys: [...new Set(numberKeys)] }
}

/** `a%b_c` → `a\%b\_c%`: a LIKE pattern matching what starts with the text. */
export const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** The page of a record in the web app. */
export function recordUrl(kind: TSearchKind, id: string, parentId: string | null, title: string): string {
  const q = (text: string) => encodeURIComponent(text)
  switch (kind) {
    case 'proposal':
      return `/proposals/${id}`
    case 'proposalStep':
      return `/proposals/${parentId ?? ''}`
    case 'workOrder':
      return `/work-orders/${id}`
    case 'workOrderStep':
      return `/work-orders/${parentId ?? ''}?tab=steps`
    case 'concept':
      return `/concepts?q=${q(title)}`
    case 'rentalProject':
      return `/rental/projects/${id}`
    case 'rentalClient':
      return `/rental/clients?q=${q(title)}`
    case 'equipment':
      // the title is `code · name`: the list finds it by code
      return `/rental/equipment?q=${q(title.split(' · ')[0] ?? title)}`
    case 'maintenanceSheet':
      return `/rental/maintenance-sheets/${id}`
    case 'custodyChain':
      return `/rental/custody-chains/${id}`
    case 'shippingGuide':
      return `/rental/shipping-guides/${id}`
  }
}

export type ScoredHit = Omit<TSearchHit, 'url'> & { parentId: string | null }

/**
 * Groups hits by kind (a record found twice once, with its best score): each group keeps its `perKind` best hits (score, then title); groups are ordered by
 * their best hit, ties in the order of SEARCH_KINDS.
 */
export function groupHits(
  hits: readonly ScoredHit[],
  perKind: number,
): { kind: TSearchKind; hits: ScoredHit[] }[] {
  // a record found by several passes counts once, with its best score
  const best = new Map<string, ScoredHit>()
  for (const h of hits) {
    const key = `${h.kind}:${h.id}`
    const seen = best.get(key)
    if (!seen || h.score > seen.score) best.set(key, h)
  }
  const byKind = new Map<TSearchKind, ScoredHit[]>()
  for (const h of best.values()) {
    const list = byKind.get(h.kind) ?? []
    list.push(h)
    byKind.set(h.kind, list)
  }
  const groups = [...byKind.entries()].map(([kind, list]) => ({
    kind,
    hits: [...list]
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'es') || a.id.localeCompare(b.id))
      .slice(0, perKind),
  }))
  const order = (k: TSearchKind) => SEARCH_KINDS.indexOf(k)
  return groups.sort(
    (a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0) || order(a.kind) - order(b.kind),
  )
}
