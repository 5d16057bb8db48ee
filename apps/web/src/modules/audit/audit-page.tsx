import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TAuditEntry } from '@faena/contracts'
import {
  DataTable,
  JobExportButton,
  Filter,
  FilterBar,
  PageHeader,
  SearchInput,
  type Column,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat, useMe } from '../../platform/session'
import { auditListQuery, auditUsersQuery, type AuditFilters } from './audit-api'
import { AuditActor } from './audit-actor'
import { AuditDetail } from './audit-detail'
import { useAuditLabels } from './audit-labels'
import { auditModulesFor, KNOWN_ACTIONS } from './i18n'
import type { AuditSearch } from './routes'

const FILTER_KEYS = ['userId', 'module', 'entityType', 'entityId', 'action', 'from', 'to'] as const

const filtersOf = (s: AuditSearch): AuditFilters => ({
  userId: s.userId,
  module: s.module,
  entityType: s.entityType,
  entityId: s.entityId,
  action: s.action,
  from: s.from,
  to: s.to,
})

export const AuditPage = () => {
  const { t } = useTranslation(['audit', 'platform'])
  const fmt = useFormat()
  const labels = useAuditLabels()
  const has = useCan()
  const me = useMe()
  const id = useId()
  const search = useSearch({ from: '/app/audit' })
  const route = useListRoute(search, FILTER_KEYS)
  const { setSearch, filtered } = route
  const filters = filtersOf(search)

  const list = useQuery(auditListQuery({ ...filters, limit: route.limit, offset: route.offset }))
  const canListUsers = has('user.manage')
  const users = useQuery({ ...auditUsersQuery, enabled: canListUsers })

  const orgModules = auditModulesFor(me.organization.linesOfBusiness)
  const moduleOptions =
    search.module && !orgModules.includes(search.module) ? [...orgModules, search.module] : orgModules

  const columns: Column<TAuditEntry>[] = [
    {
      key: 'at',
      header: t('columns.at'),
      width: '11.5rem',
      cell: (e) => <span className="nowrap">{fmt.dateTime(e.at, { seconds: true })}</span>,
    },
    {
      key: 'user',
      header: t('columns.user'),
      cell: (e) => <AuditActor entry={e} />,
    },
    {
      key: 'action',
      header: t('columns.action'),
      cell: (e) => {
        const summary = labels.summary(e)
        return (
          <span className="cell-strong" title={e.action}>
            {labels.action(e)}
            {summary ? <span className="audit-summary">{summary}</span> : null}
          </span>
        )
      },
    },
    { key: 'module', header: t('columns.module'), width: '9rem', cell: (e) => labels.moduleName(e.module) },
    {
      key: 'entity',
      header: t('columns.entity'),
      width: '13rem',
      cell: (e) => (
        <span>
          {labels.entity(e.module, e.entityType)}
          {e.entityId && e.refs[e.entityId] ? (
            <span className="muted" title={e.entityId}>
              {' '}
              {e.refs[e.entityId]}
            </span>
          ) : e.entityId ? (
            <span className="mono muted" title={e.entityId}>
              {' '}
              {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: 'ip',
      header: t('columns.ip'),
      width: '8rem',
      cell: (e) => <span className="mono">{e.ip ?? '—'}</span>,
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<JobExportButton size="md" url="/api/v1/audit/export" body={filters} />}
      />
      <section className="card card--flush">
        <FilterBar active={filtered} onClear={route.clearFilters}>
          {canListUsers && !users.isError ? (
            <Filter label={t('filters.user')} htmlFor={`${id}-user`}>
              <select
                id={`${id}-user`}
                className="input"
                value={search.userId ?? ''}
                onChange={(e) => setSearch({ userId: e.target.value || undefined })}
              >
                <option value="">{t('filters.allUsers')}</option>
                {(users.data?.items ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} · {u.email}
                  </option>
                ))}
              </select>
            </Filter>
          ) : null}
          <Filter label={t('filters.module')} htmlFor={`${id}-module`}>
            <select
              id={`${id}-module`}
              className="input"
              value={search.module ?? ''}
              onChange={(e) => setSearch({ module: e.target.value || undefined })}
            >
              <option value="">{t('filters.allModules')}</option>
              {moduleOptions.map((m) => (
                <option key={m} value={m}>
                  {labels.moduleName(m)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('filters.action')} htmlFor={`${id}-action`}>
            <SearchInput
              id={`${id}-action`}
              icon={false}
              value={search.action ?? ''}
              placeholder={t('filters.actionPlaceholder')}
              suggestions={KNOWN_ACTIONS}
              onChange={(v) => setSearch({ action: v || undefined })}
            />
          </Filter>
          <Filter label={t('filters.entityType')} htmlFor={`${id}-etype`}>
            <SearchInput
              id={`${id}-etype`}
              icon={false}
              value={search.entityType ?? ''}
              onChange={(v) => setSearch({ entityType: v || undefined })}
            />
          </Filter>
          <Filter label={t('filters.entityId')} htmlFor={`${id}-eid`}>
            <SearchInput
              id={`${id}-eid`}
              icon={false}
              value={search.entityId ?? ''}
              onChange={(v) => setSearch({ entityId: v || undefined })}
            />
          </Filter>
          <Filter label={t('filters.from')} htmlFor={`${id}-from`}>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={search.from ?? ''}
              max={search.to}
              onChange={(e) => setSearch({ from: e.target.value || undefined })}
            />
          </Filter>
          <Filter label={t('filters.to')} htmlFor={`${id}-to`}>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={search.to ?? ''}
              min={search.from}
              onChange={(e) => setSearch({ to: e.target.value || undefined })}
            />
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('caption')}
          dense
          fixedLayout
          columns={columns}
          rows={list.data?.items}
          rowKey={(e) => e.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          renderExpanded={(e) => <AuditDetail entry={e} />}
          empty={filtered ? undefined : t('empty')}
          {...route.tableProps(list.data?.total)}
        />
      </section>
    </div>
  )
}
