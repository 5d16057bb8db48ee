import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { TOffshoreDashboardQuery, TRentalDashboardQuery } from '@faena/contracts'
import { api } from '../../platform/api'

export const offshoreDashboardQuery = (query: TOffshoreDashboardQuery) =>
  queryOptions({
    queryKey: ['insights', 'offshore', query] as const,
    queryFn: ({ signal }) => api.get('/api/v1/insights/offshore', { query, signal }),
    placeholderData: keepPreviousData,
  })

export const rentalDashboardQuery = (query: TRentalDashboardQuery) =>
  queryOptions({
    queryKey: ['insights', 'rental', query] as const,
    queryFn: ({ signal }) => api.get('/api/v1/insights/rental', { query, signal }),
    placeholderData: keepPreviousData,
  })

export type Option = { id: string; name: string }

/** The filter's choices: offshore clients, fronts and sites (catalogs), rental clients. */
export const optionsQuery = (kind: 'clients' | 'fronts' | 'sites' | 'rental-clients') =>
  queryOptions({
    queryKey: ['insights', 'options', kind] as const,
    queryFn: async ({ signal }): Promise<{ items: Option[] }> =>
      kind === 'rental-clients'
        ? api.get('/api/v1/rental/clients', { query: { limit: 500, sort: 'name' }, signal })
        : api.get(`/api/v1/catalogs/${kind}`, { query: { limit: 500 }, signal }),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  })
