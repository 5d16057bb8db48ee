import { useId, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  PROPOSAL_STATUSES,
  WORK_ORDER_STATUSES,
  type TOffshoreDashboard,
  type TProposalStatus,
  type TWorkOrderStatus,
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
import { offshoreDashboardQuery, optionsQuery, type Option } from './api'
import { Chart } from './chart'
import { ProductionKpis, ProductionPanels } from './offshore-production-panels'
import { EmailDashboardButton } from './email-dashboard'
import type { OffshoreSearch } from './routes'
import { Kpi, Panel, PanelEmpty, monthSpan, periodPresets } from './ui'
import './insights.css'

const FILTERS = ['from', 'to', 'clientId', 'frontId', 'siteId', 'proposalStatus', 'workOrderStatus'] as const

const OptionFilter = ({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string
  value: string | undefined
  options: { value: string; label: string }[]
  onChange: (v: string | undefined) => void
  testId?: string
}) => {
  const { t } = useTranslation('insights')
  const id = useId()
  return (
    <Filter label={label} htmlFor={id}>
      <select
        id={id}
        className="input ins-select"
        value={value ?? ''}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{t('filters.all')}</option>
        {value && !options.some((o) => o.value === value) ? <option value={value}>…</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Filter>
  )
}

const toOptions = (items: Option[] | undefined) => (items ?? []).map((o) => ({ value: o.id, label: o.name }))

/** The offshore dashboard (docs/insights.md#offshore): filters in the URL, every figure a link to its list. */
export const OffshoreDashboardPage = () => {
  const { t } = useTranslation(['insights', 'platform'])
  const fmt = useFormat()
  const search = useSearch({ from: '/app/insights/offshore' })
  const navigate = useNavigate({ from: '/insights/offshore' })
  const query = useQuery(offshoreDashboardQuery(cleanSearch({ ...search })))
  const clients = useQuery(optionsQuery('clients'))
  const fronts = useQuery(optionsQuery('fronts'))
  const sites = useQuery(optionsQuery('sites'))

  const setSearch = (patch: Partial<OffshoreSearch>) =>
    void navigate({ search: (prev) => cleanSearch({ ...prev, ...patch }), replace: true })
  const filtered = FILTERS.some((k) => search[k] !== undefined)
  const clearFilters = () => setSearch(Object.fromEntries(FILTERS.map((k) => [k, undefined])))

  // the filters each list understands (docs/insights.md#filters-and-drill-down)
  const { from, to, clientId, frontId, siteId, proposalStatus, workOrderStatus } = search
  const proposalsLink = (extra: { status?: TProposalStatus; clientId?: string; overdue?: boolean } = {}) => ({
    to: '/proposals' as const,
    search: cleanSearch({
      clientId,
      status: proposalStatus,
      requestFrom: from,
      requestTo: to,
      ...extra,
    }),
  })
  const workOrdersLink = (
    extra: {
      status?: TWorkOrderStatus
      frontId?: string
      due?: 'overdue'
      from?: string
      to?: string
    } = {},
  ) => ({
    to: '/work-orders' as const,
    search: cleanSearch({ clientId, frontId, siteId, status: workOrderStatus, from, to, ...extra }),
  })

  const d = query.data
  const charts = useMemo(() => (d ? chartOptions(d, t, fmt) : null), [d, t, fmt])

  if (query.isPending) return <PagePending />
  if (query.isError || !d || !charts)
    return <PageLoadError error={query.error} title={t('loadError')} onRetry={() => void query.refetch()} />

  const presets = periodPresets(d.today)
  const money = (amount: string, currency: string) => fmt.money(amount, currency, { code: true })

  return (
    <div className="page ins-page" data-testid="offshore-dashboard">
      <PageHeader
        title={t('offshore.title')}
        subtitle={t('offshore.subtitle')}
        actions={<EmailDashboardButton line="offshore" query={cleanSearch({ ...search })} />}
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
          <OptionFilter
            label={t('filters.client')}
            value={clientId}
            options={toOptions(clients.data)}
            onChange={(v) => setSearch({ clientId: v })}
            testId="filter-client"
          />
          <OptionFilter
            label={t('filters.front')}
            value={frontId}
            options={toOptions(fronts.data)}
            onChange={(v) => setSearch({ frontId: v })}
          />
          <OptionFilter
            label={t('filters.site')}
            value={siteId}
            options={toOptions(sites.data)}
            onChange={(v) => setSearch({ siteId: v })}
            testId="filter-site"
          />
          <OptionFilter
            label={t('filters.proposalStatus')}
            value={proposalStatus}
            options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposalStatus.${s}`) }))}
            onChange={(v) => setSearch({ proposalStatus: v as TProposalStatus | undefined })}
            testId="filter-proposal-status"
          />
          <OptionFilter
            label={t('filters.workOrderStatus')}
            value={workOrderStatus}
            options={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workOrderStatus.${s}`) }))}
            onChange={(v) => setSearch({ workOrderStatus: v as TWorkOrderStatus | undefined })}
            testId="filter-work-order-status"
          />
        </FilterBar>
        <p className="ins-filter-hint muted">{t('filters.periodHint')}</p>
      </section>

      <div className="ins-kpis" aria-busy={query.isFetching || undefined}>
        <Kpi
          label={t('kpi.proposals')}
          value={fmt.integer(d.proposals.total)}
          link={proposalsLink()}
          testId="kpi-proposals"
        />
        <Kpi
          label={t('kpi.proposalsOverdue')}
          value={fmt.integer(d.proposals.overdue)}
          tone={d.proposals.overdue > 0 ? 'danger' : undefined}
          link={proposalsLink({ overdue: true })}
          testId="kpi-proposals-overdue"
        />
        <Kpi
          label={t('kpi.workOrders')}
          value={fmt.integer(d.workOrders.total)}
          link={workOrdersLink()}
          testId="kpi-work-orders"
        />
        <Kpi
          label={t('kpi.workOrdersOverdue')}
          value={fmt.integer(d.workOrders.overdue)}
          tone={d.workOrders.overdue > 0 ? 'danger' : undefined}
          link={workOrdersLink({ due: 'overdue' })}
          testId="kpi-work-orders-overdue"
        />
        <Kpi
          label={t('kpi.authorized')}
          value={
            <>
              <span className="ins-kpi__line">{money(d.authorized.total.mxn, 'MXN')}</span>
              <span className="ins-kpi__line">{money(d.authorized.total.usd, 'USD')}</span>
            </>
          }
          money
          detail={
            d.authorized.withoutAnnex > 0
              ? t('kpi.withoutAnnex', { count: d.authorized.withoutAnnex })
              : undefined
          }
          link={workOrdersLink()}
          testId="kpi-authorized"
        />
        <ProductionKpis p={d.production} workOrdersLink={workOrdersLink} />
      </div>

      <div className="ins-grid">
        <Panel title={t('cards.proposalsByStatus')} testId="panel-proposals-status">
          {d.proposals.total === 0 ? (
            <PanelEmpty message={t('empty.proposals')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.proposalsByStatus}
                label={t('table.chartOf', { title: t('cards.proposalsByStatus') })}
                onClick={({ dataIndex }) =>
                  void navigate(proposalsLink({ status: d.proposals.byStatus[dataIndex]?.status }))
                }
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.status')}</th>
                    <th scope="col" className="num">
                      {t('table.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.proposals.byStatus
                    .filter((s) => s.count > 0)
                    .map((s) => (
                      <tr key={s.status}>
                        <td>{t(`proposalStatus.${s.status}`)}</td>
                        <td className="num">
                          <Link {...proposalsLink({ status: s.status })}>{fmt.integer(s.count)}</Link>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.proposalsByClient')} testId="panel-proposals-client">
          {d.proposals.byClient.length === 0 ? (
            <PanelEmpty message={t('empty.proposals')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.proposalsByClient}
                height={Math.max(200, 40 + 28 * Math.min(d.proposals.byClient.length, 10))}
                label={t('table.chartOf', { title: t('cards.proposalsByClient') })}
                onClick={({ dataIndex }) => {
                  const c = d.proposals.byClient[d.proposals.byClient.slice(0, 10).length - 1 - dataIndex]
                  if (c) void navigate(proposalsLink({ clientId: c.clientId }))
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.client')}</th>
                    <th scope="col" className="num">
                      {t('table.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.proposals.byClient.map((c) => (
                    <tr key={c.clientId}>
                      <td>{c.clientName}</td>
                      <td className="num">
                        <Link {...proposalsLink({ clientId: c.clientId })}>{fmt.integer(c.total)}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.workOrdersByStatus')} testId="panel-work-orders-status">
          {d.workOrders.total === 0 ? (
            <PanelEmpty message={t('empty.workOrders')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.workOrdersByStatus}
                label={t('table.chartOf', { title: t('cards.workOrdersByStatus') })}
                onClick={({ dataIndex }) =>
                  void navigate(workOrdersLink({ status: d.workOrders.byStatus[dataIndex]?.status }))
                }
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.status')}</th>
                    <th scope="col" className="num">
                      {t('table.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.workOrders.byStatus
                    .filter((s) => s.count > 0)
                    .map((s) => (
                      <tr key={s.status}>
                        <td>{t(`workOrderStatus.${s.status}`)}</td>
                        <td className="num">
                          <Link {...workOrdersLink({ status: s.status })}>{fmt.integer(s.count)}</Link>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel title={t('cards.workOrdersByFront')} testId="panel-work-orders-front">
          {d.workOrders.total === 0 ? (
            <PanelEmpty message={t('empty.workOrders')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.workOrdersByFront}
                label={t('table.chartOf', { title: t('cards.workOrdersByFront') })}
                onClick={({ dataIndex }) => {
                  const f = d.workOrders.byFront[dataIndex]
                  if (f?.frontId) void navigate(workOrdersLink({ frontId: f.frontId }))
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.front')}</th>
                    <th scope="col" className="num">
                      {t('table.count')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.overdue')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.workOrders.byFront.map((f) => (
                    <tr key={f.frontId ?? 'none'}>
                      <td>{f.frontName ?? t('table.noFront')}</td>
                      <td className="num">
                        {f.frontId ? (
                          <Link {...workOrdersLink({ frontId: f.frontId })}>{fmt.integer(f.count)}</Link>
                        ) : (
                          fmt.integer(f.count)
                        )}
                      </td>
                      <td className="num">
                        {f.frontId && f.overdue > 0 ? (
                          <Link {...workOrdersLink({ frontId: f.frontId, due: 'overdue' })}>
                            {fmt.integer(f.overdue)}
                          </Link>
                        ) : (
                          fmt.integer(f.overdue)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>

        <Panel
          title={t('cards.authorizedByMonth')}
          hint={t('cards.authorizedHint')}
          wide
          testId="panel-authorized"
        >
          {d.authorized.byMonth.length === 0 ? (
            <PanelEmpty message={t('empty.authorized')} onClear={filtered ? clearFilters : undefined} />
          ) : (
            <>
              <Chart
                option={charts.authorizedByMonth}
                height={300}
                label={t('table.chartOf', { title: t('cards.authorizedByMonth') })}
                onClick={({ dataIndex }) => {
                  const m = d.authorized.byMonth[dataIndex]
                  if (m?.month) void navigate(workOrdersLink(monthSpan(m.month, from, to)))
                }}
              />
              <table className="ins-table">
                <thead>
                  <tr>
                    <th scope="col">{t('table.month')}</th>
                    <th scope="col" className="num">
                      {t('table.workOrders')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.mxn')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.usd')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.authorized.byMonth.map((m) => (
                    <tr key={m.month ?? 'none'}>
                      <td>
                        {m.month ? (
                          <Link {...workOrdersLink(monthSpan(m.month, from, to))}>{fmt.month(m.month)}</Link>
                        ) : (
                          t('table.noMonth')
                        )}
                      </td>
                      <td className="num">{fmt.integer(m.workOrders)}</td>
                      <td className="num">{money(m.mxn, 'MXN')}</td>
                      <td className="num">{money(m.usd, 'USD')}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('table.total_row')}</th>
                    <td />
                    <td className="num">{money(d.authorized.total.mxn, 'MXN')}</td>
                    <td className="num">{money(d.authorized.total.usd, 'USD')}</td>
                  </tr>
                </tfoot>
              </table>
            </>
          )}
        </Panel>

        <ProductionPanels
          p={d.production}
          from={from}
          to={to}
          siteId={siteId}
          today={d.today}
          workOrdersLink={workOrdersLink}
          onClear={filtered ? clearFilters : undefined}
        />
      </div>
    </div>
  )
}

type T = ReturnType<typeof useTranslation<['insights', 'platform']>>['t']
type Fmt = ReturnType<typeof useFormat>

/** The ECharts options of the page, built once per answer. Money goes to the chart as the API's decimal strings. */
function chartOptions(d: TOffshoreDashboard, t: T, fmt: Fmt) {
  const axisLabel = { color: '#3a4753', fontSize: 11 }
  const grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true }
  const bars = (labels: string[], values: number[], color?: string) => ({
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { ...axisLabel, interval: 0, rotate: labels.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: [{ type: 'bar', data: values, barMaxWidth: 36, ...(color ? { itemStyle: { color } } : {}) }],
  })
  const topClients = d.proposals.byClient.slice(0, 10).reverse()
  const statuses = PROPOSAL_STATUSES.filter((s) =>
    topClients.some((c) => c.byStatus.some((x) => x.status === s)),
  )
  const months = d.authorized.byMonth
  return {
    proposalsByStatus: bars(
      d.proposals.byStatus.map((s) => t(`proposalStatus.${s.status}`)),
      d.proposals.byStatus.map((s) => s.count),
    ),
    proposalsByClient: {
      grid: { ...grid, bottom: 32 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, textStyle: axisLabel },
      xAxis: { type: 'value', minInterval: 1, axisLabel },
      yAxis: {
        type: 'category',
        data: topClients.map((c) => c.clientName),
        axisLabel: { ...axisLabel, width: 140, overflow: 'truncate' },
      },
      series: statuses.map((s) => ({
        type: 'bar',
        stack: 'total',
        name: t(`proposalStatus.${s}`),
        data: topClients.map((c) => c.byStatus.find((x) => x.status === s)?.count ?? 0),
      })),
    },
    workOrdersByStatus: bars(
      d.workOrders.byStatus.map((s) => t(`workOrderStatus.${s.status}`)),
      d.workOrders.byStatus.map((s) => s.count),
      '#2a78c2',
    ),
    workOrdersByFront: {
      grid: { ...grid, bottom: 32 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, textStyle: axisLabel },
      xAxis: {
        type: 'category',
        data: d.workOrders.byFront.map((f) => f.frontName ?? t('table.noFront')),
        axisLabel,
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel },
      series: [
        {
          type: 'bar',
          name: t('table.count'),
          data: d.workOrders.byFront.map((f) => f.count),
          barMaxWidth: 36,
        },
        {
          type: 'bar',
          name: t('table.overdue'),
          data: d.workOrders.byFront.map((f) => f.overdue),
          barMaxWidth: 36,
          itemStyle: { color: '#b42318' },
        },
      ],
    },
    authorizedByMonth: {
      grid: { ...grid, top: 32, bottom: 32 },
      legend: { bottom: 0, textStyle: axisLabel },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const m = months[params[0]?.dataIndex ?? 0]
          if (!m) return ''
          return [
            m.month ? fmt.month(m.month) : t('table.noMonth'),
            fmt.money(m.mxn, 'MXN', { code: true }),
            fmt.money(m.usd, 'USD', { code: true }),
          ].join('<br/>')
        },
      },
      xAxis: {
        type: 'category',
        data: months.map((m) => (m.month ? fmt.month(m.month, 'short') : t('table.noMonth'))),
        axisLabel,
      },
      yAxis: [
        { type: 'value', name: 'MXN', axisLabel, nameTextStyle: axisLabel },
        { type: 'value', name: 'USD', axisLabel, nameTextStyle: axisLabel, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: 'MXN', data: months.map((m) => m.mxn), barMaxWidth: 32 },
        {
          type: 'bar',
          name: 'USD',
          yAxisIndex: 1,
          data: months.map((m) => m.usd),
          barMaxWidth: 32,
          itemStyle: { color: '#136c43' },
        },
      ],
    },
  }
}
