import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { BILLING_SHEET_STATUSES, type TBillingSheetSummary } from '@faena/contracts'
import { api } from '../../platform/api'
import {
  JobExportButton,
  ListCount,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  buttonClass,
  type Column,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat, useMe } from '../../platform/session'
import { sheetListQuery, sheetsExportUrl, type SheetListParams } from './api'
import type { SheetsSearch } from './routes'
import { SheetStatusPill } from './ui'

const FILTER_KEYS = ['q', 'status', 'projectId', 'periodFrom', 'periodTo'] as const

const toParams = (s: SheetsSearch): SheetListParams => ({
  q: s.q,
  status: s.status,
  projectId: s.projectId,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  ...(s.sort ? { sort: s.sort } : {}),
  ...(s.dir ? { dir: s.dir } : {}),
})

export const BillingSheetsListPage = () => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/rental/billing-sheets' })
  const navigate = useNavigate({ from: '/rental/billing-sheets' })
  const route = useListRoute(search, FILTER_KEYS)
  const params = toParams(search)
  const list = useQuery(sheetListQuery({ ...params, limit: route.limit, offset: route.offset }))
  const projects = useQuery({
    queryKey: ['rental-projects', 'all', 'lookup'],
    queryFn: ({ signal }) => api.get('/api/v1/rental/projects', { query: { limit: 500 }, signal }),
    staleTime: 60_000,
    select: (d) => [...d.items].sort((a, b) => a.name.localeCompare(b.name)),
  })

  const { setSearch, filtered } = route

  const currency = useMe().organization.currencies[0] ?? 'USD'
  const money = (v: string) => fmt.money(v, currency)
  const columns: Column<TBillingSheetSummary>[] = [
    {
      key: 'seriesCode',
      header: t('fields.seriesCode'),
      sortable: true,
      width: '10rem',
      cell: (s) => (
        <Link
          to="/rental/billing-sheets/$id"
          params={{ id: s.id }}
          className="cell-strong"
          onClick={(e) => e.stopPropagation()}
        >
          {s.seriesCode}
        </Link>
      ),
    },
    {
      key: 'projectName',
      header: t('fields.project'),
      sortable: true,
      cell: (s) => (
        <div>
          <span>{s.projectName}</span>
          <span className="muted rb-sub">{s.clientName}</span>
        </div>
      ),
    },
    {
      key: 'periodStart',
      header: t('fields.period'),
      sortable: true,
      width: '12rem',
      cell: (s) => `${fmt.date(s.periodStart)} – ${fmt.date(s.periodEnd)}`,
    },
    {
      key: 'status',
      header: t('fields.status'),
      sortable: true,
      width: '8rem',
      cell: (s) => <SheetStatusPill status={s.status} />,
    },
    {
      key: 'lineCount',
      header: t('fields.lines'),
      align: 'end',
      width: '5rem',
      cell: (s) => fmt.integer(s.lineCount),
    },
    {
      key: 'subtotal',
      header: t('fields.subtotal'),
      align: 'end',
      width: '8rem',
      cell: (s) => money(s.subtotal),
    },
    {
      key: 'total',
      header: t('fields.total'),
      sortable: true,
      align: 'end',
      width: '8rem',
      cell: (s) => <span className="cell-strong">{money(s.total)}</span>,
    },
    {
      key: 'invoiceReference',
      header: t('fields.invoice'),
      width: '8rem',
      cell: (s) => s.invoiceReference ?? <span className="muted">—</span>,
    },
  ]

  return (
    <div className="page rb-list">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          can('billingSheet.manage') ? (
            <Link
              to="/rental/billing-sheets/new"
              className={buttonClass('primary')}
              data-testid="new-billing-sheet"
            >
              <Icon name="plus" />
              {t('newSheet')}
            </Link>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={route.clearFilters}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('list.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={sheetsExportUrl}
                body={params}
                doneMessage={t('list.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rb-search"
          />
          <Filter label={t('list.status')} htmlFor={`${id}-status`}>
            <select
              id={`${id}-status`}
              className="input"
              value={search.status ?? ''}
              onChange={(e) => setSearch({ status: (e.target.value || undefined) as SheetsSearch['status'] })}
            >
              <option value="">{t('list.all')}</option>
              {BILLING_SHEET_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('list.project')} htmlFor={`${id}-project`}>
            <select
              id={`${id}-project`}
              className="input rb-filter-select"
              value={search.projectId ?? ''}
              aria-busy={projects.isPending || undefined}
              onChange={(e) => setSearch({ projectId: e.target.value || undefined })}
            >
              <option value="">{t('list.all')}</option>
              {search.projectId && !projects.data?.some((p) => p.id === search.projectId) ? (
                <option value={search.projectId}>…</option>
              ) : null}
              {(projects.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.client.name}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('list.periodFrom')} htmlFor={`${id}-from`}>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={search.periodFrom ?? ''}
              max={search.periodTo}
              onChange={(e) => setSearch({ periodFrom: e.target.value || undefined })}
            />
          </Filter>
          <Filter label={t('list.periodTo')} htmlFor={`${id}-to`}>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={search.periodTo ?? ''}
              min={search.periodFrom}
              onChange={(e) => setSearch({ periodTo: e.target.value || undefined })}
            />
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('list.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(s) => s.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(s) => void navigate({ to: '/rental/billing-sheets/$id', params: { id: s.id } })}
          {...route.tableProps(list.data?.total)}
          empty={
            filtered ? (
              t('list.emptyFiltered')
            ) : (
              <>
                {t('list.empty')} {can('billingSheet.manage') ? t('list.emptyHint') : null}
              </>
            )
          }
        />
      </section>
    </div>
  )
}
