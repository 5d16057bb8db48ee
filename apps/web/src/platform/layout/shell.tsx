import { useEffect, useState } from 'react'
import { Link, Outlet, useLocation } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Icon } from '../components/icon'
import { visibleNavItems } from '../nav'
import { useCan, useMe } from '../session'
import { NotificationsBell } from './notifications-bell'
import { UserMenu } from './user-menu'
import { GlobalSearch } from '../../modules/search'

/** The signed-in layout: top bar, left navigation (a drawer on tablets), main content. */
export const Shell = () => {
  const { t } = useTranslation()
  const me = useMe()
  const has = useCan()
  const { pathname } = useLocation()
  const [navOpen, setNavOpen] = useState(false)
  const [lastPath, setLastPath] = useState(pathname)
  if (pathname !== lastPath) {
    setLastPath(pathname)
    setNavOpen(false)
  }

  useEffect(() => {
    if (!navOpen) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setNavOpen(false)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [navOpen])

  const items = visibleNavItems(has, me.organization.linesOfBusiness)

  return (
    <div className={navOpen ? 'shell shell--nav-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-expanded={navOpen}
          aria-controls="sidenav"
          aria-label={navOpen ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setNavOpen((o) => !o)}
        >
          <Icon name={navOpen ? 'close' : 'menu'} />
        </button>
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            F
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <span className="topbar__org" title={me.organization.name}>
          {me.organization.name}
        </span>
        <GlobalSearch />
        <span className="topbar__spacer" />
        <NotificationsBell />
        <UserMenu />
      </header>
      <nav id="sidenav" className="sidenav" aria-label={t('nav.label')}>
        <ul className="sidenav__list">
          {items.map((item) => (
            <li key={item.to} className={item.section ? 'sidenav__section-start' : undefined}>
              <Link
                to={item.to}
                className="sidenav__link"
                activeProps={{ className: 'sidenav__link sidenav__link--active', 'aria-current': 'page' }}
                activeOptions={{ exact: item.to === '/' }}
              >
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidenav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
