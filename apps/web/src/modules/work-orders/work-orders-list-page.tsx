import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type TWorkOrderSummary } from '@faena/contracts'
import {
  Button,
  DateRangeFilter,
  DataTable,
  Filter,
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
import { cleanSearch } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import {
  catalogLookupQuery,
  workOrderDetailQuery,
  workOrderExportUrl,
  workOrderListQuery,
  type LookupCatalog,
  type WorkOrderListParams,
} from './api'
import type { WorkOrdersSearch } from './routes'
import { Amounts, DueBadge, OtProgress, StatusPill, TypeLabel, sitesText } from './ui'

const FILTER_KEYS = [
  'q',
  'type',
  'status',
  'frontId',
  'siteId',
  'clientId',
  'projectManagerId',
  'proposalId',
  'familyId',
  'from',
  'to',
  'due',
  'assignedToMe',
] as const

/** The due filter's choices: overdue, or due within N days. */
const DUE_WITHIN = [7, 14, 30] as const

/** The URL search turned into the API query (list and Excel export use the same). */
const toParams = (s: WorkOrdersSearch): WorkOrderListParams =>
  cleanSearch({
    q: s.q,
    type: s.type,
    status: s.status,
    frontId: s.frontId,
    siteId: s.siteId,
    clientId: s.clientId,
    projectManagerId: s.projectManagerId,
    proposalId: s.proposalId,
    familyId: s.familyId,
    from: s.from,
    to: s.to,
    overdue: s.due === 'overdue' ? 'true' : undefined,
    dueWithinDays: typeof s.due === 'number' ? s.due : undefined,
    assignedToMe: s.assignedToMe ? 'true' : undefined,
    sort: s.sort,
    dir: s.dir,
  })

/** A filter by a catalog record (client, project manager, front, site). */
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
  const { t } = useTranslation('work-orders')
  const options = useQuery(catalogLookupQuery(catalog))
  return (
    <OptionFilter
      label={label}
      value={value}
      onChange={onChange}
      allLabel={t('list.all')}
      pending={options.isPending}
      className="input ot-filter-select"
      options={(options.data ?? []).map((o) => ({
        value: o.id,
        label: catalog === 'sites' && o.kind ? `${o.name} (${t(`siteKind.${o.kind as 'vessel'}`)})` : o.name,
      }))}
    />
  )
}

const FamilyBanner = ({ familyId, onClear }: { familyId: string; onClear: () => void }) => {
  const { t } = useTranslation('work-orders')
  const initial = useQuery(workOrderDetailQuery(familyId))
  return (
    <p className="ot-banner" role="status">
      <span>{t('list.familyBanner', { number: initial.data?.number ?? '…' })}</span>
      <Button size="sm" variant="ghost" onClick={onClear}>
        {t('list.clearFamily')}
      </Button>
    </p>
  )
}

export const WorkOrdersListPage = () => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/work-orders' })
  const navigate = useNavigate({ from: '/work-orders' })
  const route = useListRoute(search, FILTER_KEYS)
  const { setSearch, filtered } = route

  const params = toParams(search)
  const list = useQuery(workOrderListQuery({ ...params, limit: route.limit, offset: route.offset }))

  const siteLabel = (k: string) => t(`siteKind.${k as 'vessel'}`)
  const columns: Column<TWorkOrderSummary>[] = [
    {
      key: 'number',
      header: t('fields.number'),
      sortable: true,
      width: '15rem',
      cell: (w) => (
        <div className="ot-number">
          <Link
            to="/work-orders/$id"
            params={{ id: w.id }}
            search={{}}
            className="cell-strong ot-number__link"
            onClick={(e) => e.stopPropagation()}
          >
            {w.number}
          </Link>
          <span className="ot-sub">
            <TypeLabel w={w} />
            {w.type === 'initial' && w.reprogrammingCount > 0 ? (
              <span className="muted">
                {' '}
                · {t('list.reprogrammingCount', { count: w.reprogrammingCount })}
              </span>
            ) : null}
          </span>
          {w.officialDocument ? <span className="muted ot-sub">{w.officialDocument}</span> : null}
        </div>
      ),
    },
    {
      key: 'description',
      header: t('fields.description'),
      cell: (w) => (
        <div>
          <span className="ot-description" title={w.description}>
            {w.description}
          </span>
          <span className="muted ot-sub">
            {[
              w.proposal ? `${t('fields.proposal')} ${w.proposal.officialNumber}` : null,
              w.projectManager.name,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
      ),
    },
    {
      key: 'sites',
      header: t('fields.front'),
      width: '11rem',
      cell: (w) =>
        w.front ? (
          <div>
            <span>{w.front.name}</span>
            <span className="muted ot-sub">{sitesText(w, siteLabel)}</span>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'plannedStart',
      header: t('fields.programmed'),
      sortable: true,
      width: '8.5rem',
      cell: (w) =>
        w.plannedStart || w.plannedEnd ? (
          <div className="nowrap">
            <span>{fmt.date(w.plannedStart) || '—'}</span>
            <span className="muted ot-sub">{fmt.date(w.plannedEnd) || '—'}</span>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'familyEnd',
      header: t('due.column'),
      sortable: true,
      width: '9rem',
      cell: (w) => <DueBadge w={w} />,
    },
    {
      key: 'status',
      header: t('fields.status'),
      sortable: true,
      width: '8.5rem',
      cell: (w) => <StatusPill status={w.status} />,
    },
    {
      key: 'amountMxn',
      header: t('fields.amounts'),
      sortable: true,
      align: 'end',
      width: '10rem',
      cell: (w) => <Amounts mxn={w.amountMxn} usd={w.amountUsd} />,
    },
    {
      key: 'progress',
      header: t('fields.progress'),
      sortable: true,
      width: '9rem',
      cell: (w) => (
        <div
          title={t('list.stepsDone', { done: fmt.integer(w.doneSteps), total: fmt.integer(w.countedSteps) })}
        >
          <OtProgress value={w.progress} size="sm" label={t('list.progressOf', { number: w.number })} />
        </div>
      ),
    },
  ]

  return (
    <div className="page ot-list">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            {can('workOrder.import') ? (
              <Link to="/work-orders/import" className={buttonClass('secondary')}>
                {t('importHistory')}
              </Link>
            ) : null}
            {can('workOrder.create') ? (
              <Link
                to="/work-orders/new"
                search={{}}
                className={buttonClass('primary')}
                data-testid="new-work-order"
              >
                <Icon name="plus" />
                {t('newWorkOrder')}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={route.clearFilters}
          end={
            <ListCountExport
              total={list.data?.total}
              countClassName="ot-count"
              countLabel={(count) => t('list.count', { count, formatted: fmt.integer(count) })}
              url={workOrderExportUrl}
              body={params}
              doneMessage={t('list.exportDone')}
            />
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="ot-search"
          />
          <OptionFilter
            label={t('fields.type')}
            value={search.type}
            onChange={(v) => setSearch({ type: v as WorkOrdersSearch['type'] })}
            allLabel={t('list.allTypes')}
            options={WORK_ORDER_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))}
          />
          <OptionFilter
            label={t('fields.status')}
            value={search.status}
            onChange={(v) => setSearch({ status: v as WorkOrdersSearch['status'] })}
            allLabel={t('list.all')}
            options={WORK_ORDER_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))}
          />
          <Filter label={t('list.due')} htmlFor={`${id}-due`}>
            <select
              id={`${id}-due`}
              className="input"
              value={search.due === undefined ? '' : String(search.due)}
              onChange={(e) => {
                const v = e.target.value
                setSearch({ due: v === '' ? undefined : v === 'overdue' ? v : Number(v) })
              }}
              data-testid="work-orders-due-filter"
            >
              <option value="">{t('list.all')}</option>
              <option value="overdue">{t('list.dueOverdue')}</option>
              {DUE_WITHIN.map((n) => (
                <option key={n} value={String(n)}>
                  {t('list.dueWithin', { count: n })}
                </option>
              ))}
              {typeof search.due === 'number' && !(DUE_WITHIN as readonly number[]).includes(search.due) ? (
                <option value={String(search.due)}>{t('list.dueWithin', { count: search.due })}</option>
              ) : null}
            </select>
          </Filter>
          <CatalogFilter
            catalog="clients"
            label={t('fields.client')}
            value={search.clientId}
            onChange={(v) => setSearch({ clientId: v })}
          />
          <CatalogFilter
            catalog="project-managers"
            label={t('fields.projectManager')}
            value={search.projectManagerId}
            onChange={(v) => setSearch({ projectManagerId: v })}
          />
          <CatalogFilter
            catalog="fronts"
            label={t('fields.front')}
            value={search.frontId}
            onChange={(v) => setSearch({ frontId: v })}
          />
          <CatalogFilter
            catalog="sites"
            label={t('fields.sites')}
            value={search.siteId}
            onChange={(v) => setSearch({ siteId: v })}
          />
          <DateRangeFilter
            label={t('list.dates')}
            from={search.from}
            to={search.to}
            onFromChange={(v) => setSearch({ from: v })}
            onToChange={(v) => setSearch({ to: v })}
          />
          <label className="ot-toggle">
            <input
              type="checkbox"
              checked={search.assignedToMe === true}
              onChange={(e) => setSearch({ assignedToMe: e.target.checked || undefined })}
            />
            {t('list.assignedToMe')}
          </label>
        </FilterBar>
        {search.familyId ? (
          <FamilyBanner familyId={search.familyId} onClear={() => setSearch({ familyId: undefined })} />
        ) : null}
        <DataTable
          caption={t('list.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(w) => w.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(w) => void navigate({ to: '/work-orders/$id', params: { id: w.id }, search: {} })}
          {...route.tableProps(list.data?.total)}
          empty={
            filtered
              ? t('list.emptyFiltered')
              : `${t('list.empty')} ${can('workOrder.create') ? t('list.emptyHint') : ''}`
          }
        />
      </section>
    </div>
  )
}
