import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  RouterProvider,
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  useSearch,
} from '@tanstack/react-router'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useListRoute } from './list-route'
import { pageSearch, searchParam, searchText, sortSearch } from './list-search'

const ZSearch = z.object({
  q: searchText(),
  status: searchParam(z.enum(['open', 'closed'])),
  ...sortSearch,
  ...pageSearch,
})
type Search = z.infer<typeof ZSearch>
const FILTER_KEYS = ['q', 'status'] as const

const ListPage = () => {
  const search: Search = useSearch({ strict: false })
  const list = useListRoute(search, FILTER_KEYS)
  const table = list.tableProps(500)
  return (
    <div>
      <p data-testid="state">
        {JSON.stringify({ filtered: list.filtered, limit: list.limit, offset: list.offset, sort: list.sort })}
      </p>
      <button onClick={() => list.setSearch({ q: 'grúa' })}>filter q</button>
      <button onClick={() => list.setSearch({ status: 'open' })}>filter status</button>
      <button onClick={() => list.setSearch({ q: '' })}>empty q</button>
      <button onClick={() => table.pagination.onPageChange(100)}>page 3</button>
      <button onClick={() => table.pagination.onLimitChange(25)}>limit 25</button>
      <button onClick={() => table.onSortChange({ key: 'name', dir: 'desc' })}>sort</button>
      <button onClick={list.clearFilters}>clear</button>
    </div>
  )
}

const setup = async (initial: string) => {
  const rootRoute = createRootRoute()
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/things',
    validateSearch: (s: Record<string, unknown>): Search => ZSearch.parse(s),
    component: ListPage,
  })
  const router = createRouter({
    routeTree: rootRoute.addChildren([listRoute]),
    history: createMemoryHistory({ initialEntries: [initial] }),
  })
  render(<RouterProvider router={router} />)
  await act(() => router.load())
  await screen.findByTestId('state')
  const url = () => router.state.location.search as Record<string, unknown>
  const state = () => JSON.parse(screen.getByTestId('state').textContent ?? '{}') as Record<string, unknown>
  return { router, url, state }
}

const click = async (name: string) => {
  await userEvent.setup().click(screen.getByRole('button', { name }))
}

describe('useListRoute', () => {
  it('writes a filter change to the URL and goes back to the first page', async () => {
    const { url, state, router } = await setup('/things?offset=100&limit=50&sort=name&dir=asc')
    expect(state()).toMatchObject({ filtered: false, offset: 100, limit: 50 })
    const entries = router.history.length
    await click('filter q')
    expect(url()).toEqual({ q: 'grúa', limit: 50, sort: 'name', dir: 'asc' })
    expect(state()).toMatchObject({ filtered: true, offset: 0 })
    // the history entry is replaced: Back leaves the list instead of undoing the keystroke
    expect(router.history.length).toBe(entries)
  })

  it('keeps the filters when paging, and a new page size goes back to the first page', async () => {
    const { url, state } = await setup('/things?q=grua&status=open')
    await click('page 3')
    expect(url()).toEqual({ q: 'grua', status: 'open', offset: 100 })
    expect(state()).toMatchObject({ filtered: true, offset: 100 })
    await click('limit 25')
    expect(url()).toEqual({ q: 'grua', status: 'open', limit: 25 })
    expect(state()).toMatchObject({ limit: 25, offset: 0 })
  })

  it('clearFilters empties the filters and keeps the sort', async () => {
    const { url, state } = await setup('/things?q=grua&status=closed&sort=name&dir=desc&offset=50')
    expect(state()).toMatchObject({ filtered: true })
    await click('clear')
    expect(url()).toEqual({ sort: 'name', dir: 'desc' })
    expect(state()).toMatchObject({ filtered: false, offset: 0 })
  })

  it('writes the sort as sort/dir and reads it back', async () => {
    const { url, state } = await setup('/things?status=open')
    expect(state().sort).toBeUndefined()
    await click('sort')
    expect(url()).toEqual({ status: 'open', sort: 'name', dir: 'desc' })
    expect(state().sort).toEqual({ key: 'name', dir: 'desc' })
  })

  it('drops empty values from the URL', async () => {
    const { url, state } = await setup('/things?q=grua&status=open')
    await click('empty q')
    expect(url()).toEqual({ status: 'open' })
    expect(state()).toMatchObject({ filtered: true })
    await click('clear')
    expect(url()).toEqual({})
    expect(state()).toMatchObject({ filtered: false })
  })
})
