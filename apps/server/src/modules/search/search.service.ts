import type { TSearchQuery, TSearchResult } from '@faena/contracts'
import { can, type Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { findDocuments } from './search.repository'
import { groupHits, recordUrl, searchableKinds, searchTerms } from './search-rules'

export type SearchServiceDeps = { db: Db }

export type SearchOptions = { actor: Actor; query: TSearchQuery }

/** The global search (docs/search.md): one query over every kind the caller may read in its organization. */
export function createSearchService({ db }: SearchServiceDeps) {
  async function search({ actor, query }: SearchOptions): Promise<TSearchResult> {
    const { q, kinds: requested, perKind } = query
    const terms = searchTerms(q)
    if (!terms) return { items: [], groups: [], searched: false }
    const org = await findOrganizationById(db, actor.orgId)
    const kinds = searchableKinds({
      can: (permission) => can(actor, permission),
      linesOfBusiness: org?.linesOfBusiness ?? [],
      requested,
    })
    const hits = await db
      .transaction()
      .execute((trx) => findDocuments(trx, { orgId: actor.orgId, kinds, query: terms, perKind }))
    const groups = groupHits(hits, perKind)
    return {
      items: groups.flatMap((g) =>
        g.hits.map((h) => ({
          kind: h.kind,
          id: h.id,
          title: h.title,
          subtitle: h.subtitle,
          url: recordUrl(h.kind, h.id, h.parentId, h.title),
          score: h.score,
        })),
      ),
      groups: groups.map((g) => ({ kind: g.kind, count: g.hits.length })),
      searched: true,
    }
  }
  return { search }
}
export type SearchService = ReturnType<typeof createSearchService>
