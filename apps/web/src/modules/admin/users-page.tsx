import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ROLES, type TUser } from '@faena/contracts'
import {
  Button,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  type Column,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useFormat, useMe } from '../../platform/session'
import type { UsersSearch } from './routes'
import { CreateUserDialog } from './create-user-dialog'
import { EditUserDialog } from './edit-user-dialog'
import { usersListQuery } from './users-api'

const FILTER_KEYS = ['q', 'role', 'active'] as const

export const UsersPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const me = useMe()
  const id = useId()
  const search = useSearch({ from: '/app/admin/users' })
  const route = useListRoute(search, FILTER_KEYS)
  const { limit, offset, setSearch, filtered } = route
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<TUser | null>(null)

  const list = useQuery(
    usersListQuery({ q: search.q, role: search.role, active: search.active, limit, offset }),
  )

  const columns: Column<TUser>[] = [
    {
      key: 'name',
      header: t('users.name'),
      cell: (u) => (
        <span className="cell-strong">
          {u.name}
          {u.id === me.user.id ? <span className="muted"> ({t('users.you')})</span> : null}
        </span>
      ),
    },
    { key: 'email', header: t('users.email'), cell: (u) => u.email },
    { key: 'role', header: t('users.role'), cell: (u) => t(`platform:roles.${u.role}`), width: '11rem' },
    {
      key: 'active',
      header: t('users.status'),
      width: '8rem',
      cell: (u) =>
        u.active ? (
          <StatusBadge tone="success">{t('users.active')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('users.inactive')}</StatusBadge>
        ),
    },
    {
      key: 'lastLoginAt',
      header: t('users.lastLogin'),
      width: '11rem',
      cell: (u) =>
        u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : <span className="muted">{t('users.never')}</span>,
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)}>
            {t('users.newUser')}
          </Button>
        }
      />
      <section className="card card--flush">
        <FilterBar active={filtered} onClear={route.clearFilters}>
          <SearchInput
            value={search.q ?? ''}
            label={t('users.searchLabel')}
            onChange={(q) => setSearch({ q: q || undefined })}
          />
          <Filter label={t('users.role')} htmlFor={`${id}-role`}>
            <select
              id={`${id}-role`}
              className="input"
              value={search.role ?? ''}
              onChange={(e) => setSearch({ role: (e.target.value || undefined) as UsersSearch['role'] })}
            >
              <option value="">{t('users.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`platform:roles.${r}`)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('users.status')} htmlFor={`${id}-active`}>
            <select
              id={`${id}-active`}
              className="input"
              value={search.active ?? ''}
              onChange={(e) => setSearch({ active: (e.target.value || undefined) as UsersSearch['active'] })}
            >
              <option value="">{t('users.allStatuses')}</option>
              <option value="true">{t('users.active')}</option>
              <option value="false">{t('users.inactive')}</option>
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('users.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(u) => u.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={setEditing}
          empty={filtered ? undefined : t('users.empty')}
          {...route.tableProps(list.data?.total)}
        />
      </section>
      {creating ? <CreateUserDialog onClose={() => setCreating(false)} /> : null}
      {editing ? (
        <EditUserDialog
          key={editing.id}
          user={editing}
          isSelf={editing.id === me.user.id}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  )
}
