import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { TSearchResult } from '@faena/contracts'
import { apiGet } from '../../platform/api'

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => apiGet<TSearchResult>('/api/v1/search', { query: { q }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
