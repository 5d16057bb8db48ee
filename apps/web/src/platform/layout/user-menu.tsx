import { useId } from 'react'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Icon } from '../components/icon'
import { useDisclosure } from '../components/use-disclosure'
import { useLogout, useMe } from '../session'
import { LanguageSwitch } from './language-switch'

const initials = (name: string) =>
  name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')

/** Disclosure menu: name, role, change password, language, sign out. Escape or a click outside closes it. */
export const UserMenu = () => {
  const { t } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const { open, setOpen, rootRef, buttonRef } = useDisclosure()
  const panelId = useId()
  const logout = useLogout(() => void navigate({ to: '/login' }))

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('user.menu')}: ${me.user.name}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.user.name) || '?'}
        </span>
        <span className="user-menu__name">{me.user.name}</span>
        <Icon name="chevronDown" className="icon--sm" />
      </button>
      {open ? (
        <div id={panelId} className="user-menu__panel">
          <div className="user-menu__who">
            <p className="user-menu__who-name">{me.user.name}</p>
            <p className="user-menu__who-email">{me.user.email}</p>
            <p className="user-menu__who-role">{t(`roles.${me.user.role}`)}</p>
          </div>
          <ul className="user-menu__list">
            <li>
              <Link to="/account/password" className="user-menu__item" onClick={() => setOpen(false)}>
                <Icon name="key" />
                {t('user.changePassword')}
              </Link>
            </li>
            <li>
              <Link to="/account/notifications" className="user-menu__item" onClick={() => setOpen(false)}>
                <Icon name="bell" />
                {t('user.notifications')}
              </Link>
            </li>
            <li className="user-menu__lang">
              <span className="user-menu__lang-label">
                <Icon name="globe" />
                {t('user.language')}
              </span>
              <LanguageSwitch />
            </li>
            <li>
              <button
                type="button"
                className="user-menu__item"
                disabled={logout.isPending}
                onClick={() => logout.mutate()}
              >
                <Icon name="logout" />
                {logout.isPending ? t('user.loggingOut') : t('user.logout')}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  )
}
