import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TCreateUserRequest, TRole, TUpdateUserRequest } from '@faena/contracts'
import { api } from '../../platform/api'

export type UsersListParams = {
  q?: string | undefined
  role?: TRole | undefined
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
    queryFn: ({ signal }) => api.get('/api/v1/users', { query: p, signal }),
    placeholderData: keepPreviousData,
  })

export const useCreateUser = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => api.post('/api/v1/users', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKeys.all }),
  })
}

export const useUpdateUser = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdateUserRequest }) =>
      api.patch('/api/v1/users/{id}', { path: { id }, body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKeys.all }),
  })
}
