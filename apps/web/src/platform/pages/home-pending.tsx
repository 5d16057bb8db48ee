import type { ReactElement } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type {
  TBillingSheetSummary,
  TMaintenanceSheetSummary,
  TProposalSummary,
  TWorkOrderSummary,
} from '@faena/contracts'
import { apiGet, toQueryString } from '../api'
import { todayIn } from '../format'
import { useCan, useFormat, useMe } from '../session'

/** How many records each card lists; the card's count and its link cover the rest. */
const SHOWN = 5

type Page<T> = { items: T[]; total: number }

type Card<T> = {
  key: string
  title: string
  empty: string
  /** where "see all" goes: the list, filtered the same way */
  listTo: string
  listSearch: Record<string, string>
  query: { queryKey: unknown[]; queryFn: () => Promise<Page<T>> }
  line: (item: T) => { to: string; params: { id: string }; label: string; detail: string }
}

const pendingQuery = <T,>(url: string, query: Record<string, string | number>) => ({
  queryKey: ['home-pending', url, query] as unknown[],
  queryFn: () => apiGet<Page<T>>(`${url}${toQueryString(query)}`),
})

/** One card: the count, the first records (oldest first) and a link to the whole filtered list. */
function PendingCard<T>({ card }: { card: Card<T> }) {
  const { t } = useTranslation()
  const q = useQuery(card.query)
  const total = q.data?.total ?? 0
  return (
    <section className="card pending" aria-labelledby={`pending-${card.key}`} aria-busy={q.isPending}>
      <h3 id={`pending-${card.key}`} className="pending__title">
        <span>{card.title}</span>
        {q.data ? (
          <span className={`pending__count${total > 0 ? ' pending__count--due' : ''}`}>{total}</span>
        ) : null}
      </h3>
      {q.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : q.isError ? (
        <p className="muted">{t('home.pendingUnavailable')}</p>
      ) : total === 0 ? (
        <p className="muted">{card.empty}</p>
      ) : (
        <>
          <ul className="pending__list">
            {q.data.items.map((item) => {
              const l = card.line(item)
              return (
                <li key={l.params.id}>
                  <Link to={l.to} params={l.params} className="pending__link">
                    {l.label}
                  </Link>
                  <span className="pending__detail">{l.detail}</span>
                </li>
              )
            })}
          </ul>
          {total > q.data.items.length ? (
            <Link to={card.listTo} search={card.listSearch} className="pending__all">
              {t('home.pendingSeeAll', { count: total })}
            </Link>
          ) : null}
        </>
      )}
    </section>
  )
}

/**
 * The home page's "Pendiente" section: what the user can act on now, per line of business and permission —
 * overdue proposals and work orders, open billing sheets (oldest period first, ended ones flagged) and
 * maintenance sheets still in draft. Read from the
 * lists' own filters, so a card's count equals what its "see all" link shows.
 */
export const HomePending = () => {
  const { t } = useTranslation()
  const me = useMe()
  const has = useCan()
  const fmt = useFormat()
  const lines = me.organization.linesOfBusiness
  const offshore = lines.includes('offshore')
  const rental = lines.includes('rental')
  const today = todayIn(fmt.timeZone)

  const cards: ReactElement[] = []
  const add = <T,>(card: Card<T>) => cards.push(<PendingCard key={card.key} card={card} />)

  if (offshore && has('proposal.read')) {
    const search = { overdue: 'true', sort: 'deliveryDate', dir: 'asc' }
    add<TProposalSummary>({
      key: 'proposals',
      title: t('home.pendingProposals'),
      empty: t('home.pendingProposalsNone'),
      listTo: '/proposals',
      listSearch: search,
      query: pendingQuery('/api/v1/proposals', { ...search, limit: SHOWN }),
      line: (p) => ({
        to: '/proposals/$id',
        params: { id: p.id },
        label: p.officialNumber,
        detail: t('home.dueOn', { date: fmt.date(p.deliveryDate) }) + ` · ${p.description}`,
      }),
    })
  }
  if (offshore && has('workOrder.read')) {
    const order = { sort: 'familyEnd', dir: 'asc' }
    add<TWorkOrderSummary>({
      key: 'work-orders',
      title: t('home.pendingWorkOrders'),
      empty: t('home.pendingWorkOrdersNone'),
      listTo: '/work-orders',
      listSearch: { due: 'overdue', ...order },
      query: pendingQuery('/api/v1/work-orders', { overdue: 'true', ...order, limit: SHOWN }),
      line: (w) => ({
        to: '/work-orders/$id',
        params: { id: w.id },
        label: w.number,
        detail: t('home.dueOn', { date: fmt.date(w.familyEnd) }) + ` · ${w.description}`,
      }),
    })
  }
  if (rental && has('rental.read')) {
    // open sheets, oldest period first: those whose period has ended are waiting to be liquidated
    const search = { status: 'in_progress', sort: 'periodStart', dir: 'asc' }
    add<TBillingSheetSummary>({
      key: 'billing-sheets',
      title: t('home.pendingSheets'),
      empty: t('home.pendingSheetsNone'),
      listTo: '/rental/billing-sheets',
      listSearch: search,
      query: pendingQuery('/api/v1/rental/billing-sheets', { ...search, limit: SHOWN }),
      line: (s) => ({
        to: '/rental/billing-sheets/$id',
        params: { id: s.id },
        label: s.seriesCode,
        detail:
          (s.periodEnd < today
            ? t('home.periodEnded', { date: fmt.date(s.periodEnd) })
            : t('home.periodUntil', { date: fmt.date(s.periodEnd) })) + ` · ${s.projectName}`,
      }),
    })
  }

  if (rental && has('rental.read')) {
    // field documents still in draft: they are closed before the month is liquidated
    const search = { status: 'draft', sort: 'startDate', dir: 'asc' }
    add<TMaintenanceSheetSummary>({
      key: 'maintenance-sheets',
      title: t('home.pendingMaintenance'),
      empty: t('home.pendingMaintenanceNone'),
      listTo: '/rental/maintenance-sheets',
      listSearch: search,
      query: pendingQuery('/api/v1/rental/maintenance-sheets', { ...search, limit: SHOWN }),
      line: (m) => ({
        to: '/rental/maintenance-sheets/$id',
        params: { id: m.id },
        label: m.displayNumber,
        detail: `${fmt.date(m.startDate)} · ${m.equipmentName ?? m.projectName}`,
      }),
    })
  }

  if (cards.length === 0) return null
  return (
    <section className="home__pending" aria-labelledby="home-pending">
      <h2 id="home-pending" className="section-title">
        {t('home.pending')}
      </h2>
      <div className="pending-grid">{cards}</div>
    </section>
  )
}
