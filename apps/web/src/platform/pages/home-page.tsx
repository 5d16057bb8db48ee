import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Icon } from '../components/icon'
import { PageHeader } from '../components/page-header'
import { visibleNavItems } from '../nav'
import { useCan, useFormat, useMe } from '../session'
import { HomeCompliance } from '../../modules/field-staff'
import { HomePending } from './home-pending'

const countryName = (code: string, lang: string): string => {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

const hourIn = (timeZone: string): number =>
  Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()))

export const HomePage = () => {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const has = useCan()
  const fmt = useFormat()
  const org = me.organization
  const hour = hourIn(org.timeZone)
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name
  const greeting =
    hour < 12 ? 'home.greetingMorning' : hour < 19 ? 'home.greetingAfternoon' : 'home.greetingEvening'
  const links = visibleNavItems(has, me.organization.linesOfBusiness).filter((i) => i.hint)

  return (
    <div className="page">
      <PageHeader title={t(greeting, { name: firstName })} subtitle={t('home.intro', { org: org.name })} />
      <div className="home">
        <div className="home__main">
          <HomePending />
          <HomeCompliance />
          <section className="home__modules" aria-labelledby="home-modules">
            <h2 id="home-modules" className="section-title">
              {t('home.modules')}
            </h2>
            {links.length === 0 ? (
              <p className="muted">{t('home.noModules')}</p>
            ) : (
              <ul className="tiles">
                {links.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} className="tile">
                      <span className="tile__icon">
                        <Icon name={item.icon} />
                      </span>
                      <span className="tile__text">
                        <span className="tile__title">{t(item.label)}</span>
                        {item.hint ? <span className="tile__hint">{t(item.hint)}</span> : null}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="card home__org" aria-labelledby="home-org">
          <h2 id="home-org" className="section-title">
            {org.name}
          </h2>
          <dl className="deflist">
            <dt>{t('home.country')}</dt>
            <dd>{countryName(org.country, i18n.language)}</dd>
            <dt>{t('home.timeZone')}</dt>
            <dd>{org.timeZone}</dd>
            <dt>{t('home.currencies')}</dt>
            <dd>{org.currencies.join(', ')}</dd>
            <dt>{t('home.taxRate')}</dt>
            <dd>{fmt.percent(org.taxRate)}</dd>
            <dt>{t('home.role')}</dt>
            <dd>{t(`roles.${me.user.role}`)}</dd>
          </dl>
        </aside>
      </div>
    </div>
  )
}
