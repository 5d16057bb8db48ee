import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TApiTokenCreate } from '@faena/contracts'
import { api } from '../../platform/api'

const tokensKey = ['api-tokens'] as const

export const apiTokensQuery = () =>
  queryOptions({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get('/api/v1/admin/api-tokens', { signal }),
  })

export const feedDatasetsQuery = () =>
  queryOptions({
    queryKey: ['feed-datasets'],
    queryFn: ({ signal }) => api.get('/api/v1/admin/feed-datasets', { signal }),
    staleTime: Infinity,
  })

export const useCreateApiToken = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TApiTokenCreate) => api.post('/api/v1/admin/api-tokens', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  })
}

export const useRevokeApiToken = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/v1/admin/api-tokens/{id}', { path: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  })
}
