/**
 * The production screen (docs/production.md): site and month on top, then the daily report of the site (one
 * row per work order, one column per day) and the production sheet of the chosen work order; the Configuración
 * tab holds the organization's day-status catalog and exchange rates.
 */
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState, ErrorState, PageHeader } from '../../platform/components'
import { todayIn } from '../../platform/format'
import { useFormat } from '../../platform/session'
import { sitesQuery } from './api'
import { DailyStatusTab } from './daily-status-tab'
import { DayStatusCatalog } from './day-status-catalog'
import { EvidenceAnnexes } from './evidence-annexes'
import { EvidenceTab } from './evidence-tab'
import { ExchangeRates } from './exchange-rates'
import { MonthlyTab } from './monthly-tab'
import { ProductionGridTab } from './production-grid-tab'
import { RotationsSettings } from './rotations-settings'
import './production.css'

export function ProductionPage() {
  const { t } = useTranslation('production')
  const fmt = useFormat()
  const search = useSearch({ from: '/app/production' })
  const navigate = useNavigate({ from: '/production' })
  const month = search.month ?? todayIn(fmt.timeZone).slice(0, 7)
  const sites = useQuery(sitesQuery(month))
  const siteId = search.siteId ?? sites.data?.items[0]?.id
  const site = sites.data?.items.find((s) => s.id === siteId)
  const tab = search.tab ?? 'daily'
  const tabs = ['daily', 'grid', 'evidence', 'monthly', 'settings'] as const
  const settings = tab === 'settings'
  const set = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...patch }) })

  return (
    <div className="page production">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="production__bar">
        {settings ? null : (
          <>
            <label className="production__field">
              <span>{t('month')}</span>
              <input
                className="input"
                type="month"
                value={month}
                onChange={(e) =>
                  e.target.value && set({ month: e.target.value, siteId: undefined, workOrderId: undefined })
                }
              />
            </label>
            <label className="production__field">
              <span>{t('site')}</span>
              <select
                className="input"
                value={siteId ?? ''}
                onChange={(e) => set({ siteId: e.target.value, workOrderId: undefined })}
                disabled={!sites.data?.items.length}
              >
                {(sites.data?.items ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} · {t(`siteKind.${s.kind as 'vessel'}`)} ({s.workOrderCount})
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="production__tabs" role="tablist" aria-label={t('title')}>
          {tabs.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={`production__tab ${tab === k ? 'production__tab--on' : ''}`}
              onClick={() => set({ tab: k })}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {settings ? (
        <div className="production-settings">
          <DayStatusCatalog />
          <ExchangeRates />
          <EvidenceAnnexes />
          <RotationsSettings siteId={search.siteId} />
        </div>
      ) : sites.isError ? (
        <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />
      ) : sites.data && !siteId ? (
        <EmptyState title={t('noSites')}>{t('noSitesHint')}</EmptyState>
      ) : siteId ? (
        tab === 'daily' ? (
          <DailyStatusTab
            siteId={siteId}
            siteName={site?.name ?? ''}
            month={month}
            onOpenGrid={(workOrderId) => set({ tab: 'grid', workOrderId })}
          />
        ) : tab === 'monthly' ? (
          <MonthlyTab siteId={siteId} siteName={site?.name ?? ''} month={month} />
        ) : tab === 'evidence' ? (
          <EvidenceTab
            siteId={siteId}
            siteName={site?.name ?? ''}
            month={month}
            workOrderId={search.workOrderId}
            onChange={(patch) => set(patch)}
          />
        ) : (
          <ProductionGridTab
            siteId={siteId}
            siteName={site?.name ?? ''}
            month={month}
            workOrderId={search.workOrderId}
            timeType={search.timeType ?? 'TE'}
            onChange={(patch) => set(patch)}
          />
        )
      ) : null}
    </div>
  )
}
