import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TCreateUserRequest, TUpdateUserRequest, TUser } from '@faena/contracts'
import { apiGet, apiPatch, apiPost } from '../../platform/api'

export type UsersListParams = {
  q?: string | undefined
  role?: string | undefined
  active?: 'true' | 'false' | undefined
  limit: number
  offset: number
}

export const usersKeys = {
  all: ['users'] as const,
  list: (p: UsersListParams) => ['users', 'list', p] as const,
}

export const usersListQuery = (p: UsersListParams) =>
  queryOptions({
    queryKey: usersKeys.list(p),
    queryFn: ({ signal }) => apiGet<{ items: TUser[]; total: number }>('/api/v1/users', { query: p, signal }),
    placeholderData: keepPreviousData,
  })

export const useCreateUser = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => apiPost<TUser>('/api/v1/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKeys.all }),
  })
}

export const useUpdateUser = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdateUserRequest }) =>
      apiPatch<TUser>(`/api/v1/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKeys.all }),
  })
}
