import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api } from '../../platform/api'

export type AuditFilters = {
  userId?: string | undefined
  module?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  action?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilters & { limit: number; offset: number }) => ['audit', 'list', f] as const,
  users: ['audit', 'users'] as const,
}

export const auditListQuery = (f: AuditFilters & { limit: number; offset: number }) =>
  queryOptions({
    queryKey: auditKeys.list(f),
    queryFn: ({ signal }) => api.get('/api/v1/audit', { query: f, signal }),
    placeholderData: keepPreviousData,
  })

/** Users for the filter (needs `user.manage`; without it the filter is hidden). */
export const auditUsersQuery = queryOptions({
  queryKey: auditKeys.users,
  queryFn: ({ signal }) => api.get('/api/v1/users', { query: { limit: 500 }, signal }),
  staleTime: 5 * 60_000,
  retry: false,
})
