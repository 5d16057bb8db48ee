import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TApiToken,
  TApiTokenCreate,
  TApiTokenCreated,
  TApiTokenList,
  TFeedDatasets,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPost } from '../../platform/api'

const tokensKey = ['api-tokens'] as const

export const apiTokensQuery = () =>
  queryOptions({
    queryKey: tokensKey,
    queryFn: ({ signal }) => apiGet<TApiTokenList>('/api/v1/admin/api-tokens', { signal }),
  })

export const feedDatasetsQuery = () =>
  queryOptions({
    queryKey: ['feed-datasets'],
    queryFn: ({ signal }) => apiGet<TFeedDatasets>('/api/v1/admin/feed-datasets', { signal }),
    staleTime: Infinity,
  })

export const useCreateApiToken = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TApiTokenCreate) => apiPost<TApiTokenCreated>('/api/v1/admin/api-tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  })
}

export const useRevokeApiToken = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete<TApiToken>(`/api/v1/admin/api-tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  })
}
