import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { PROPOSAL_PRIORITIES, PROPOSAL_STATUSES, type TProposalSummary } from '@faena/contracts'
import {
  DateRangeFilter,
  DataTable,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  buttonClass,
  type Column,
} from '../../platform/components'
import { ListCountExport } from '../../platform/components/list-count-export'
import { OptionFilter } from '../../platform/components/option-filter'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat } from '../../platform/session'
import {
  catalogLookupQuery,
  proposalExportUrl,
  proposalListQuery,
  type LookupCatalog,
  type ProposalListParams,
} from './api'
import type { ProposalsSearch } from './routes'
import { OverdueBadge, PriorityPill, PteProgress, StatusPill } from './ui'

const FILTER_KEYS = [
  'q',
  'status',
  'clientId',
  'typeId',
  'projectManagerId',
  'priority',
  'requestFrom',
  'requestTo',
  'deliveryFrom',
  'deliveryTo',
  'overdue',
  'assignedToMe',
] as const

/** The URL search turned into the API query (list and Excel export use the same). */
const toParams = (s: ProposalsSearch): ProposalListParams => ({
  q: s.q,
  status: s.status,
  clientId: s.clientId,
  typeId: s.typeId,
  projectManagerId: s.projectManagerId,
  priority: s.priority,
  requestFrom: s.requestFrom,
  requestTo: s.requestTo,
  deliveryFrom: s.deliveryFrom,
  deliveryTo: s.deliveryTo,
  overdue: s.overdue ? 'true' : undefined,
  assignedToMe: s.assignedToMe ? 'true' : undefined,
  deleted: s.deleted ? 'true' : undefined,
  sort: s.sort,
  dir: s.dir,
})

/** A filter by a catalog record (client, type, project manager). */
const CatalogFilter = ({
  catalog,
  label,
  value,
  onChange,
}: {
  catalog: LookupCatalog
  label: string
  value: string | undefined
  onChange: (v: string | undefined) => void
}) => {
  const { t } = useTranslation('proposals')
  const options = useQuery(catalogLookupQuery(catalog))
  return (
    <OptionFilter
      label={label}
      value={value}
      onChange={onChange}
      allLabel={t('list.all')}
      pending={options.isPending}
      className="input pte-filter-select"
      options={(options.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  )
}

export const ProposalsListPage = () => {
  const { t } = useTranslation(['proposals', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const search = useSearch({ from: '/app/proposals' })
  const navigate = useNavigate({ from: '/proposals' })
  const route = useListRoute(search, FILTER_KEYS)
  const { setSearch, filtered } = route

  const params = toParams(search)
  const list = useQuery(proposalListQuery({ ...params, limit: route.limit, offset: route.offset }))

  const open = (p: TProposalSummary) => void navigate({ to: '/proposals/$id', params: { id: p.id } })

  const columns: Column<TProposalSummary>[] = [
    {
      key: 'officialNumber',
      header: t('fields.officialNumber'),
      sortable: true,
      width: '9rem',
      cell: (p) => (
        <div className="pte-number">
          <Link
            to="/proposals/$id"
            params={{ id: p.id }}
            className="cell-strong pte-number__link"
            onClick={(e) => e.stopPropagation()}
          >
            {p.officialNumber}
          </Link>
          <span className="muted pte-number__request">{p.requestNumber}</span>
        </div>
      ),
    },
    {
      key: 'client',
      header: t('fields.client'),
      sortable: true,
      width: '11rem',
      cell: (p) => (
        <div>
          <span>{p.client.name}</span>
          <span className="muted pte-sub">{p.client.clientType}</span>
        </div>
      ),
    },
    {
      key: 'description',
      header: t('fields.description'),
      cell: (p) => (
        <div>
          <span className="pte-description" title={p.description}>
            {p.description}
          </span>
          <span className="muted pte-sub">
            {p.type.name} · {p.projectManager.name}
          </span>
        </div>
      ),
    },
    {
      key: 'deliveryDate',
      header: t('fields.deliveryDate'),
      sortable: true,
      width: '8rem',
      cell: (p) => (
        <div className={p.overdue ? 'pte-delivery pte-row-overdue' : 'pte-delivery'}>
          <span>{fmt.date(p.deliveryDate)}</span>
          {p.overdue ? <OverdueBadge /> : null}
        </div>
      ),
    },
    {
      key: 'status',
      header: t('fields.status'),
      sortable: true,
      width: '7.5rem',
      cell: (p) => (
        <div className="pte-badges">
          <StatusPill status={p.status} />
          {p.deleted ? <span className="muted pte-sub">{t('badges.deleted')}</span> : null}
        </div>
      ),
    },
    {
      key: 'priority',
      header: t('fields.priority'),
      sortable: true,
      width: '7rem',
      cell: (p) => <PriorityPill priority={p.priority} />,
    },
    {
      key: 'progress',
      header: t('fields.progress'),
      sortable: true,
      width: '10rem',
      cell: (p) => (
        <div
          title={t('list.stepsDone', { done: fmt.integer(p.doneSteps), total: fmt.integer(p.countedSteps) })}
        >
          <PteProgress
            value={p.progress}
            size="sm"
            label={t('list.progressOf', { number: p.officialNumber })}
          />
        </div>
      ),
    },
  ]

  const emptyMessage = search.deleted
    ? t('list.emptyDeleted')
    : filtered
      ? t('list.emptyFiltered')
      : t('list.empty')

  return (
    <div className="page pte-list">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          can('proposal.create') ? (
            <Link to="/proposals/new" className={buttonClass('primary')} data-testid="new-proposal">
              <Icon name="plus" />
              {t('newProposal')}
            </Link>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={route.clearFilters}
          end={
            <ListCountExport
              total={list.data?.total}
              countClassName="pte-count"
              countLabel={(count) => t('list.count', { count, formatted: fmt.integer(count) })}
              url={proposalExportUrl}
              body={params}
              doneMessage={t('list.exportDone')}
            />
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="pte-search"
          />
          <OptionFilter
            label={t('list.status')}
            value={search.status}
            onChange={(v) => setSearch({ status: v as ProposalsSearch['status'] })}
            allLabel={t('list.all')}
            options={PROPOSAL_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))}
          />
          <CatalogFilter
            catalog="clients"
            label={t('list.client')}
            value={search.clientId}
            onChange={(v) => setSearch({ clientId: v })}
          />
          <CatalogFilter
            catalog="types"
            label={t('list.type')}
            value={search.typeId}
            onChange={(v) => setSearch({ typeId: v })}
          />
          <CatalogFilter
            catalog="project-managers"
            label={t('list.manager')}
            value={search.projectManagerId}
            onChange={(v) => setSearch({ projectManagerId: v })}
          />
          <OptionFilter
            label={t('list.priority')}
            value={search.priority}
            onChange={(v) => setSearch({ priority: v as ProposalsSearch['priority'] })}
            allLabel={t('list.all')}
            options={PROPOSAL_PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) }))}
          />
          <DateRangeFilter
            label={t('list.requestDate')}
            from={search.requestFrom}
            to={search.requestTo}
            onFromChange={(v) => setSearch({ requestFrom: v })}
            onToChange={(v) => setSearch({ requestTo: v })}
            delay={600}
            className="date-range pte-range"
          />
          <DateRangeFilter
            label={t('list.deliveryDate')}
            from={search.deliveryFrom}
            to={search.deliveryTo}
            onFromChange={(v) => setSearch({ deliveryFrom: v })}
            onToChange={(v) => setSearch({ deliveryTo: v })}
            delay={600}
            className="date-range pte-range"
          />
          <div className="pte-toggles">
            <label className="pte-toggle">
              <input
                type="checkbox"
                checked={search.overdue === true}
                onChange={(e) => setSearch({ overdue: e.target.checked || undefined })}
              />
              {t('list.overdue')}
            </label>
            <label className="pte-toggle">
              <input
                type="checkbox"
                checked={search.assignedToMe === true}
                onChange={(e) => setSearch({ assignedToMe: e.target.checked || undefined })}
              />
              {t('list.assignedToMe')}
            </label>
            {can('proposal.readDeleted') ? (
              <label className="pte-toggle">
                <input
                  type="checkbox"
                  checked={search.deleted === true}
                  onChange={(e) => setSearch({ deleted: e.target.checked || undefined })}
                />
                {t('list.deleted')}
              </label>
            ) : null}
          </div>
        </FilterBar>
        {search.deleted ? (
          <p className="pte-banner" role="status">
            {t('list.deletedBanner')}
          </p>
        ) : null}
        <DataTable
          caption={t('list.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={open}
          {...route.tableProps(list.data?.total)}
          empty={
            !filtered && !search.deleted && can('proposal.create') ? (
              <>
                {emptyMessage} {t('list.emptyHint')}
              </>
            ) : (
              emptyMessage
            )
          }
        />
      </section>
    </div>
  )
}
