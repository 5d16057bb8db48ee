/**
 * A select of the organization's active users (GET /api/v1/users/active): whom a step is assigned to, which
 * account a project manager is. A user who is no longer active but still chosen stays listed by name.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { SelectHTMLAttributes } from 'react'
import { api } from '../api'

export const activeUsersQuery = () =>
  queryOptions({
    queryKey: ['users', 'active'] as const,
    queryFn: ({ signal }) => api.get('/api/v1/users/active', { signal }),
    staleTime: 60_000,
  })

export type UserSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  /** the chosen user (id and the name the record shows), or null */
  value: { id: string; name: string } | null
  /** the text of the empty choice ("Sin asignar", "Sin usuario") */
  emptyLabel: string
  onChange: (userId: string | null) => void
}

export const UserSelect = ({ value, emptyLabel, onChange, ...rest }: UserSelectProps) => {
  const users = useQuery(activeUsersQuery())
  const items = users.data?.items ?? []
  const missing = value && !items.some((u) => u.id === value.id) ? value : null
  return (
    <select
      {...rest}
      value={value?.id ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {missing ? <option value={missing.id}>{missing.name}</option> : null}
      {items.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  )
}
