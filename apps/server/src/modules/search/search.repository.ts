import { sql, type RawBuilder } from 'kysely'
import { SEARCH_KINDS, type TSearchKind } from '@faena/contracts'
import type { ReferenceRow, ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'
import { leaveRowSecurityForTransaction } from '../../platform/db/org-scope'
import { likePrefix, type ScoredHit, type SearchTerms } from './search-rules'

/** Word similarity (pg_trgm) a term needs with some extent of a document in the typo pass. */
export const WORD_SIMILARITY_THRESHOLD = 0.5
/** Documents scored per pass at most: past that many matches, typing more narrows better than ranking. */
export const MAX_CANDIDATES = 2000
/** Documents whose title starts with the query (or is the number typed) scored at most. */
export const MAX_TITLE_CANDIDATES = 200
/**
 * Index entries the typo pass reads at most (`gin_fuzzy_search_limit`): a word made of common trigrams
 * would otherwise have the index return most of the table to recheck. Past it the index returns a sample,
 * so a typo in a word of very common letters may miss some records (docs/search.md#matching-and-ranking).
 */
export const TYPO_INDEX_LIMIT = 20_000
/** The typo pass runs when the exact pass found fewer documents than this. */
export const TYPO_PASS_BELOW = 10

export type FindDocumentsOptions = {
  orgId: string
  kinds: readonly TSearchKind[]
  query: SearchTerms
  perKind: number
}

type Row = {
  kind: TSearchKind
  record_id: string
  parent_id: string | null
  title: string
  subtitle: string | null
  score: number
}

/** Words the trigram index can look up (two-letter words only filter what the others found). */
const indexable = (terms: readonly string[]) => terms.filter((t) => [...t].length >= 3)

/**
 * The best documents of each kind for a query (docs/search.md#matching-and-ranking), on the service's
 * transaction (the typo threshold and the role are SET LOCAL). Runs as the database user, not bound by the
 * row-level security policy: `o.orgId` is the only thing that keeps organizations apart here. Three passes, each on an index:
 *  1. title: the title starts with the query, or is the document number typed without its zeros (btree);
 *  2. exact: every word appears in the text, accents and case aside (trigram GIN, LIKE);
 *  3. typo: only when the exact pass found few and no title is the query, every word of 3+ letters without
 *     digits is similar to some extent of the text (trigram GIN, word similarity ≥
 *     WORD_SIMILARITY_THRESHOLD), the other words appear as typed.
 * Each pass scores at most MAX_CANDIDATES documents (the index order, not the best ones: a query that
 * common is one to narrow) and keeps the `perKind` best of each kind; the caller merges the passes.
 * Score = mean word similarity of the words + 2 (the title is the query) or 1 (the title starts with it)
 * + 0.5 (the query appears as typed, accents and case aside).
 */
export async function findDocuments(trx: Executor, o: FindDocumentsOptions): Promise<ScoredHit[]> {
  if (o.kinds.length === 0) return []
  // Under the row-level security policy PostgreSQL may not use LIKE / %> (not leakproof) as index conditions
  // and reads the whole table (49 ms instead of 2 ms on 148,000 rows: bench/README.md); every pass filters
  // `org_id` itself, so this transaction runs as the database user (docs/search.md#organizations-and-row-level-security).
  await leaveRowSecurityForTransaction(trx)
  const { terms, phrase, numberKeys } = o.query
  const byTitle = await scoredPass(
    trx,
    o,
    sql`(d.title_key LIKE search_fold(${likePrefix(phrase)})${
      numberKeys.length > 0 ? sql` OR d.title_key IN (${sql.join(numberKeys.map((k) => sql`${k}`))})` : sql``
    })`,
    MAX_TITLE_CANDIDATES,
  )
  const long = indexable(terms)
  if (long.length === 0) return byTitle
  const contains = (t: string) => sql`d.search_text LIKE '%' || search_fold(${likeText(t)}) || '%'`
  const exact = await scoredPass(trx, o, sql.join(terms.map(contains), sql` AND `), MAX_CANDIDATES)
  // no typo pass when enough was found, when the query is a record's exact title (a code typed right), or
  // when no word could have a typo (words with digits are codes and numbers: `0002` is not `0003`)
  const fuzzy = long.filter((t) => !/\d/.test(t))
  if (exact.length >= TYPO_PASS_BELOW || byTitle.some((h) => h.score >= 2) || fuzzy.length === 0)
    return [...byTitle, ...exact]
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
    set_config('gin_fuzzy_search_limit', ${String(TYPO_INDEX_LIMIT)}, true)`.execute(trx)
  const similar = (t: string) => (fuzzy.includes(t) ? sql`d.search_text %> search_fold(${t})` : contains(t))
  const typo = await scoredPass(trx, o, sql.join(terms.map(similar), sql` AND `), MAX_CANDIDATES)
  return [...byTitle, ...exact, ...typo]
}

/** `50%` → `50\%`: text matched literally inside a LIKE pattern. */
const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

async function scoredPass(
  trx: Executor,
  o: FindDocumentsOptions,
  match: RawBuilder<unknown>,
  limit: number,
): Promise<ScoredHit[]> {
  const { terms, phrase } = o.query
  const similarity = sql.join(
    terms.map((t) => sql`word_similarity(search_fold(${t}), c.search_text)`),
    sql` + `,
  )
  const rows = await sql<Row>`
    WITH p AS MATERIALIZED (SELECT search_fold(${phrase}) AS q, search_fold(${likePrefix(phrase)}) AS prefix),
    candidates AS (
      SELECT d.kind, d.record_id, d.parent_id, d.title, d.subtitle, d.title_key, d.search_text
      FROM search_documents d
      WHERE d.org_id = ${o.orgId} AND d.kind IN (${sql.join(o.kinds.map((k) => sql`${k}`))}) AND ${match}
      LIMIT ${limit}
    ),
    scored AS (
      SELECT c.kind, c.record_id, c.parent_id, c.title, c.subtitle,
        (${similarity}) / ${terms.length}::real
          + CASE WHEN c.title_key = p.q THEN 2 WHEN c.title_key LIKE p.prefix THEN 1 ELSE 0 END
          + CASE WHEN strpos(c.search_text, p.q) > 0 THEN 0.5 ELSE 0 END AS score
      FROM candidates c, p
    ),
    ranked AS (
      SELECT s.*, row_number() OVER (PARTITION BY s.kind ORDER BY s.score DESC, s.title) AS rank
      FROM scored s
    )
    SELECT kind, record_id, parent_id, title, subtitle, score::float8 AS score
    FROM ranked WHERE rank <= ${o.perKind}`.execute(trx)
  return rows.rows.map((r) => ({
    kind: r.kind,
    id: r.record_id,
    parentId: r.parent_id,
    title: r.title,
    subtitle: r.subtitle,
    score: Math.round(Number(r.score) * 1000) / 1000,
  }))
}

/**
 * Titles of indexed records (proposals, work orders, steps, concepts, rental clients, projects, equipment,
 * field documents) for the audit history: the index already holds each record's display title. Every kind is
 * named so that the primary key `(kind, record_id)` finds the ids (kinds × ids look-ups): without it, a page of
 * the audit log read the whole index (a sequential scan of ~150,000 rows, 62 ms, in the API load bench).
 */
export const searchReferenceSource: ReferenceSource = (orgId, ids) =>
  sql<ReferenceRow>`(SELECT record_id::text AS id, title AS name FROM search_documents
    WHERE kind = ANY(${[...SEARCH_KINDS]}::text[]) AND record_id = ANY(${ids}::uuid[]) AND org_id = ${orgId})`
