import { z } from 'zod'

/** What the global search finds (docs/search.md), in the order the groups are listed when scores tie. */
export const SEARCH_KINDS = [
  'proposal',
  'proposalStep',
  'workOrder',
  'workOrderStep',
  'concept',
  'rentalProject',
  'rentalClient',
  'equipment',
  'maintenanceSheet',
  'custodyChain',
  'shippingGuide',
] as const
export const ZSearchKind = z.enum(SEARCH_KINDS)
export type TSearchKind = z.infer<typeof ZSearchKind>

/** The shortest query searched, but for a document number (shorter ones answer an empty list). */
export const SEARCH_MIN_LENGTH = 2
export const SEARCH_MAX_LENGTH = 200

export const ZSearchQuery = z.object({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).default(''),
  /** only these kinds (comma separated); all the caller may read when absent */
  kinds: z
    .string()
    .max(400)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined
      const out: TSearchKind[] = []
      for (const part of v.split(',')) {
        const parsed = ZSearchKind.safeParse(part.trim())
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `tipo de resultado desconocido: ${part.trim()}` })
          return z.NEVER
        }
        out.push(parsed.data)
      }
      return out
    }),
  /** most hits per kind */
  perKind: z.coerce.number().int().min(1).max(50).default(5),
})
export type TSearchQuery = z.output<typeof ZSearchQuery>

export const ZSearchHit = z.object({
  kind: ZSearchKind,
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** the record's page in the web app */
  url: z.string(),
  /** relevance, higher first (comparable within one answer only) */
  score: z.number(),
})
export type TSearchHit = z.infer<typeof ZSearchHit>

export const ZSearchResult = z.object({
  /** the hits, grouped by kind: groups ordered by their best hit, hits by score */
  items: z.array(ZSearchHit),
  /** the kinds in the order they appear in `items`, with the hits of each */
  groups: z.array(z.object({ kind: ZSearchKind, count: z.number().int() })),
  /** false when the query was too short to search */
  searched: z.boolean(),
})
export type TSearchResult = z.infer<typeof ZSearchResult>
