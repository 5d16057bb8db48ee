import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api } from '../../platform/api'

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => api.get('/api/v1/search', { query: { q }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
