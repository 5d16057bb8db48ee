import { Suspense } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useCan, useFormat, useMe } from '../../platform/session'
import { summaryQuery } from './api'
import './field-staff.css'

/** The first documents needing attention, soonest first, with the counts by threshold. */
const Section = () => {
  const { t } = useTranslation('field-staff')
  const fmt = useFormat()
  const q = useQuery(summaryQuery())
  if (!q.data) return null
  const s = q.data
  const total = s.expired + s.due10 + s.due30
  const count = (key: 'expired' | 'due10' | 'due30') => (
    <Link
      to="/rental/compliance"
      search={{ status: key }}
      className={`fs-count fs-count--${key}`}
      data-testid={`compliance-${key}`}
    >
      <strong>{fmt.integer(s[key])}</strong> {t(`home.${key}`)}
    </Link>
  )
  return (
    <section className="home__pending" aria-labelledby="home-compliance" data-testid="home-compliance">
      <h2 id="home-compliance" className="section-title">
        {t('home.title')}
      </h2>
      <div className="card pending">
        <div className="fs-counts">
          {count('expired')}
          {count('due10')}
          {count('due30')}
        </div>
        {total === 0 ? (
          <p className="muted">{t('home.none')}</p>
        ) : (
          <ul className="pending__list">
            {s.items.map((r) => (
              <li key={r.documentId}>
                {r.ownerKind === 'staff' ? (
                  <Link to="/rental/staff/$id" params={{ id: r.ownerId }} className="pending__link">
                    {r.ownerName}
                  </Link>
                ) : (
                  <Link to="/rental/vehicles/$id" params={{ id: r.ownerId }} className="pending__link">
                    {r.ownerName}
                  </Link>
                )}
                <span className="pending__detail">
                  {r.kindName} · {fmt.date(r.expiresOn)} · {t(`status.${r.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link to="/rental/compliance" search={{ sort: 'expiresOn', dir: 'asc' }} className="pending__all">
          {t('home.seeAll')}
        </Link>
      </div>
    </section>
  )
}

/** The home page's "Vencimientos": for rental organizations and whoever reads field staff. */
export const HomeCompliance = () => {
  const me = useMe()
  const has = useCan()
  if (!me.organization.linesOfBusiness.includes('rental') || !has('fieldStaff.read')) return null
  return (
    <Suspense fallback={null}>
      <Section />
    </Suspense>
  )
}
