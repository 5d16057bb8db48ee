import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TRentalProject } from '@faena/contracts'
import {
  Button,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  type Column,
  type SortState,
  JobExportButton,
  ListCount,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { clientOptionsQuery, exportUrls, projectListQuery } from './api'
import { ProjectDialog } from './project-dialog'
import type { ProjectsSearch } from './routes'
import { ProjectStatusBadge, todayIn } from './ui'

export const ProjectsPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/rental/projects' })
  const navigate = useNavigate({ from: '/rental/projects' })
  const { limit, offset } = pageOf(search)
  const [creating, setCreating] = useState(false)
  const clients = useQuery(clientOptionsQuery())
  const params = {
    q: search.q,
    status: search.status,
    clientId: search.clientId,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(projectListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<ProjectsSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const filtered = Boolean(search.q || search.status || search.clientId)
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const columns: Column<TRentalProject>[] = [
    {
      key: 'name',
      header: t('projects.fields.name'),
      sortable: true,
      cell: (p) => (
        <div>
          <Link
            to="/rental/projects/$id"
            params={{ id: p.id }}
            className="cell-strong"
            onClick={(e) => e.stopPropagation()}
          >
            {p.name}
          </Link>
          {p.contactName ? <span className="rp-sub">{p.contactName}</span> : null}
        </div>
      ),
    },
    {
      key: 'client',
      header: t('projects.fields.client'),
      sortable: true,
      cell: (p) => (
        <div>
          <span>{p.client.name}</span>
          <span className="rp-sub rp-code">{p.client.taxId}</span>
        </div>
      ),
    },
    {
      key: 'location',
      header: t('projects.fields.location'),
      sortable: true,
      width: '10rem',
      cell: (p) => (
        <div>
          <span>{p.location ?? t('common.none')}</span>
          {p.cardinalPoint ? <span className="rp-sub">{t(`cardinal.${p.cardinalPoint}`)}</span> : null}
        </div>
      ),
    },
    {
      key: 'startDate',
      header: t('projects.fields.startDate'),
      sortable: true,
      width: '8.5rem',
      cell: (p) => (
        <div>
          <span className="nowrap">{fmt.date(p.startDate)}</span>
          {p.endDate ? <span className="rp-sub nowrap">→ {fmt.date(p.endDate)}</span> : null}
        </div>
      ),
    },
    {
      key: 'status',
      header: t('projects.status'),
      width: '6.5rem',
      cell: (p) => <ProjectStatusBadge closed={p.closed} />,
    },
    {
      key: 'equipment',
      header: t('projects.fields.equipment'),
      align: 'end',
      width: '7rem',
      cell: (p) => (
        <div>
          <span>{fmt.integer(p.activeEquipment)}</span>
          <span className="rp-sub">{t('projects.servicesCount', { count: p.activeServices })}</span>
        </div>
      ),
    },
    {
      key: 'dailyRental',
      header: t('projects.fields.dailyRental'),
      align: 'end',
      width: '8rem',
      cell: (p) => <span className="nowrap">{fmt.money(p.dailyRental, 'USD')}</span>,
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        actions={
          can('rental.manage') ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setCreating(true)}
              data-testid="new-project"
            >
              {t('projects.new')}
            </Button>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() => setSearch({ q: undefined, status: undefined, clientId: undefined })}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.projects}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('projects.search')}
            placeholder={t('projects.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rp-search"
          />
          <Filter label={t('projects.status')} htmlFor={`${id}-status`}>
            <select
              id={`${id}-status`}
              className="input"
              value={search.status ?? ''}
              onChange={(e) =>
                setSearch({ status: (e.target.value || undefined) as ProjectsSearch['status'] })
              }
            >
              <option value="">{t('common.all')}</option>
              <option value="open">{t('common.open')}</option>
              <option value="closed">{t('common.closed')}</option>
            </select>
          </Filter>
          <Filter label={t('projects.client')} htmlFor={`${id}-client`}>
            <select
              id={`${id}-client`}
              className="input"
              value={search.clientId ?? ''}
              onChange={(e) => setSearch({ clientId: e.target.value || undefined })}
            >
              <option value="">{t('common.all')}</option>
              {(clients.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('projects.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(p) => void navigate({ to: '/rental/projects/$id', params: { id: p.id } })}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as ProjectsSearch['sort'], dir: s.dir })}
          empty={filtered ? t('projects.emptyFiltered') : t('projects.empty')}
          emptyFiltered={filtered}
          pagination={{
            total: list.data?.total,
            limit,
            offset,
            onPageChange: (o) => setSearch({ offset: o || undefined }, false),
            onLimitChange: (l) => setSearch({ limit: l, offset: undefined }),
          }}
        />
      </section>
      {creating ? (
        <ProjectDialog
          project={null}
          today={todayIn(fmt.timeZone)}
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate({ to: '/rental/projects/$id', params: { id: p.id } })}
        />
      ) : null}
    </div>
  )
}
