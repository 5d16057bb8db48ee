import { useId, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  BILLING_SHEET_STATUSES,
  type TBillingSheetStatus,
  type TRentalAvailability,
  type TRentalCondition,
  type TRentalDashboard,
} from '@faena/contracts'
import {
  Button,
  DateRangeFilter,
  Filter,
  FilterBar,
  PageHeader,
  PageLoadError,
  PagePending,
} from '../../platform/components'
import { cleanSearch } from '../../platform/list-search'
import { useFormat } from '../../platform/session'
import { optionsQuery, rentalDashboardQuery } from './api'
import { Chart } from './chart'
import { EmailDashboardButton } from './email-dashboard'
import type { RentalSearch } from './routes'
import { Kpi, Panel, PanelEmpty, monthSpan, periodPresets } from './ui'
import './insights.css'

const FILTERS = ['from', 'to', 'clientId', 'sheetStatus'] as const
type Amounts = TRentalDashboard['revenueByMonth'][number]['amounts']

/** The rental dashboard (docs/insights.md#rental): filters in the URL, every figure a link to its list. */
export const RentalDashboardPage = () => {
  const { t } = useTranslation(['insights', 'platform'])
  const fmt = useFormat()
  const id = useId()
  const search = useSearch({ from: '/app/insights/rental' })
  const navigate = useNavigate({ from: '/insights/rental' })
  const query = useQuery(rentalDashboardQuery(cleanSearch({ ...search })))
  const clients = useQuery(optionsQuery('rental-clients'))

  const setSearch = (patch: Partial<RentalSearch>) =>
    void navigate({ search: (prev) => cleanSearch({ ...prev, ...patch }), replace: true })
  const filtered = FILTERS.some((k) => search[k] !== undefined)
  const clearFilters = () => setSearch(Object.fromEntries(FILTERS.map((k) => [k, undefined])))

  const { from, to, clientId, sheetStatus } = search
  const clientName = clientId ? clients.data?.find((c) => c.id === clientId)?.name : undefined
  // the sheets list has no client filter: its text search matches the client's name
  const sheetsLink = (
    extra: { status?: TBillingSheetStatus; periodFrom?: string; periodTo?: string; q?: string } = {},
  ) => ({
    to: '/rental/billing-sheets' as const,
    search: cleanSearch({ status: sheetStatus, periodFrom: from, periodTo: to, q: clientName, ...extra }),
  })
  const equipmentLink = (
    extra: { availability?: TRentalAvailability; condition?: TRentalCondition } = {},
  ) => ({
    to: '/rental/equipment' as const,
    search: cleanSearch({ kind: 'equipment' as const, ...extra }),
  })

  const d = query.data
  const currency = d ? primaryCurrency(d) : 'USD'
  const charts = useMemo(() => (d ? chartOptions(d, currency, t, fmt) : null), [d, currency, t, fmt])

  if (query.isPending) return <PagePending />
  if (query.isError || !d || !charts)
    return <PageLoadError error={query.error} title={t('loadError')} onRetry={() => void query.refetch()} />

  const presets = periodPresets(d.today)
  const money = (amounts: Amounts, key: 'subtotal' | 'total' = 'subtotal') =>
    amounts.length === 0
      ? fmt.money('0', currency)
      : amounts.map((a) => fmt.money(a[key], a.currency)).join(' · ')
  const u = d.equipment.utilization
  const rented = d.equipment.byAvailability.find((a) => a.availability === 'rented')?.count ?? 0
  const sheetCount = d.sheets.byStatus.reduce((a, s) => a + s.count, 0)

  return (
    <div className="page ins-page" data-testid="rental-dashboard">
      <PageHeader
        title={t('rental.title')}
        subtitle={t('rental.subtitle')}
        actions={<EmailDashboardButton line="rental" query={cleanSearch({ ...search })} />}
      />
      <section className="card card--flush">
        <FilterBar active={filtered} onClear={clearFilters}>
          <DateRangeFilter
            label={t('filters.period')}
            from={from}
            to={to}
            onFromChange={(v) => setSearch({ from: v })}
            onToChange={(v) => setSearch({ to: v })}
            delay={600}
          />
          <div className="ins-presets" role="group" aria-label={t('filters.period')}>
            {presets.map((p) => (
              <Button
                key={p.key}
                size="sm"
                variant={from === p.period.from && to === p.period.to ? 'primary' : 'ghost'}
                aria-pressed={from === p.period.from && to === p.period.to}
                onClick={() => setSearch(p.period)}
              >
                {t(`filters.${p.key}`)}
              </Button>
            ))}
          </div>
          <Filter label={t('filters.client')} htmlFor={`${id}-client`}>
            <select
              id={`${id}-client`}
              className="input ins-select"
              value={clientId ?? ''}
              onChange={(e) => setSearch({ clientId: e.target.value || undefined })}
            >
              <option value="">{t('filters.all')}</option>
              {clientId && !clients.data?.some((c) => c.id === clientId) ? (
                <option value={clientId}>…</option>
              ) : null}
              {(clients.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('filters.sheetStatus')} htmlFor={`${id}-status`}>
            <select
              id={`${id}-status`}
              className="input ins-select"
              value={sheetStatus ?? ''}
              data-testid="filter-sheet-status"
              onChange={(e) =>
                setSearch({ sheetStatus: (e.target.value || undefined) as TBillingSheetStatus | undefined })
              }
            >
              <option value="">{t('filters.all')}</option>
              {BILLING_SHEET_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`sheetStatus.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <p className="ins-filter-hint muted">
          {t('filters.rentalPeriodHint', { from: fmt.date(u.from), to: fmt.date(u.to) })}
        </p>
      </section>

      <div className="ins-kpis" aria-busy={query.isFetching || undefined}>
        <Kpi
          label={t('kpi.fleet')}
          value={fmt.integer(d.equipment.fleet)}
          link={equipmentLink()}
          testId="kpi-fleet"
        />
        <Kpi
          label={t('kpi.rented')}
          value={fmt.integer(rented)}
          link={equipmentLink({ availability: 'rented' })}
          testId="kpi-rented"
        />
        <Kpi
          label={t('kpi.readyToRent')}
          value={fmt.integer(d.equipment.readyToRent)}
          tone={d.equipment.readyToRent > 0 ? 'success' : undefined}
          link={equipmentLink({ availability: 'available', condition: 'operative' })}
          testId="kpi-ready"
        />
        <Kpi
          label={t('kpi.utilization')}
          value={
            u.percent === null
              ? t('kpi.noFleet')
              : fmt.percent(u.percent, { ratio: false, maxFractionDigits: 1 })
          }
          detail={t('kpi.utilizationDetail', {
            used: fmt.integer(u.equipmentDays),
            capacity: fmt.integer(u.capacityDays),
          })}
          link={equipmentLink({ availability: 'rented' })}
          testId="kpi-utilization"
        />
      </div>

      {d.compliance ? (
        <section className="card ins-panel ins-compliance" data-testid="panel-compliance">
          <header className="ins-panel__header">
            <h2 className="ins-panel__title">{t('compliance.title')}</h2>
            <p className="ins-panel__hint">{t('compliance.hint')}</p>
          </header>
          <div className="ins-kpis">
            {(['expired', 'due10', 'due30'] as const).map((status) => (
              <Kpi
                key={status}
                label={t(`compliance.${status}`)}
                value={fmt.integer(d.compliance![status])}
                tone={status === 'expired' && d.compliance!.expired > 0 ? 'danger' : undefined}
                link={{
                  to: '/rental/compliance',
                  search: { status, sort: 'expiresOn', dir: 'asc' },
                }}
                testId={`kpi-compliance-${status}`}
              />
            ))}
          </div>
        </section>
      ) : null}

      <div className="ins-grid">
        <Panel title={t('cards.availability')} testId="panel-availability">
          {d.equipment.fleet === 0 ? (
            <PanelEmpty message={t('empty.equipment')} />
          ) : (
            <>
              <Chart
                option={charts.availability}
                height={220}
                label={t('table.chartOf', { title: t('cards.availability') })}
                onClick={({ dataIndex }) => {
                  const a = d.equipment.byAvailability[dataIndex]
                  if (a) void navigate(equipmentLink({ availability: a.availability }))
                }}
              />
              <table className="ins-table">
                <tbody>
                  {d.equipment.byAvailability.map((a) => (
                    <tr key={a.availability}>
                      <td>{t(`availability.${a.availability}`)}</td>
                      <td className="num">
                        <Link {...equipmentLink({ availability: a.availability })}>
                          {fmt.integer(a.count)}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.condition')} testId="panel-condition">
          {d.equipment.byCondition.every((c) => c.count === 0) ? (
            <PanelEmpty message={t('empty.equipment')} />
          ) : (
            <>
              <Chart
                option={charts.condition}
                height={220}
                label={t('table.chartOf', { title: t('cards.condition') })}
                onClick={({ dataIndex }) => {
                  const c = d.equipment.byCondition[dataIndex]
                  if (c) void navigate(equipmentLink({ condition: c.condition }))
                }}
              />
              <table className="ins-table">
                <tbody>
                  {d.equipment.byCondition.map((c) => (
                    <tr key={c.condition}>
                      <td>{t(`condition.${c.condition}`)}</td>
                      <td className="num">
                        <Link {...equipmentLink({ condition: c.condition })}>{fmt.integer(c.count)}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.sheetsByStatus')} wide testId="panel-sheets">
          {sheetCount === 0 ? (
            <PanelEmpty message={t('empty.sheets')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <div className="ins-split">
              <Chart
                option={charts.sheets}
                height={240}
                label={t('table.chartOf', { title: t('cards.sheetsByStatus') })}
                onClick={({ dataIndex }) => {
                  const s = d.sheets.byStatus[dataIndex]
                  if (s) void navigate(sheetsLink({ status: s.status }))
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.status')}</th>
                    <th scope="col" className="num">
                      {t('table.count')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.subtotal')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.sheets.byStatus.map((s) => (
                    <tr key={s.status}>
                      <td>{t(`sheetStatus.${s.status}`)}</td>
                      <td className="num">
                        <Link {...sheetsLink({ status: s.status })} data-testid={`sheets-${s.status}`}>
                          {fmt.integer(s.count)}
                        </Link>
                      </td>
                      <td className="num">{money(s.amounts)}</td>
                      <td className="num">{money(s.amounts, 'total')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>

        <Panel title={t('cards.revenueByMonth')} hint={t('cards.revenueHint')} testId="panel-revenue-month">
          {d.revenueByMonth.length === 0 ? (
            <PanelEmpty message={t('empty.revenue')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.revenueByMonth}
                label={t('table.chartOf', { title: t('cards.revenueByMonth') })}
                onClick={({ dataIndex }) => {
                  const m = d.revenueByMonth[dataIndex]
                  if (m) {
                    const span = monthSpan(m.month, from, to)
                    void navigate(sheetsLink({ periodFrom: span.from, periodTo: span.to }))
                  }
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.month')}</th>
                    <th scope="col" className="num">
                      {t('table.subtotal')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.revenueByMonth.map((m) => {
                    const span = monthSpan(m.month, from, to)
                    return (
                      <tr key={m.month}>
                        <td>
                          <Link {...sheetsLink({ periodFrom: span.from, periodTo: span.to })}>
                            {fmt.month(m.month)}
                          </Link>
                        </td>
                        <td className="num">{money(m.amounts)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.revenueByClient')} hint={t('cards.revenueHint')} testId="panel-revenue-client">
          {d.revenueByClient.length === 0 ? (
            <PanelEmpty message={t('empty.revenue')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.revenueByClient}
                height={Math.max(200, 40 + 28 * Math.min(d.revenueByClient.length, 10))}
                label={t('table.chartOf', { title: t('cards.revenueByClient') })}
                onClick={({ dataIndex }) => {
                  const top = d.revenueByClient.slice(0, 10)
                  const c = top[top.length - 1 - dataIndex]
                  if (c) void navigate(sheetsLink({ q: c.clientName }))
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.client')}</th>
                    <th scope="col" className="num">
                      {t('table.subtotal')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.revenueByClient.map((c) => (
                    <tr key={c.clientId ?? c.clientName}>
                      <td>
                        <Link {...sheetsLink({ q: c.clientName })}>{c.clientName}</Link>
                      </td>
                      <td className="num">{money(c.amounts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>
      </div>
    </div>
  )
}

/** The currency charted: the one most sheets carry (the rental line bills in one currency today). */
function primaryCurrency(d: TRentalDashboard): string {
  for (const s of d.sheets.byStatus) for (const a of s.amounts) return a.currency
  return 'USD'
}

type T = ReturnType<typeof useTranslation<['insights', 'platform']>>['t']
type Fmt = ReturnType<typeof useFormat>

/** The ECharts options of the page. Money goes to the chart as the API's decimal strings. */
function chartOptions(d: TRentalDashboard, currency: string, t: T, fmt: Fmt) {
  const axisLabel = { color: '#3a4753', fontSize: 11 }
  const grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true }
  const amountOf = (amounts: Amounts) => amounts.find((a) => a.currency === currency)?.subtotal ?? '0'
  const moneyTooltip = (labels: string[], values: string[]) => ({
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: { dataIndex: number }[]) => {
      const i = params[0]?.dataIndex ?? 0
      return `${labels[i] ?? ''}<br/>${fmt.money(values[i] ?? '0', currency)}`
    },
  })
  const pie = (items: { name: string; value: number }[], colors: string[]) => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: axisLabel },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '44%'],
        label: { formatter: '{c}', color: '#1b2631' },
        // a slice of 0 gets no label (it would only clutter the ring)
        data: items.map((item) =>
          item.value === 0 ? { ...item, label: { show: false }, labelLine: { show: false } } : item,
        ),
        color: colors,
      },
    ],
  })
  const months = d.revenueByMonth.map((m) => fmt.month(m.month, 'short'))
  const monthValues = d.revenueByMonth.map((m) => amountOf(m.amounts))
  const top = d.revenueByClient.slice(0, 10).reverse()
  const clientNames = top.map((c) => c.clientName)
  const clientValues = top.map((c) => amountOf(c.amounts))
  return {
    availability: pie(
      d.equipment.byAvailability.map((a) => ({ name: t(`availability.${a.availability}`), value: a.count })),
      ['#136c43', '#1d4f73'],
    ),
    condition: pie(
      d.equipment.byCondition.map((c) => ({ name: t(`condition.${c.condition}`), value: c.count })),
      ['#136c43', '#b7791f', '#b42318', '#5a6773'],
    ),
    sheets: {
      grid,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: d.sheets.byStatus.map((s) => t(`sheetStatus.${s.status}`)),
        axisLabel,
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel },
      series: [
        {
          type: 'bar',
          barMaxWidth: 40,
          data: d.sheets.byStatus.map((s, i) => ({
            value: s.count,
            itemStyle: { color: ['#2a78c2', '#b7791f', '#136c43', '#5a6773'][i] },
          })),
        },
      ],
    },
    revenueByMonth: {
      grid,
      tooltip: moneyTooltip(
        d.revenueByMonth.map((m) => fmt.month(m.month)),
        monthValues,
      ),
      xAxis: { type: 'category', data: months, axisLabel },
      yAxis: { type: 'value', axisLabel },
      series: [{ type: 'bar', data: monthValues, barMaxWidth: 36, itemStyle: { color: '#136c43' } }],
    },
    revenueByClient: {
      grid,
      tooltip: moneyTooltip(clientNames, clientValues),
      xAxis: { type: 'value', axisLabel },
      yAxis: {
        type: 'category',
        data: clientNames,
        axisLabel: { ...axisLabel, width: 140, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: clientValues, barMaxWidth: 28 }],
    },
  }
}
