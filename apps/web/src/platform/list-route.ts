/**
 * The state every list page keeps in its URL (filters, sort, page), read and written one way.
 *
 *   const search = useSearch({ from: '/app/rental/billing-sheets' })
 *   const list = useListRoute(search, ['q', 'status', 'projectId'])
 *   const query = useQuery(sheetListQuery({ ...params, limit: list.limit, offset: list.offset }))
 *   <FilterBar active={list.filtered} onClear={list.clearFilters}>
 *     <SearchInput value={search.q ?? ''} onChange={(q) => list.setSearch({ q: q || undefined })} />
 *   <DataTable {...list.tableProps(query.data?.total)} ... />
 *
 * Changing a filter goes back to the first page; paging keeps the filters; empty values leave the URL
 * (`cleanSearch`); the history entry is replaced, so Back leaves the list instead of undoing each keystroke.
 */
import { useNavigate, useRouterState } from '@tanstack/react-router'
import type { SortState } from './components/data-table'
import { cleanSearch, pageOf } from './list-search'

export type ListSearch = {
  limit?: number | undefined
  offset?: number | undefined
  sort?: string | undefined
  dir?: 'asc' | 'desc' | undefined
}

export type ListRoute<S extends ListSearch> = {
  limit: number
  offset: number
  /** Any of the page's filters is set (the empty state then says "nothing matches", with a clear button). */
  filtered: boolean
  /** Merges `patch` into the URL; a filter change (`resetPage`, the default) goes back to the first page. */
  setSearch: (patch: Partial<S>, resetPage?: boolean) => void
  clearFilters: () => void
  sort: SortState | undefined
  /** Sort, pagination and empty-filtered props for `DataTable`. */
  tableProps: (total: number | undefined) => {
    sort: SortState | undefined
    onSortChange: (sort: SortState) => void
    emptyFiltered: boolean
    pagination: {
      total: number | undefined
      limit: number
      offset: number
      onPageChange: (offset: number) => void
      onLimitChange: (limit: number) => void
    }
  }
}

export const useListRoute = <S extends ListSearch>(
  search: S,
  filterKeys: readonly (keyof S & string)[],
): ListRoute<S> => {
  const navigate = useNavigate()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const { limit, offset } = pageOf(search)

  const setSearch = (patch: Partial<S>, resetPage = true) =>
    void navigate({
      to: pathname,
      // the route's own validateSearch types the result; the patch is a subset of this route's search
      search: ((prev: S) =>
        cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) })) as never,
      replace: true,
    })

  const filtered = filterKeys.some((k) => search[k] !== undefined)
  const clearFilters = () =>
    setSearch(Object.fromEntries(filterKeys.map((k) => [k, undefined])) as Partial<S>)
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const tableProps = (total: number | undefined) => ({
    sort,
    onSortChange: (s: SortState) => setSearch({ sort: s.key, dir: s.dir } as Partial<S>),
    emptyFiltered: filtered,
    pagination: {
      total,
      limit,
      offset,
      onPageChange: (o: number) => setSearch({ offset: o || undefined } as Partial<S>, false),
      onLimitChange: (l: number) => setSearch({ limit: l, offset: undefined } as Partial<S>),
    },
  })

  return { limit, offset, filtered, setSearch, clearFilters, sort, tableProps }
}
