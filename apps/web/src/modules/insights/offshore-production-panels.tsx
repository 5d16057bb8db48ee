/**
 * The offshore dashboard's production figures (docs/insights.md#production-money): headline cards for money
 * executed, remaining, unbilled production and evidence completion, the money executed by month (chart and
 * table) and the production per work order. Every figure opens its list with the dashboard's filters.
 */
import { useMemo } from 'react'
import { Link, useNavigate, type LinkProps } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TOffshoreDashboard } from '@faena/contracts'
import { cleanSearch } from '../../platform/list-search'
import { useFormat } from '../../platform/session'
import { Chart } from './chart'
import { Kpi, Panel, PanelEmpty, monthSpan } from './ui'

type Production = TOffshoreDashboard['production']
type WorkOrdersLink = (extra?: { from?: string; to?: string }) => LinkProps

export const ProductionKpis = ({ p, workOrdersLink }: { p: Production; workOrdersLink: WorkOrdersLink }) => {
  const { t } = useTranslation('insights')
  const fmt = useFormat()
  const money = (amount: string, currency: string) => fmt.money(amount, currency, { code: true })
  const both = (mxn: string, usd: string) => (
    <>
      <span className="ins-kpi__line">{money(mxn, 'MXN')}</span>
      <span className="ins-kpi__line">{money(usd, 'USD')}</span>
    </>
  )
  const homologated = (amount: string | null) =>
    amount === null ? t('production.noRate') : t('production.homologated', { amount: money(amount, 'MXN') })
  return (
    <>
      <Kpi
        label={t('production.executed')}
        value={both(p.executed.mxn, p.executed.usd)}
        money
        detail={homologated(p.executed.homologatedMxn)}
        link={workOrdersLink()}
        testId="kpi-executed"
      />
      <Kpi
        label={t('production.remaining')}
        value={both(p.remaining.mxn, p.remaining.usd)}
        money
        tone={p.remaining.mxn.startsWith('-') || p.remaining.usd.startsWith('-') ? 'danger' : undefined}
        detail={
          <>
            {t('production.remainingDetail', { date: fmt.date(p.remaining.asOf) })}
            <br />
            {homologated(p.remaining.homologatedMxn)}
          </>
        }
        link={workOrdersLink()}
        testId="kpi-remaining"
      />
      <Kpi
        label={t('production.unbilled')}
        value={both(p.unbilled.mxn, p.unbilled.usd)}
        money
        detail={t('production.unbilledDetail', { count: p.unbilled.cells })}
        link={{ to: '/estimates' }}
        testId="kpi-unbilled"
      />
      <Kpi
        label={t('production.evidence')}
        value={
          p.evidence.percent === null
            ? '—'
            : fmt.percent(p.evidence.percent, { ratio: false, maxFractionDigits: 1 })
        }
        tone={p.evidence.percent !== null && p.evidence.signed < p.evidence.needed ? undefined : 'success'}
        detail={
          p.evidence.needed === 0
            ? t('production.noEvidence')
            : t('production.evidenceDetail', {
                signed: fmt.integer(p.evidence.signed),
                needed: fmt.integer(p.evidence.needed),
              })
        }
        link={workOrdersLink()}
        testId="kpi-evidence"
      />
    </>
  )
}

export const ProductionPanels = ({
  p,
  from,
  to,
  siteId,
  today,
  workOrdersLink,
  onClear,
}: {
  p: Production
  from: string | undefined
  to: string | undefined
  siteId: string | undefined
  today: string
  workOrdersLink: WorkOrdersLink
  onClear: (() => void) | undefined
}) => {
  const { t } = useTranslation('insights')
  const fmt = useFormat()
  const navigate = useNavigate()
  const money = (amount: string | null, currency: string) =>
    amount === null ? '—' : fmt.money(amount, currency, { code: true })
  const months = p.executedByMonth
  const chart = useMemo(() => {
    const axisLabel = { color: '#3a4753', fontSize: 11 }
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 32, containLabel: true },
      legend: { bottom: 0, textStyle: axisLabel },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const m = months[params[0]?.dataIndex ?? 0]
          if (!m) return ''
          return [
            fmt.month(m.month),
            fmt.money(m.mxn, 'MXN', { code: true }),
            fmt.money(m.usd, 'USD', { code: true }),
            m.homologatedMxn === null ? '' : `≈ ${fmt.money(m.homologatedMxn, 'MXN', { code: true })}`,
          ]
            .filter(Boolean)
            .join('<br/>')
        },
      },
      xAxis: { type: 'category', data: months.map((m) => fmt.month(m.month, 'short')), axisLabel },
      yAxis: [
        { type: 'value', name: 'MXN', axisLabel, nameTextStyle: axisLabel },
        { type: 'value', name: 'USD', axisLabel, nameTextStyle: axisLabel, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: 'MXN',
          data: months.map((m) => m.mxn),
          barMaxWidth: 32,
          itemStyle: { color: '#7a4fb3' },
        },
        {
          type: 'bar',
          name: 'USD',
          yAxisIndex: 1,
          data: months.map((m) => m.usd),
          barMaxWidth: 32,
          itemStyle: { color: '#136c43' },
        },
      ],
    }
  }, [months, fmt])
  // the evidence of a work order opens in the month the period ends (else this month), at the site filtered
  const evidenceMonth = (to ?? today).slice(0, 7)

  return (
    <>
      <Panel
        title={t('production.executedByMonth')}
        hint={t('production.executedHint')}
        wide
        testId="panel-executed"
      >
        {months.length === 0 ? (
          <PanelEmpty message={t('production.empty')} onClear={onClear} />
        ) : (
          <>
            <Chart
              option={chart}
              height={300}
              label={t('table.chartOf', { title: t('production.executedByMonth') })}
              onClick={({ dataIndex }) => {
                const m = months[dataIndex]
                if (m) void navigate(workOrdersLink(monthSpan(m.month, from, to)))
              }}
            />
            <table className="ins-table">
              <thead>
                <tr>
                  <th scope="col">{t('table.month')}</th>
                  <th scope="col" className="num">
                    {t('table.mxn')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.usd')}
                  </th>
                  <th scope="col" className="num">
                    {t('production.rate')}
                  </th>
                  <th scope="col" className="num">
                    {t('production.homologatedCol')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <td>
                      <Link {...workOrdersLink(monthSpan(m.month, from, to))}>{fmt.month(m.month)}</Link>
                    </td>
                    <td className="num">{money(m.mxn, 'MXN')}</td>
                    <td className="num">{money(m.usd, 'USD')}</td>
                    <td className="num" title={m.rateFrom ? fmt.date(m.rateFrom) : t('production.noRate')}>
                      {m.rate === null ? '—' : fmt.quantity(m.rate, { maxFractionDigits: 6 })}
                    </td>
                    <td className="num">{money(m.homologatedMxn, 'MXN')}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('table.total_row')}</th>
                  <td className="num">{money(p.executed.mxn, 'MXN')}</td>
                  <td className="num">{money(p.executed.usd, 'USD')}</td>
                  <td />
                  <td className="num">{money(p.executed.homologatedMxn, 'MXN')}</td>
                </tr>
              </tfoot>
            </table>
          </>
        )}
      </Panel>

      <Panel
        title={t('production.byWorkOrder')}
        hint={t('production.byWorkOrderHint')}
        wide
        testId="panel-production-work-orders"
      >
        {p.byWorkOrder.length === 0 ? (
          <PanelEmpty message={t('production.empty')} onClear={onClear} />
        ) : (
          <table className="ins-table">
            <thead>
              <tr>
                <th scope="col">{t('production.workOrder')}</th>
                <th scope="col" className="num">
                  {t('production.executed')} MXN
                </th>
                <th scope="col" className="num">
                  {t('production.executed')} USD
                </th>
                <th scope="col" className="num">
                  {t('production.unbilledCol')}
                </th>
                <th scope="col" className="num">
                  {t('production.evidenceCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.byWorkOrder.map((w) => (
                <tr key={w.workOrderId}>
                  <td>
                    <Link to="/work-orders/$id" params={{ id: w.workOrderId }}>
                      {w.number}
                    </Link>
                  </td>
                  <td className="num">{money(w.executedMxn, 'MXN')}</td>
                  <td className="num">{money(w.executedUsd, 'USD')}</td>
                  <td className="num">
                    <Link to="/estimates" search={{ workOrderId: w.workOrderId }}>
                      {money(w.unbilledMxn, 'MXN')} · {money(w.unbilledUsd, 'USD')}
                    </Link>
                  </td>
                  <td className="num">
                    {w.evidenceNeeded === 0 ? (
                      '—'
                    ) : (
                      <Link
                        to="/production"
                        search={cleanSearch({
                          tab: 'evidence' as const,
                          workOrderId: w.workOrderId,
                          siteId,
                          month: evidenceMonth,
                        })}
                      >
                        {fmt.integer(w.evidenceSigned)} / {fmt.integer(w.evidenceNeeded)}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  )
}
