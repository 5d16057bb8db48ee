import { sql, type AliasedRawBuilder, type Expression } from 'kysely'

/**
 * Lists answer a page and the total matching their filters (docs/platform.md#lists) in one round trip: the
 * count, with the same filters, rides on the page query as an uncorrelated scalar subquery, which PostgreSQL
 * computes once (an InitPlan) and repeats on every row of the page. `listTotal(count)` is that column.
 */
export const listTotal = (count: Expression<unknown>): AliasedRawBuilder<string, 'list_total'> =>
  sql<string>`(${count})`.as('list_total')

/**
 * The total of a page read with `listTotal`: from its first row; an empty first page has none; only a page
 * past the end (no row to carry it) runs `count` on its own.
 */
export async function pageTotal(
  rows: readonly { list_total: string }[],
  page: { offset: number },
  count: () => Promise<number>,
): Promise<number> {
  const first = rows[0]
  if (first) return Number(first.list_total)
  if (page.offset === 0) return 0
  return count()
}

/** The page's rows without the total they carried. */
export const withoutTotal = <R extends { list_total: string }>(rows: readonly R[]): Omit<R, 'list_total'>[] =>
  rows.map(({ list_total: _, ...row }) => row)
