import { useId, useMemo, useState } from 'react'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { Link, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { AGING_BUCKETS, type TUnbilledAgingRow } from '@faena/contracts'
import {
  Button,
  EmptyState,
  ErrorState,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  PagePending,
  useToast,
} from '../../platform/components'
import { api, downloadFile } from '../../platform/api'
import { type ListSearch, useListRoute } from '../../platform/list-route'
import { useFormat } from '../../platform/session'
import { Chart } from '../insights'
import { familiesQuery } from './api'
import type { EstimateReportsSearch } from './routes'
import { FamilyFilter } from './ui'
import './estimates.css'

const R = '/api/v1/estimates/reports'
const query = (s: EstimateReportsSearch) =>
  Object.fromEntries(Object.entries({ workOrderId: s.workOrderId, asOf: s.asOf }).filter(([, v]) => v))
const agingQuery = (s: EstimateReportsSearch) =>
  queryOptions({
    queryKey: ['estimates', 'reports', 'aging', s.workOrderId ?? '', s.asOf ?? ''],
    queryFn: ({ signal }) => api.get('/api/v1/estimates/reports/unbilled-aging', { query: query(s), signal }),
  })
const progressQuery = (workOrderId: string | undefined) =>
  queryOptions({
    queryKey: ['estimates', 'reports', 'progress', workOrderId ?? ''],
    queryFn: ({ signal }) =>
      api.get('/api/v1/estimates/reports/progress', { query: workOrderId ? { workOrderId } : {}, signal }),
  })

const FILTER_KEYS = ['workOrderId', 'asOf'] as const

/** Estimaciones → Reportes: unbilled production aging and estimated vs produced vs authorized per family. */
export const EstimateReportsPage = () => {
  const { t } = useTranslation(['estimates', 'platform'])
  const id = useId()
  const search = useSearch({ from: '/app/estimates/reports' })
  const families = useQuery(familiesQuery)
  const { setSearch, filtered, clearFilters } = useListRoute<EstimateReportsSearch & ListSearch>(
    search,
    FILTER_KEYS,
  )

  return (
    <div className="page estimate-reports">
      <PageHeader
        breadcrumb={
          <Link to="/estimates" className="breadcrumb">
            {t('reports.back')}
          </Link>
        }
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
      />
      <section className="card card--flush">
        <FilterBar active={filtered} onClear={clearFilters}>
          <FamilyFilter
            id={`${id}-wo`}
            label={t('reports.workOrder')}
            allLabel={t('reports.allWorkOrders')}
            families={families.data?.items ?? []}
            value={search.workOrderId}
            onChange={(workOrderId) => setSearch({ workOrderId })}
          />
          <Filter label={t('reports.asOf')} htmlFor={`${id}-asof`}>
            <input
              id={`${id}-asof`}
              className="input"
              type="date"
              value={search.asOf ?? ''}
              onChange={(e) => setSearch({ asOf: e.target.value || undefined })}
            />
          </Filter>
        </FilterBar>
      </section>
      <AgingCard search={search} />
      <ProgressCard workOrderId={search.workOrderId} />
    </div>
  )
}

const BUCKET_KEYS = ['bucket0', 'bucket1', 'bucket2', 'bucket3'] as const

const AgingCard = ({ search }: { search: EstimateReportsSearch }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const q = useQuery(agingQuery(search))
  const [exporting, setExporting] = useState(false)
  const mxn = (v: string) => fmt.money(v, 'MXN')
  const usd = (v: string) => fmt.money(v, 'USD')
  const exportXlsx = async () => {
    setExporting(true)
    try {
      const qs = new URLSearchParams(query(search) as Record<string, string>).toString()
      await downloadFile(`${R}/unbilled-aging.xlsx${qs ? `?${qs}` : ''}`)
    } catch (e) {
      toast.failure(e)
    } finally {
      setExporting(false)
    }
  }
  const money = (r: TUnbilledAgingRow, i: number) =>
    r.bucket === AGING_BUCKETS[i] ? (
      <>
        {mxn(r.unbilledMxn)}
        <span className="muted estimate__sub">{usd(r.unbilledUsd)}</span>
      </>
    ) : null

  return (
    <section className="card" aria-labelledby="aging-title">
      <div className="estimate-reports__head">
        <div>
          <h2 className="card__title" id="aging-title">
            {t('reports.aging.title')}
          </h2>
          <p className="muted">{t('reports.aging.hint')}</p>
        </div>
        <Button
          icon={<Icon name="download" />}
          loading={exporting}
          disabled={!q.data || q.data.items.length === 0}
          onClick={() => void exportXlsx()}
        >
          {t('reports.aging.export')}
        </Button>
      </div>
      {q.isPending ? (
        <PagePending />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={t('reports.aging.empty')}>{t('reports.aging.emptyHint')}</EmptyState>
      ) : (
        <>
          <div className="estimate-reports__buckets" data-testid="aging-buckets">
            {AGING_BUCKETS.map((b, i) => (
              <div key={b} className="estimate-reports__bucket">
                <span className="muted">{t(`reports.aging.${BUCKET_KEYS[i]!}`)}</span>
                <strong>{mxn(q.data.totals.buckets[b].mxn)}</strong>
                <span className="muted">{usd(q.data.totals.buckets[b].usd)}</span>
              </div>
            ))}
            <div className="estimate-reports__bucket estimate-reports__bucket--total">
              <span className="muted">{t('reports.aging.total')}</span>
              <strong>{mxn(q.data.totals.mxn)}</strong>
              <span className="muted">{usd(q.data.totals.usd)}</span>
            </div>
          </div>
          <div className="estimate__scroll">
            <table className="table estimate__table" data-testid="aging-table">
              <thead>
                <tr>
                  <th>{t('reports.aging.workOrder')}</th>
                  <th>{t('reports.aging.concept')}</th>
                  <th>{t('reports.aging.month')}</th>
                  <th className="cell--end">{t('reports.aging.days')}</th>
                  <th className="cell--end">{t('reports.aging.unbilled')}</th>
                  {BUCKET_KEYS.map((k) => (
                    <th key={k} className="cell--end">
                      {t(`reports.aging.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((r) => (
                  <tr key={`${r.workOrderId}-${r.conceptId}-${r.month}`}>
                    <td className="cell-strong">{r.workOrderNumber}</td>
                    <td>
                      <strong>{r.code}</strong> {r.description}
                      {r.inEstimates !== '0' ? (
                        <span className="muted estimate__sub">
                          {t('reports.aging.inEstimates')}:{' '}
                          {fmt.quantity(r.inEstimates, { maxFractionDigits: 6 })} {r.unit}
                        </span>
                      ) : null}
                    </td>
                    <td>{fmt.month(r.month, 'short')}</td>
                    <td className="cell--end">{r.ageDays}</td>
                    <td className="cell--end">
                      {fmt.quantity(r.unbilled, { maxFractionDigits: 6 })} {r.unit}
                    </td>
                    {AGING_BUCKETS.map((b, i) => (
                      <td key={b} className="cell--end">
                        {money(r, i)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

const SERIES = ['authorized', 'produced', 'estimated', 'approved'] as const

const ProgressCard = ({ workOrderId }: { workOrderId: string | undefined }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const fmt = useFormat()
  const q = useQuery(progressQuery(workOrderId))
  const items = q.data?.items
  const option = useMemo(
    () =>
      items
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: items.map((i) => i.workOrderNumber) },
            yAxis: { type: 'value' },
            series: SERIES.map((s) => ({
              name: t(`reports.progress.${s}`),
              type: 'bar',
              data: items.map((i) => Number(i[`${s}Mxn`])),
            })),
          }
        : null,
    [items, t],
  )
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 className="card__title" id="progress-title">
        {t('reports.progress.title')}
      </h2>
      <p className="muted">{t('reports.progress.hint')}</p>
      {q.isPending ? (
        <PagePending />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 || !option ? (
        <EmptyState title={t('reports.progress.empty')} />
      ) : (
        <>
          <Chart option={option} label={t('reports.progress.chart')} height={280} />
          <div className="estimate__scroll">
            <table className="table estimate__table" data-testid="progress-table">
              <thead>
                <tr>
                  <th>{t('reports.workOrder')}</th>
                  <th>{t('reports.progress.currency')}</th>
                  {SERIES.map((s) => (
                    <th key={s} className="cell--end">
                      {t(`reports.progress.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {q.data.items.flatMap((i) =>
                  (['Mxn', 'Usd'] as const).map((c) => (
                    <tr key={`${i.workOrderId}-${c}`}>
                      <td className="cell-strong">{c === 'Mxn' ? i.workOrderNumber : ''}</td>
                      <td>{c.toUpperCase()}</td>
                      {SERIES.map((s) => (
                        <td key={s} className="cell--end">
                          {fmt.money(i[`${s}${c}`], c.toUpperCase())}
                        </td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
