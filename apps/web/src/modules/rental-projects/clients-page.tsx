import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type TRentalClient } from '@faena/contracts'
import {
  Button,
  DataTable,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  type Column,
  type SortState,
  JobExportButton,
  ListCount,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { clientListQuery, exportUrls } from './api'
import type { ClientsSearch } from './routes'
import { ClientDialog } from './client-dialog'

export const ClientsPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const search = useSearch({ from: '/app/rental/clients' })
  const navigate = useNavigate({ from: '/rental/clients' })
  const { limit, offset } = pageOf(search)
  const [dialog, setDialog] = useState<{ client: TRentalClient | null } | null>(null)
  const params = { q: search.q, sort: search.sort, dir: search.dir }
  const list = useQuery(clientListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<ClientsSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const columns: Column<TRentalClient>[] = [
    {
      key: 'name',
      header: t('clients.fields.name'),
      sortable: true,
      cell: (c) => (
        <div>
          <span className="cell-strong">{c.name}</span>
          {c.address ? <span className="rp-sub">{c.address}</span> : null}
        </div>
      ),
    },
    {
      key: 'taxId',
      header: t('clients.fields.taxId'),
      sortable: true,
      width: '11rem',
      cell: (c) => (
        <div>
          <span className="rp-code">{c.taxId}</span>
          <span className="rp-sub">{t(`clients.taxIdKinds.${c.taxIdKind}`)}</span>
        </div>
      ),
    },
    {
      key: 'contact',
      header: t('clients.fields.contacts'),
      cell: (c) => (
        <div>
          <span>{c.contacts[0]?.name ?? c.email ?? t('common.none')}</span>
          {c.phone ? <span className="rp-sub">{c.phone}</span> : null}
        </div>
      ),
    },
    {
      key: 'projects',
      header: t('clients.projects'),
      width: '10rem',
      cell: (c) =>
        c.projectCount > 0 ? (
          <div>
            <span>{t('clients.projectCount', { count: c.projectCount })}</span>
            <span className="rp-sub">
              <StatusBadge tone={c.openProjectCount > 0 ? 'success' : 'neutral'}>
                {t('clients.openCount', { count: c.openProjectCount })}
              </StatusBadge>
            </span>
          </div>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        actions={
          can('rental.manage') ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setDialog({ client: null })}
              data-testid="new-client"
            >
              {t('clients.new')}
            </Button>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={Boolean(search.q)}
          onClear={() => setSearch({ q: undefined })}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.clients}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('clients.search')}
            placeholder={t('clients.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rp-search"
          />
        </FilterBar>
        <DataTable
          caption={t('clients.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={can('rental.manage') ? (c) => setDialog({ client: c }) : undefined}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as ClientsSearch['sort'], dir: s.dir })}
          empty={search.q ? t('clients.emptyFiltered') : t('clients.empty')}
          emptyFiltered={Boolean(search.q)}
          pagination={{
            total: list.data?.total,
            limit,
            offset,
            onPageChange: (o) => setSearch({ offset: o || undefined }, false),
            onLimitChange: (l) => setSearch({ limit: l, offset: undefined }),
          }}
        />
      </section>
      {dialog ? <ClientDialog client={dialog.client} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}
