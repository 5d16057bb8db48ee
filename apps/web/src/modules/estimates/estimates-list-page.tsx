import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ESTIMATE_STATUSES, type TEstimateSummary } from '@faena/contracts'
import {
  Button,
  buttonClass,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  type Column,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat } from '../../platform/session'
import { estimateListQuery, familiesQuery } from './api'
import { CreateEstimateDialog } from './create-estimate-dialog'
import type { EstimatesSearch } from './routes'
import { EstimateStatusBadge, FamilyFilter } from './ui'

const FILTER_KEYS = ['workOrderId', 'status'] as const

/** The estimates of the organization, filtered by work order and status, newest period first. */
export const EstimatesListPage = () => {
  const { t } = useTranslation(['estimates', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/estimates' })
  const navigate = useNavigate({ from: '/estimates' })
  const route = useListRoute(search, FILTER_KEYS)
  const { limit, offset, setSearch, filtered } = route
  const list = useQuery(
    estimateListQuery({ workOrderId: search.workOrderId, status: search.status, limit, offset }),
  )
  const families = useQuery(familiesQuery)
  const [creating, setCreating] = useState(false)

  const columns: Column<TEstimateSummary>[] = [
    {
      key: 'name',
      header: t('fields.number'),
      width: '10rem',
      cell: (e) => (
        <Link
          to="/estimates/$id"
          params={{ id: e.id }}
          className="cell-strong"
          onClick={(ev) => ev.stopPropagation()}
        >
          {t('name', { number: e.number })}
        </Link>
      ),
    },
    { key: 'workOrder', header: t('fields.workOrder'), width: '10rem', cell: (e) => e.workOrderNumber },
    { key: 'type', header: t('fields.type'), width: '10rem', cell: (e) => t(`type.${e.type}`) },
    {
      key: 'period',
      header: t('fields.period'),
      width: '13rem',
      cell: (e) => `${fmt.date(e.periodStart)} – ${fmt.date(e.periodEnd)}`,
    },
    {
      key: 'status',
      header: t('fields.status'),
      width: '10rem',
      cell: (e) => <EstimateStatusBadge status={e.status} />,
    },
    {
      key: 'invoice',
      header: t('billing.invoiceColumn'),
      width: '11rem',
      // the invoice reference, and the payment's date once paid
      cell: (e) =>
        e.invoiceReference ? (
          <span>
            {e.invoiceReference}
            {e.paidDate ? <span className="muted estimate__sub">{fmt.date(e.paidDate)}</span> : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'netMxn',
      header: t('fields.netMxn'),
      align: 'end',
      cell: (e) => (e.totals ? fmt.money(e.totals.netMxn, 'MXN') : '—'),
    },
    {
      key: 'netUsd',
      header: t('fields.netUsd'),
      align: 'end',
      cell: (e) => (e.totals ? fmt.money(e.totals.netUsd, 'USD') : '—'),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Link to="/estimates/reports" className={buttonClass('secondary')} data-testid="estimate-reports">
              {t('reports.open')}
            </Link>
            {can('estimate.manage') ? (
              <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-estimate">
                <Icon name="plus" />
                {t('newEstimate')}
              </Button>
            ) : null}
          </>
        }
      />
      <section className="card card--flush">
        <FilterBar active={filtered} onClear={route.clearFilters}>
          <FamilyFilter
            id={`${id}-wo`}
            label={t('fields.workOrder')}
            allLabel={t('fields.allWorkOrders')}
            families={families.data?.items ?? []}
            value={search.workOrderId}
            onChange={(workOrderId) => setSearch({ workOrderId })}
          />
          <Filter label={t('fields.status')} htmlFor={`${id}-status`}>
            <select
              id={`${id}-status`}
              className="input"
              value={search.status ?? ''}
              onChange={(e) =>
                setSearch({ status: (e.target.value || undefined) as EstimatesSearch['status'] })
              }
            >
              <option value="">{t('fields.allStatuses')}</option>
              {ESTIMATE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('title')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(e) => e.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(e) => void navigate({ to: '/estimates/$id', params: { id: e.id } })}
          empty={
            <>
              {t('empty')} {!filtered && can('estimate.manage') ? t('emptyHint') : null}
            </>
          }
          {...route.tableProps(list.data?.total)}
        />
      </section>
      {creating ? (
        <CreateEstimateDialog
          defaultWorkOrderId={search.workOrderId}
          families={families.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(newId) => void navigate({ to: '/estimates/$id', params: { id: newId } })}
        />
      ) : null}
    </div>
  )
}
